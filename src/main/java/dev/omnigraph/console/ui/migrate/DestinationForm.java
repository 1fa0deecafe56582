package dev.omnigraph.console.ui.migrate;

import dev.omnigraph.console.migrate.Endpoint;
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
    /** Path-style choice: from the settings/environment, forced on, forced off. */
    public enum Addressing {
        AUTO("automatic"), PATH("path style"), VIRTUAL("virtual-hosted");

        private final String label;

        Addressing(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final StringProperty uri = new SimpleStringProperty("");
    private final StringProperty endpoint = new SimpleStringProperty("");
    private final StringProperty region = new SimpleStringProperty("");
    private final ObjectProperty<Addressing> addressing = new SimpleObjectProperty<>(Addressing.AUTO);
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

    public ObjectProperty<Addressing> addressingProperty() {
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
        addressing.set(Addressing.PATH);
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
        S3Settings s = source == null ? S3Settings.fromEnvironment() : source;
        if (!blank(endpoint.get())) {
            s = s.withEndpoint(endpoint.get().trim());
        }
        if (!blank(region.get())) {
            s = s.withRegion(region.get().trim());
        }
        s = switch (addressing.get() == null ? Addressing.AUTO : addressing.get()) {
            case AUTO -> s;
            case PATH -> s.withPathStyle(true);
            case VIRTUAL -> s.withPathStyle(false);
        };
        if (!blank(profile.get())) {
            s = s.withProfile(profile.get().trim()).withKeys(null);
        }
        if (!blank(accessKey.get()) || !blank(secretKey.get())) {
            if (blank(accessKey.get()) || blank(secretKey.get())) {
                throw new IllegalArgumentException("Give both the access key id and the secret key, or neither.");
            }
            s = s.withKeys(new S3Settings.StaticKeys(accessKey.get().trim(), secretKey.get().trim(), null));
        }
        return new Endpoint(parsed, s);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
