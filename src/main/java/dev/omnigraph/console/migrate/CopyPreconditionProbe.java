package dev.omnigraph.console.migrate;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.omnigraph.console.storage.DeleteResult;
import dev.omnigraph.console.storage.ObjectInfo;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.PutResult;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.StoredObject;
import dev.omnigraph.console.storage.WriteCondition;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Proves that the destination's server-side copy (S3 CopyObject) honours <em>destination</em>
 * preconditions before the migration relies on it: AWS S3 does ({@code If-None-Match: *},
 * {@code If-Match}), but some S3-compatible servers ignore them on copies and overwrite — among
 * them s3proxy, the console's own loopback server. Without that proof objects are streamed
 * instead, so that every destination write stays conditional.
 *
 * <p>It writes two scratch objects under {@code __cluster/} (names OmniGraph never reads), tries
 * a create-only copy and a stale If-Match copy of one onto the other, checks that both were
 * refused and nothing changed, and removes them.
 */
final class CopyPreconditionProbe {
    private CopyPreconditionProbe() {}

    /** Empty when conditional copies are honoured; otherwise why server-side copies will not be used. */
    static Optional<String> check(ObjectStore destination) {
        String base = "__cluster/console-copy-probe-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
        String a = base + "-a.tmp";
        String b = base + "-b.tmp";
        byte[] bBytes = "copy probe b".getBytes(UTF_8);
        try {
            if (!(destination.put(a, "copy probe a".getBytes(UTF_8), WriteCondition.IF_ABSENT) instanceof PutResult.Written)
                    || !(destination.put(b, bBytes, WriteCondition.IF_ABSENT) instanceof PutResult.Written)) {
                return Optional.of("the scratch objects for the copy check could not be created");
            }
            ObjectInfo source = destination.stat(a).orElseThrow(() -> new StorageException(StorageException.Kind.IO, a, a + " vanished"));
            Optional<PutResult> createOnly = destination.copyFrom(destination, source, b, WriteCondition.IF_ABSENT);
            if (createOnly.isEmpty()) {
                return Optional.of("the server does not copy objects itself here");
            }
            Optional<PutResult> staleMatch = createOnly.get() instanceof PutResult.PreconditionFailed
                    ? destination.copyFrom(destination, source, b, WriteCondition.ifMatch("0123456789abcdef0123456789abcdef"))
                    : createOnly;
            Optional<StoredObject> after = destination.read(b, 1024);
            boolean intact = after.isPresent() && Arrays.equals(after.get().bytes(), bBytes);
            if (createOnly.get() instanceof PutResult.PreconditionFailed && staleMatch.orElse(null) instanceof PutResult.PreconditionFailed
                    && intact) {
                return Optional.empty();
            }
            return Optional.of("the server ignores If-None-Match / If-Match on CopyObject (a copy overwrote an existing object)");
        } catch (StorageException e) {
            return Optional.of("the copy check failed: " + e.describe());
        } finally {
            remove(destination, a);
            remove(destination, b);
        }
    }

    private static void remove(ObjectStore store, String key) {
        try {
            // our own scratch objects, just written
            if (!(store.deleteUnconditionally(key) instanceof DeleteResult.Deleted)) {
                return;
            }
        } catch (StorageException ignored) {
            // a stray scratch object under __cluster/ is ignored by OmniGraph
        }
    }
}
