package dev.omnigraph.console.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shared OmniGraph v0.13 fixtures on the test classpath ({@code /omnigraph-fixtures-v013/...}). */
public final class V013Fixtures {
    public static final String FIXTURE_ROOT_URI = "s3://omnigraph-local/clusters/company-brain";

    private V013Fixtures() {}

    public static Path dir() {
        URL url = V013Fixtures.class.getResource("/omnigraph-fixtures-v013/README.md");
        if (url == null) {
            throw new IllegalStateException("the v0.13 fixtures are not on the test classpath");
        }
        try {
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(dir().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
