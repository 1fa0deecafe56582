package dev.omnigraph.console.ui.migrate;

import dev.omnigraph.console.migrate.Endpoint;
import dev.omnigraph.console.storage.S3Input;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.ui.common.S3ConnectionForm;
import java.nio.file.Path;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the destination page edits: the new root and how to reach it ({@link S3ConnectionForm}).
 * Blank S3 fields inherit the source's settings (or the environment's when the source is local).
 * Typed keys live in memory only.
 */
public final class DestinationForm {
    private final StringProperty uri = new SimpleStringProperty("");
    private final S3ConnectionForm s3 = new S3ConnectionForm();

    public StringProperty uriProperty() {
        return uri;
    }

    /** The destination's S3 fields. */
    public S3ConnectionForm s3() {
        return s3;
    }

    /** Runs {@code edited} after every change of any field. */
    public void onEdit(Runnable edited) {
        uri.addListener((o, a, b) -> edited.run());
        s3.onEdit(edited);
    }

    /** Whether the URI names an S3 root (the S3 settings matter). */
    public boolean looksLikeS3() {
        return uri.get() != null && uri.get().trim().startsWith("s3://");
    }

    /** Fills the form for a running local S3 endpoint (the demo action). */
    public void useLocalEndpoint(LocalS3Endpoint.Running local, String clusterName) {
        uri.set(local.destinationUri(clusterName));
        s3.fill(new S3Input(local.endpoint(), "us-east-1", null, S3Input.PathStyle.PATH, local.accessKey(), local.secretKey(), null));
    }

    /**
     * The destination endpoint, or an {@link IllegalArgumentException} saying what is wrong with the form.
     *
     * @param source the source's S3 settings (inherited for blank fields), may be null
     */
    public Endpoint endpoint(S3Settings source, Path cwd) {
        String text = uri.get() == null ? "" : uri.get().trim();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("Enter the destination root: s3://bucket/prefix, file:///path or a folder.");
        }
        StoreUri parsed = StoreUri.parse(text, cwd);
        if (!(parsed instanceof StoreUri.S3)) {
            return new Endpoint(parsed, null);
        }
        return new Endpoint(parsed, s3.over(source == null ? S3Input.environment(System.getenv()) : source));
    }
}
