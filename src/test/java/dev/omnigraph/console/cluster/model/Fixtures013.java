package dev.omnigraph.console.cluster.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads the OmniGraph v0.13 fixtures from the test classpath ({@code /omnigraph-fixtures-v013/...}). */
public final class Fixtures013 {

    public static final String ROOT = "/omnigraph-fixtures-v013/";
    public static final String STORAGE_ROOT = "storage-root-v2";
    public static final String ROOT_URI = "s3://omnigraph-local/clusters/company-brain";
    public static final String LEDGER_ID = "01M4DBVAM0ZRA022TFX0SG719F";
    public static final String OUTSTANDING_ID = LEDGER_ID + ":4:01M4GG4HY0D5R084W10TDZXC2S";
    public static final String OUTSTANDING_BUNDLE = "0645bb19d942460886aa2d3166c74570091db872de0772b654e1f828b74e2c5c";

    private Fixtures013() {
    }

    public static Path dir() {
        URL url = Fixtures013.class.getResource(ROOT + "README.md");
        if (url == null) {
            throw new IllegalStateException("the v0.13 fixtures are not on the test classpath");
        }
        try {
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path path(String relative) {
        return dir().resolve(relative);
    }

    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
