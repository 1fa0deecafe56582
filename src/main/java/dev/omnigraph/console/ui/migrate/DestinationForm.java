package dev.omnigraph.console.ui.migrate;

import dev.omnigraph.console.migrate.Endpoint;
import dev.omnigraph.console.storage.S3Input;
import dev.omnigraph.console.storage.S3Input.PathStyle;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.storage.StoreUri;
import java.nio.file.Path;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the destination page edits: the new root and how to reach it. Blank S3 fields inherit the
 * source's settings (or the environment's when the source is local). Typed keys live in memory only.
 */
public final class DestinationForm {
    private final StringProperty uri = new SimpleStringProperty("");
    private final StringProperty endpoint = new SimpleStringProperty("");
    private final StringProperty region = new SimpleStringProperty("");
    private final ObjectProperty<PathStyle> addressing = new SimpleObjectProperty<>(PathStyle.AUTO);
    private final StringProperty profile = new SimpleStringProperty("");
    private final StringProperty accessKey = new SimpleStringProperty("");
    private final StringProperty secretKey = new SimpleStringProperty("");

    public StringProperty uriProperty() {
        return uri;
    }

    public StringProperty endpointProperty() {
        return endpoint;
    }

    public StringProperty regionProperty() {
        return region;
    }

    public ObjectProperty<PathStyle> addressingProperty() {
        return addressing;
    }

    public StringProperty profileProperty() {
        return profile;
    }

    public StringProperty accessKeyProperty() {
        return accessKey;
    }

    public StringProperty secretKeyProperty() {
        return secretKey;
    }

    /** Every field, for listeners that must react to any edit. */
    public Observable[] fields() {
        return new Observable[] {uri, endpoint, region, addressing, profile, accessKey, secretKey};
    }

    /** Whether the URI names an S3 root (the S3 settings matter). */
    public boolean looksLikeS3() {
        return uri.get() != null && uri.get().trim().startsWith("s3://");
    }

    /** Fills the form for a running local S3 endpoint (the demo action). */
    public void useLocalEndpoint(LocalS3Endpoint.Running local, String clusterName) {
        uri.set(local.destinationUri(clusterName));
        endpoint.set(local.endpoint());
        region.set("us-east-1");
        addressing.set(PathStyle.PATH);
        profile.set("");
        accessKey.set(local.accessKey());
        secretKey.set(local.secretKey());
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
        S3Settings s = new S3Input(endpoint.get(), region.get(), profile.get(), addressing.get(), accessKey.get(), secretKey.get(), null)
                .over(source == null ? S3Settings.fromEnvironment() : source);
        return new Endpoint(parsed, s);
    }
}
