package dev.omnigraph.console.storage;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a cluster's storage root lives: an S3 bucket and key prefix, or a local folder.
 *
 * <p>Parsing follows the engine's rule (spec §2.1): {@code s3://bucket/prefix} selects S3, a
 * literal {@code file://} prefix is stripped and the rest is a local path, and a plain path is a
 * local path resolved against the working directory. Trailing slashes are removed. Unlike the
 * engine, other schemes ({@code gs://}, {@code http://} ...) are refused with a clear message
 * instead of being taken as odd local folder names.
 */
public sealed interface StoreUri permits StoreUri.S3, StoreUri.Local {

    /** What a person recognises: {@code s3://bucket/prefix} or an absolute path. */
    String display();

    /** Short storage kind label: {@code s3} or {@code file}. */
    String kind();

    /** The root one level down, e.g. {@code child("graphs/a.omni")}. */
    StoreUri child(String relative);

    record S3(String bucket, String prefix) implements StoreUri {
        public S3 {
            prefix = trimSlashes(prefix);
        }

        @Override
        public String display() {
            return prefix.isEmpty() ? "s3://" + bucket : "s3://" + bucket + "/" + prefix;
        }

        @Override
        public String kind() {
            return "s3";
        }

        @Override
        public S3 child(String relative) {
            String rel = trimSlashes(relative);
            return new S3(bucket, prefix.isEmpty() ? rel : prefix + "/" + rel);
        }

        /** The full object key for a key relative to this root. */
        public String objectKey(String relativeKey) {
            return prefix.isEmpty() ? relativeKey : prefix + "/" + relativeKey;
        }

        @Override
        public String toString() {
            return display();
        }
    }

    record Local(Path root) implements StoreUri {
        public Local {
            root = root.toAbsolutePath().normalize();
        }

        @Override
        public String display() {
            return root.toString();
        }

        @Override
        public String kind() {
            return "file";
        }

        @Override
        public Local child(String relative) {
            return new Local(root.resolve(trimSlashes(relative)));
        }

        @Override
        public String toString() {
            return display();
        }
    }

    /**
     * Parses a storage-root URI or path.
     *
     * @throws IllegalArgumentException with a sentence an admin can act on
     */
    static StoreUri parse(String text) {
        return parse(text, Path.of("").toAbsolutePath());
    }

    /** Whether an s3:// root starts with {@code id:secret@}: a ':' before any '/' and an '@' after it. */
    private static boolean typedKeys(String rest) {
        int colon = rest.indexOf(':');
        int slash = rest.indexOf('/');
        return colon > 0 && (slash < 0 || colon < slash) && rest.indexOf('@', colon) > colon;
    }

    /** As {@link #parse(String)}, resolving relative local paths against {@code cwd}. */
    static StoreUri parse(String text, Path cwd) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("The storage root is empty: give s3://bucket/prefix, file:///path or a folder path.");
        }
        String value = text.trim();
        if (value.indexOf('\0') >= 0 || value.chars().anyMatch(c -> c < 0x20)) {
            throw new IllegalArgumentException("The storage root contains control characters.");
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.startsWith("s3://")) {
            String rest = value.substring(5);
            int slash = rest.indexOf('/');
            String bucket = slash < 0 ? rest : rest.substring(0, slash);
            String prefix = slash < 0 ? "" : rest.substring(slash + 1);
            if (typedKeys(rest)) { // s3://id:secret@bucket (a secret may hold '/'): keys are secrets, never echoed
                S3Input.keysInUrl(value, "storage root").ifPresent(refusal -> {
                    throw new IllegalArgumentException(refusal);
                });
            }
            if (bucket.isEmpty()) {
                throw new IllegalArgumentException("'" + value + "' names no bucket: expected s3://bucket/prefix.");
            }
            if (!bucket.matches("[a-z0-9][a-z0-9.\\-_]{1,254}")) {
                throw new IllegalArgumentException("'" + bucket + "' is not a valid S3 bucket name (lower-case letters, digits, '.', '-').");
            }
            for (String segment : trimSlashes(prefix).split("/", -1)) {
                if (segment.equals("..") || segment.equals(".")) {
                    throw new IllegalArgumentException("The S3 prefix in '" + value + "' contains a '" + segment + "' segment.");
                }
            }
            return new S3(bucket, prefix);
        }
        if (lower.startsWith("file://")) {
            value = value.substring(7);
            if (value.isEmpty()) {
                throw new IllegalArgumentException("'file://' names no folder.");
            }
        } else {
            int scheme = value.indexOf("://");
            if (scheme > 0 && value.substring(0, scheme).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
                throw new IllegalArgumentException("Unsupported storage scheme '" + value.substring(0, scheme)
                        + "://': OmniGraph stores clusters on s3:// or in a local folder.");
            }
        }
        Path path = Path.of(value);
        if (!path.isAbsolute()) {
            path = cwd.resolve(path);
        }
        return new Local(path);
    }

    private static String trimSlashes(String s) {
        String out = s == null ? "" : s.trim();
        while (out.endsWith("/")) {
            out = out.substring(0, out.length() - 1);
        }
        while (out.startsWith("/")) {
            out = out.substring(1);
        }
        return out;
    }
}
