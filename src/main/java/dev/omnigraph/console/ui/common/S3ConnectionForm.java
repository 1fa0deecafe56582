package dev.omnigraph.console.ui.common;

import dev.omnigraph.console.storage.S3Input;
import dev.omnigraph.console.storage.S3Input.PathStyle;
import dev.omnigraph.console.storage.S3Settings;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/**
 * The S3 half of a connection form, as the admin edits it (endpoint, region, addressing, profile,
 * session-only keys): one view-model for the Connect page and the migration wizard's destination.
 * What it holds becomes settings only through the one storage-level input, {@link S3Input}, whose
 * {@link S3Input#over} validates it and registers the keys for redaction before they are used.
 * Keys live in these properties only (never in a saved connection or a preference).
 */
public final class S3ConnectionForm {
    private final StringProperty endpoint = new SimpleStringProperty("");
    private final StringProperty region = new SimpleStringProperty("");
    private final ObjectProperty<PathStyle> pathStyle = new SimpleObjectProperty<>(PathStyle.AUTO);
    private final StringProperty profile = new SimpleStringProperty("");
    private final StringProperty accessKey = new SimpleStringProperty("");
    private final StringProperty secretKey = new SimpleStringProperty("");

    /** The fields as the one storage-level input (trimmed, blanks meaning "not given"; no session token). */
    public S3Input input() {
        return new S3Input(endpoint.get(), region.get(), profile.get(), pathStyle.get(), accessKey.get(), secretKey.get(), null);
    }

    /**
     * The fields over {@code base} ({@link S3Input#over}: validated, keys registered as secrets).
     *
     * @throws IllegalArgumentException saying what is wrong with the fields
     */
    public S3Settings over(S3Settings base) {
        return input().over(base);
    }

    /** Fills every field from {@code input} (keys included: blank when it has none). */
    public void fill(S3Input input) {
        endpoint.set(text(input.endpoint()));
        region.set(text(input.region()));
        pathStyle.set(input.pathStyle());
        profile.set(text(input.profile()));
        accessKey.set(text(input.accessKeyId()));
        secretKey.set(text(input.secretAccessKey()));
    }

    /** Runs {@code edited} after every change of any field (a verdict computed from the old fields drops). */
    public void onEdit(Runnable edited) {
        for (ObservableValue<?> field : List.of(endpoint, region, pathStyle, profile, accessKey, secretKey)) {
            field.addListener((o, a, b) -> edited.run());
        }
    }

    public StringProperty endpointProperty() {
        return endpoint;
    }

    public StringProperty regionProperty() {
        return region;
    }

    public ObjectProperty<PathStyle> pathStyleProperty() {
        return pathStyle;
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

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
