package dev.omnigraph.console.migrate;

import dev.omnigraph.console.storage.CheckedCopy;
import dev.omnigraph.console.storage.ObjectInfo;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.PutResult;
import dev.omnigraph.console.storage.S3ObjectStore;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.WriteCondition;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Copies one planned object, with retries. Every destination write is conditional: a new object is
 * created only if absent, an object an earlier attempt left different is replaced only if it is
 * still the version the plan saw (If-Match). Server-side {@code CopyObject} when both roots share an
 * endpoint: with the plan's condition where the destination proved that copies honour it, otherwise
 * for new objects only, each checked by the ETag the copy returns (the source listing's) and again
 * by verify's fresh listing (size and ETag);
 * otherwise the bytes stream through here (multipart above the store's threshold), hashed with
 * SHA-256 on the way.
 *
 * <p>Retried with backoff: throttling, 5xx, timeouts, unreachable endpoints, a source read that
 * broke mid-stream, and unknown outcomes once a re-read shows the write did not land. An unknown
 * outcome or a lost precondition is resolved by re-reading the destination: if it now holds exactly
 * our bytes, the object is done; if it holds anything else, the object fails and nothing is
 * overwritten.
 */
final class ObjectTransfer {

    /** What became of one object. */
    sealed interface Outcome {
        /** Written by us; {@code sha256} is null for a server-side copy. */
        record Copied(CopyJournal.Method method, String sha256, String destinationFingerprint) implements Outcome {}

        /** The destination already held exactly these bytes (found when resolving a lost precondition or an unknown outcome). */
        record AlreadyThere(String sha256, String destinationFingerprint) implements Outcome {}

        /** Failed after its retries. {@code fatal}: every other object would fail the same way (credentials, permissions, bucket). */
        record Failed(String message, boolean fatal) implements Outcome {}
    }

    private final ObjectStore source;
    private final ObjectStore destination;
    private final boolean destinationLocal;
    private final boolean sourceLocal;
    private final AtomicBoolean serverSide;
    private final boolean preconditionsProven;
    private final java.util.concurrent.atomic.AtomicLong readBack = new java.util.concurrent.atomic.AtomicLong();
    private final MemoryBudget memory;
    private final CopySettings settings;
    private final CopyControl control;
    private final TransferTracker tracker;
    private final MigrationListener listener;

    ObjectTransfer(ObjectStore source, boolean sourceLocal, ObjectStore destination, boolean destinationLocal, boolean serverSide,
                   MemoryBudget memory, CopySettings settings, CopyControl control, TransferTracker tracker, MigrationListener listener) {
        this(source, sourceLocal, destination, destinationLocal, serverSide, true, memory, settings, control, tracker, listener);
    }

    /** @param preconditionsProven the destination's server-side copies honour preconditions (otherwise: new objects only, checked by ETag) */
    ObjectTransfer(ObjectStore source, boolean sourceLocal, ObjectStore destination, boolean destinationLocal, boolean serverSide,
                   boolean preconditionsProven, MemoryBudget memory, CopySettings settings, CopyControl control, TransferTracker tracker,
                   MigrationListener listener) {
        this.preconditionsProven = preconditionsProven;
        this.source = source;
        this.sourceLocal = sourceLocal;
        this.destination = destination;
        this.destinationLocal = destinationLocal;
        this.serverSide = new AtomicBoolean(serverSide);
        this.memory = memory;
        this.settings = settings;
        this.control = control;
        this.tracker = tracker;
        this.listener = listener;
    }

    Outcome run(PlanEntry entry, TransferTracker.Live live) {
        WriteCondition condition = entry.action() == PlanEntry.Action.OVERWRITE
                ? WriteCondition.ifMatch(entry.destinationToken()) : WriteCondition.IF_ABSENT;
        for (int attempt = 1; ; attempt++) {
            if (attempt > 1) {
                tracker.restart(live);
                control.sleep(settings.backoffMillis(attempt - 1));
            }
            String[] streamedSha = new String[1];
            try {
                Outcome o = attempt(entry, condition, live, streamedSha);
                if (o != null) {
                    return o;
                }
                // the precondition no longer held, or the write's outcome was unknown: look at the destination
                Optional<Outcome> resolved = resolve(entry, condition, streamedSha[0]);
                if (resolved.isPresent()) {
                    return resolved.get();
                }
                if (attempt >= settings.maxAttempts()) {
                    return new Outcome.Failed(entry.key() + ": the destination kept refusing the write", false);
                }
            } catch (StorageException e) {
                if (e.kind() == StorageException.Kind.CANCELLED || control.cancelled()) {
                    throw new CancellationException("cancelled");
                }
                if (fatal(e.kind())) {
                    return new Outcome.Failed(e.describe(), true);
                }
                boolean retryable = e.kind().transientFailure() || e.kind() == StorageException.Kind.OUTCOME_UNKNOWN
                        || e.getCause() instanceof SourceReadFailure;
                if (e.kind() == StorageException.Kind.OUTCOME_UNKNOWN) {
                    Optional<Outcome> resolved = resolveQuietly(entry, condition, streamedSha[0]);
                    if (resolved.isPresent()) {
                        return resolved.get();
                    }
                }
                if (!retryable || attempt >= settings.maxAttempts()) {
                    return new Outcome.Failed(e.describe() + (attempt > 1 ? " (after " + attempt + " attempts)" : ""), false);
                }
                listener.onEvent(new MigrationEvent.Notice(java.time.Instant.now(), MigrationPhase.COPY, MigrationEvent.Level.INFO,
                        "retrying " + entry.key() + " (attempt " + (attempt + 1) + " of " + settings.maxAttempts() + "): " + e.getMessage()));
            } catch (RuntimeException e) {
                if (e instanceof CancellationException || control.cancelled()) {
                    throw e instanceof CancellationException ce ? ce : new CancellationException("cancelled");
                }
                return new Outcome.Failed(entry.key() + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), false);
            }
        }
    }

    /** One attempt; null when the destination must be re-read to learn what happened. */
    private Outcome attempt(PlanEntry entry, WriteCondition condition, TransferTracker.Live live, String[] streamedSha)
            throws StorageException {
        if (serverSide.get() && (preconditionsProven || condition instanceof WriteCondition.IfAbsent)) {
            live.serverSide = true;
            Optional<Outcome> copied = preconditionsProven ? serverSideCopy(entry, condition) : serverSideCopyReadBack(entry);
            if (copied.isPresent()) {
                return copied.get() == RESOLVE ? null : copied.get();
            }
            if (entry.size() <= 5L * 1024 * 1024 * 1024) {
                serverSide.set(false); // the endpoint refuses server-side copies (e.g. cross-account): stream from now on
                listener.onEvent(new MigrationEvent.Notice(java.time.Instant.now(), MigrationPhase.COPY, MigrationEvent.Level.INFO,
                        "server-side copy is not available between these roots: streaming the objects instead"));
            }
            live.serverSide = false;
        }
        return streamedAttempt(entry, condition, live, streamedSha);
    }

    /** Marks "re-read the destination" among the outcomes of a server-side copy. */
    private static final Outcome RESOLVE = new Outcome.Failed("resolve", false);

    /** A server-side copy on a destination that proved copy preconditions: sent with the plan's condition. Empty: not possible here. */
    private Optional<Outcome> serverSideCopy(PlanEntry entry, WriteCondition condition) throws StorageException {
        String etag = Fingerprint.etag(entry.sourceFingerprint());
        Optional<PutResult> r = etag == null ? destination.copyFrom(source, entry.key(), entry.key(), condition)
                : destination.copyFrom(source, new ObjectInfo(entry.key(), entry.size(), java.time.Instant.EPOCH, etag), entry.key(), condition);
        return r.map(result -> switch (result) {
            case PutResult.Written w -> new Outcome.Copied(CopyJournal.Method.SERVER_SIDE, null, Fingerprint.ofEtag(w.token()));
            case PutResult.PreconditionFailed p -> RESOLVE;
        });
    }

    /**
     * A server-side copy of a new object on a destination that did not prove copy preconditions
     * ({@link ObjectStore#copyChecked}): guarded by the plan (the key was absent), the source lock
     * with writers stopped, the ETag the copy returns (the source listing's) and verify's fresh
     * listing (size and ETag). A mismatch fails the object, which blocks cutover. Empty: not
     * possible here (stream instead).
     */
    private Optional<Outcome> serverSideCopyReadBack(PlanEntry entry) throws StorageException {
        String etag = Fingerprint.etag(entry.sourceFingerprint());
        if (etag == null) {
            return Optional.empty();
        }
        Optional<CheckedCopy> r = destination.copyChecked(source, new ObjectInfo(entry.key(), entry.size(), java.time.Instant.EPOCH, etag),
                entry.key());
        return r.map(result -> switch (result) {
            case CheckedCopy.Confirmed c -> {
                readBack.incrementAndGet();
                yield new Outcome.Copied(CopyJournal.Method.SERVER_SIDE, null, Fingerprint.ofEtag(c.etag()));
            }
            case CheckedCopy.Refused refused -> RESOLVE;
            case CheckedCopy.Mismatch m -> new Outcome.Failed(entry.key() + ": " + m.message(), false);
        });
    }

    private Outcome streamedAttempt(PlanEntry entry, WriteCondition condition, TransferTracker.Live live, String[] streamedSha)
            throws StorageException {
        int kib = memory.acquire(bufferNeed(entry.size()), control);
        try {
            Optional<InputStream> opened = source.openStream(entry.key());
            if (opened.isEmpty()) {
                throw new StorageException(StorageException.Kind.NOT_FOUND, entry.key(), entry.key()
                        + " vanished from the source after the plan: graph writers may still be running");
            }
            try (HashingInputStream in = new HashingInputStream(opened.get())) {
                PutResult r;
                try {
                    r = destination.putStream(entry.key(), in, entry.size(), condition, n -> tracker.bytes(live, n));
                } catch (StorageException e) {
                    if (in.sourceFailure() != null && !(in.sourceFailure() instanceof java.io.InterruptedIOException)) {
                        throw new StorageException(StorageException.Kind.IO, entry.key(), "Reading " + entry.key()
                                + " from the source broke off: " + in.sourceFailure().getMessage(), new SourceReadFailure(in.sourceFailure()));
                    }
                    throw e;
                }
                String sha = in.sha256Hex();
                streamedSha[0] = sha;
                if (!(r instanceof PutResult.Written w)) {
                    return null;
                }
                if (destinationLocal && !w.token().equals(sha)) {
                    return new Outcome.Failed(entry.key() + ": the bytes written differ from the bytes read (SHA-256 " + w.token()
                            + " vs " + sha + ")", false);
                }
                return new Outcome.Copied(CopyJournal.Method.STREAMED, sha, destinationFingerprint(entry.key(), w.token()));
            } catch (IOException e) {
                throw new StorageException(StorageException.Kind.IO, entry.key(), "Could not read " + entry.key() + " from the source: "
                        + e.getMessage(), new SourceReadFailure(e));
            }
        } finally {
            memory.release(kib);
        }
    }

    /** Memory a streamed transfer holds: one part (or the whole object below the threshold) for S3, a small buffer for a folder. */
    private long bufferNeed(long size) {
        if (destinationLocal) {
            return 512 * 1024;
        }
        if (size <= S3ObjectStore.BUFFERED_MAX) {
            return size + 64 * 1024; // buffered whole, sent with Content-MD5
        }
        return S3ObjectStore.usesMultipart(size) ? S3ObjectStore.partSizeFor(size) + 64 * 1024 : 512 * 1024; // one part, or streamed
    }

    /** Objects copied server-side without proven copy preconditions, each checked by the ETag its copy returned. */
    long readBack() {
        return readBack.get();
    }

    private String destinationFingerprint(String key, String writtenToken) throws StorageException {
        if (!destinationLocal) {
            return Fingerprint.ofEtag(writtenToken);
        }
        ObjectInfo info = destination.stat(key).orElseThrow(() -> new StorageException(StorageException.Kind.IO, key,
                key + " vanished from the destination right after it was written"));
        return Fingerprint.of(info, true);
    }

    private Optional<Outcome> resolveQuietly(PlanEntry entry, WriteCondition condition, String sha) {
        try {
            return resolve(entry, condition, sha);
        } catch (StorageException e) {
            return Optional.empty();
        }
    }

    /**
     * After a refused precondition or an unknown outcome: empty when the write did not land (retry);
     * {@link Outcome.AlreadyThere} when the destination holds exactly the source bytes;
     * {@link Outcome.Failed} when it holds something else (nothing is overwritten).
     */
    private Optional<Outcome> resolve(PlanEntry entry, WriteCondition condition, String sha) throws StorageException {
        Optional<ObjectInfo> now = destination.stat(entry.key());
        if (now.isEmpty()) {
            return condition instanceof WriteCondition.IfMatch
                    ? Optional.of(new Outcome.Failed(entry.key() + ": the destination object the plan meant to replace was deleted meanwhile; "
                            + "nothing was written (plan again)", false))
                    : Optional.empty();
        }
        if (now.get().size() != entry.size()) {
            return Optional.of(changedMeanwhile(entry, condition));
        }
        Optional<ContentHashes> there = ContentHashes.of(destination, entry.key());
        if (there.isEmpty()) {
            return Optional.empty();
        }
        String expected = sha;
        if (expected == null) {
            String etag = Fingerprint.etag(entry.sourceFingerprint());
            if (etag != null && there.get().matchesEtag(etag)) {
                expected = there.get().sha256();
            } else {
                expected = ContentHashes.of(source, entry.key()).map(ContentHashes::sha256).orElse(null);
            }
        }
        if (there.get().sha256().equals(expected)) {
            Optional<ObjectInfo> info = destination.stat(entry.key());
            if (info.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Outcome.AlreadyThere(expected, Fingerprint.of(info.get(), destinationLocal)));
        }
        if (condition instanceof WriteCondition.IfMatch m && (destinationLocal ? there.get().sha256() : now.get().etag()).equals(m.token())) {
            return Optional.empty(); // still the version we meant to replace: our write did not land
        }
        return Optional.of(changedMeanwhile(entry, condition));
    }

    private static Outcome changedMeanwhile(PlanEntry entry, WriteCondition condition) {
        return new Outcome.Failed(entry.key() + (condition instanceof WriteCondition.IfAbsent
                ? ": a different object appeared at the destination during the migration; nothing was overwritten"
                : ": the destination object changed since the plan; nothing was overwritten"), false);
    }

    private static boolean fatal(StorageException.Kind kind) {
        return switch (kind) {
            case ACCESS_DENIED, INVALID_CREDENTIALS, CREDENTIALS_EXPIRED, NO_CREDENTIALS, NO_SUCH_BUCKET, TLS -> true;
            default -> false;
        };
    }

    /** Marks a failure that came from reading the source, not writing the destination. */
    static final class SourceReadFailure extends IOException {
        SourceReadFailure(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
