package dev.omnigraph.console.storage;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 and MD5 helpers (lower-case hex). */
public final class Hashing {
    private static final HexFormat HEX = HexFormat.of();

    private Hashing() {}

    public static String sha256Hex(byte[] bytes) {
        return HEX.formatHex(sha256().digest(bytes));
    }

    public static MessageDigest sha256() {
        return digest("SHA-256");
    }

    public static MessageDigest md5() {
        return digest("MD5");
    }

    public static String hex(byte[] digest) {
        return HEX.formatHex(digest);
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this JDK", e);
        }
    }
}
