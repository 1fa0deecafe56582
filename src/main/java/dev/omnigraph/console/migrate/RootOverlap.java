package dev.omnigraph.console.migrate;

import dev.omnigraph.console.storage.StoreUri;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Refuses a destination that is the source itself or lies inside it (or the other way round): a
 * key-for-key copy into its own tree would copy its own output. S3 roots overlap when they share
 * the endpoint and bucket and one prefix is a whole-segment prefix of the other; local roots when
 * one path (symbolic links resolved where the folders exist) contains the other.
 */
final class RootOverlap {
    private RootOverlap() {}

    /** Why the two roots overlap, or empty when they are separate. */
    static Optional<String> between(Endpoint source, Endpoint destination) {
        if (source.uri() instanceof StoreUri.S3 s && destination.uri() instanceof StoreUri.S3 d) {
            String se = source.s3().endpoint() == null ? "aws" : source.s3().endpoint();
            String de = destination.s3().endpoint() == null ? "aws" : destination.s3().endpoint();
            if (!Objects.equals(se, de) || !s.bucket().equals(d.bucket())) {
                return Optional.empty();
            }
            return describe(segments(s.prefix()), segments(d.prefix()), source.display(), destination.display());
        }
        if (source.uri() instanceof StoreUri.Local s && destination.uri() instanceof StoreUri.Local d) {
            Path sp = real(s.root());
            Path dp = real(d.root());
            if (sp.equals(dp)) {
                return Optional.of("the destination " + destination.display() + " is the source root itself");
            }
            if (dp.startsWith(sp)) {
                return Optional.of("the destination " + destination.display() + " lies inside the source root " + source.display());
            }
            if (sp.startsWith(dp)) {
                return Optional.of("the source root " + source.display() + " lies inside the destination " + destination.display());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> describe(String[] s, String[] d, String sourceDisplay, String destinationDisplay) {
        if (isPrefix(s, d) && s.length == d.length) {
            return Optional.of("the destination " + destinationDisplay + " is the source root itself");
        }
        if (isPrefix(s, d)) {
            return Optional.of("the destination " + destinationDisplay + " lies inside the source root " + sourceDisplay);
        }
        if (isPrefix(d, s)) {
            return Optional.of("the source root " + sourceDisplay + " lies inside the destination " + destinationDisplay);
        }
        return Optional.empty();
    }

    private static String[] segments(String prefix) {
        return prefix.isEmpty() ? new String[0] : prefix.split("/");
    }

    private static boolean isPrefix(String[] shorter, String[] longer) {
        if (shorter.length > longer.length) {
            return false;
        }
        for (int i = 0; i < shorter.length; i++) {
            if (!shorter[i].equals(longer[i])) {
                return false;
            }
        }
        return true;
    }

    /** The real path of the deepest existing ancestor, with the rest appended (folders may not exist yet). */
    private static Path real(Path path) {
        Path p = path.toAbsolutePath().normalize();
        Path existing = p;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return p;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(p)).normalize();
        } catch (IOException e) {
            return p;
        }
    }
}
