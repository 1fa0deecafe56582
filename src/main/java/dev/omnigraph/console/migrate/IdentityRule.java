package dev.omnigraph.console.migrate;

import dev.omnigraph.console.storage.ObjectInfo;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StorageException;
import java.util.Optional;

/**
 * Decides whether a destination object already holds exactly its source object's bytes, so a
 * resumed migration skips it, and so verify can vouch for it. Sizes must match, and then, in this
 * order, the first rule that applies:
 * <ol>
 *   <li><b>ETag</b> (S3 → S3): equal ETags. A single-part ETag is the MD5 of the bytes; a
 *       multipart ETag is the MD5 of the part MD5s, equal only for equal parts. Trusted: the
 *       server's MD5 (collisions are not a threat model for copying one's own data).</li>
 *   <li><b>Journal</b>: the {@link CopyJournal} recorded a checksummed copy of this key, and both
 *       the source and the destination fingerprints are still the ones recorded. Trusted: the
 *       journal in the admin's home, and that fingerprints change when an object is rewritten.</li>
 *   <li><b>Checksum</b> (a local side is cheap to read): local ↔ local compares SHA-256 of both;
 *       local ↔ S3 compares the local file's MD5 with a single-part ETag, or its multipart ETag
 *       for the console's own part layout. Trusted: the bytes just read.</li>
 * </ol>
 * Anything else is "different": the object is copied again, replacing the destination version
 * seen here with If-Match on its token ({@link Decision#destinationToken()}). A false "different"
 * costs a copy; a false "identical" is what these rules are built to rule out.
 */
final class IdentityRule {
    /** Which rule vouched for the object. */
    enum How { ETAG, JOURNAL, CHECKSUM }

    /**
     * @param how              the rule, when identical
     * @param destinationToken the destination's version token, for an If-Match replacement when different
     * @param reason           why it differs, for the plan's listing
     */
    record Decision(boolean identical, How how, String destinationToken, String reason) {
        static Decision same(How how) {
            return new Decision(true, how, null, null);
        }

        static Decision different(String token, String reason) {
            return new Decision(false, null, token, reason);
        }
    }

    private final ObjectStore source;
    private final boolean sourceLocal;
    private final ObjectStore destination;
    private final boolean destinationLocal;
    private final CopyJournal journal;

    IdentityRule(ObjectStore source, boolean sourceLocal, ObjectStore destination, boolean destinationLocal, CopyJournal journal) {
        this.source = source;
        this.sourceLocal = sourceLocal;
        this.destination = destination;
        this.destinationLocal = destinationLocal;
        this.journal = journal;
    }

    Decision decide(ObjectInfo src, ObjectInfo dst) throws StorageException {
        if (src.size() != dst.size()) {
            return Decision.different(destinationToken(dst, null), "size differs (" + dst.size() + " bytes at the destination, "
                    + src.size() + " at the source)");
        }
        if (!sourceLocal && !destinationLocal && src.etag() != null && src.etag().equals(dst.etag())) {
            return Decision.same(How.ETAG);
        }
        if (journalVouches(src, dst)) {
            return Decision.same(How.JOURNAL);
        }
        if (destinationLocal) {
            ContentHashes there = hash(destination, dst.key());
            boolean same;
            if (sourceLocal) {
                same = there.sha256().equals(hash(source, src.key()).sha256());
            } else {
                same = there.matchesEtag(src.etag());
            }
            return same ? Decision.same(How.CHECKSUM) : Decision.different(there.sha256(), sourceLocal
                    ? "content differs (SHA-256)" : "content differs, or the source ETag is not comparable (no journal entry)");
        }
        if (sourceLocal) {
            ContentHashes here = hash(source, src.key());
            return here.matchesEtag(dst.etag()) ? Decision.same(How.CHECKSUM)
                    : Decision.different(dst.etag(), "content differs, or the destination ETag is not comparable (no journal entry)");
        }
        return Decision.different(dst.etag(), "ETags differ and no journal entry vouches for the destination object");
    }

    /** The journal rule alone: a checksummed copy recorded against these exact fingerprints. */
    Optional<CopyJournal.Entry> journalEntry(ObjectInfo src, ObjectInfo dst) {
        Optional<CopyJournal.Entry> e = journal.get(src.key());
        if (e.isEmpty() || e.get().size() != src.size()
                || !e.get().sourceFingerprint().equals(Fingerprint.of(src, sourceLocal))
                || !e.get().destinationFingerprint().equals(Fingerprint.of(dst, destinationLocal))) {
            return Optional.empty();
        }
        return e;
    }

    private boolean journalVouches(ObjectInfo src, ObjectInfo dst) {
        return journalEntry(src, dst).isPresent();
    }

    /** The token an If-Match replacement must quote: the ETag on S3, the content hash in a folder. */
    private String destinationToken(ObjectInfo dst, ContentHashes known) throws StorageException {
        if (!destinationLocal) {
            return dst.etag();
        }
        return (known != null ? known : hash(destination, dst.key())).sha256();
    }

    private static ContentHashes hash(ObjectStore store, String key) throws StorageException {
        return ContentHashes.of(store, key).orElseThrow(() -> new StorageException(StorageException.Kind.NOT_FOUND, key,
                key + " vanished while it was being compared"));
    }
}
