package dev.omnigraph.console.storage;

/**
 * Validation of keys relative to a storage root. A key is a '/'-separated relative name with no
 * empty, "." or ".." segment, no leading '/', no NUL or other control character, and not longer
 * than S3's 1,024-byte limit. Keys that fail are refused before any backend sees them.
 */
public final class Keys {
    public static final int MAX_KEY_BYTES = 1024;

    private Keys() {}

    /** Returns the key unchanged, or throws {@link StorageException.Kind#INVALID_KEY}. */
    public static String check(String key) throws StorageException {
        String problem = problem(key);
        if (problem != null) {
            throw new StorageException(StorageException.Kind.INVALID_KEY, printable(key), "Refused key: " + problem);
        }
        return key;
    }

    /** A prefix is a key that may be empty and may end with '/'. */
    public static String checkPrefix(String prefix) throws StorageException {
        if (prefix == null || prefix.isEmpty()) {
            return "";
        }
        String body = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        check(body);
        return prefix;
    }

    /** Why a key is unsafe, or {@code null} when it is fine. */
    public static String problem(String key) {
        if (key == null || key.isEmpty()) {
            return "the key is empty";
        }
        if (key.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            return "the key is longer than " + MAX_KEY_BYTES + " bytes";
        }
        if (key.startsWith("/")) {
            return "the key is absolute";
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return "the key contains a control character";
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < key.length() && Character.isLowSurrogate(key.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "the key is not valid Unicode";
            }
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty()) {
                return "the key has an empty path segment";
            }
            if (segment.equals(".") || segment.equals("..")) {
                return "the key has a '" + segment + "' segment";
            }
        }
        return null;
    }

    /** A key made safe for messages (control characters escaped, length capped). */
    public static String printable(String key) {
        if (key == null) {
            return "(null)";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < key.length() && out.length() < 200; i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (out.length() >= 200) {
            out.append("…");
        }
        return out.toString();
    }

    /** Compares keys the way S3 lists them: by their UTF-8 bytes, unsigned. */
    public static int compare(String a, String b) {
        int i = 0;
        int n = Math.min(a.length(), b.length());
        while (i < n) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(i);
            if (ca != cb) {
                return Integer.compare(ca, cb); // code point order equals UTF-8 byte order
            }
            i += Character.charCount(ca);
        }
        return Integer.compare(a.length(), b.length());
    }
}
