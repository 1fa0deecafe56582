package dev.omnigraph.console.cluster.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Loads the shared OmniGraph fixtures from the test classpath ({@code /omnigraph-fixtures/...}). */
final class Fixtures {

    static final String ROOT = "/omnigraph-fixtures/";
    static final String CLUSTER = "storage-root/__cluster/";

    private Fixtures() {
    }

    static byte[] bytes(String relative) {
        try (InputStream in = Fixtures.class.getResourceAsStream(ROOT + relative)) {
            if (in == null) {
                throw new IllegalArgumentException("missing fixture " + relative);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String relative) {
        return new String(bytes(relative), StandardCharsets.UTF_8);
    }

    static Path dir(String relative) {
        URL url = Fixtures.class.getResource(ROOT + relative);
        if (url == null) {
            throw new IllegalArgumentException("missing fixture directory " + relative);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * SHA-256 as lower-case hex computed with the JDK alone: the oracle for expectations that must
     * not come from the code under test ({@link Digests}).
     */
    static String jdkSha256Hex(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
