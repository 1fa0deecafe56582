package dev.omnigraph.console.ui.common;

import dev.omnigraph.console.storage.S3Input;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.GridPane;

/**
 * The fields of an {@link S3ConnectionForm} (endpoint, region, addressing, profile, access key id,
 * secret key and a note), laid out the same on every page that asks for an S3 connection. Ids are
 * {@code <prefix>-endpoint}, {@code -region}, {@code -path-style}, {@code -profile},
 * {@code -access-key} and {@code -secret}.
 */
public final class S3ConnectionFields {
    private S3ConnectionFields() {}

    /**
     * What the empty fields say (where a blank field's value comes from) and the note under them.
     */
    public record Prompts(String endpoint, String region, String profile, String secret, String note) {}

    /** The grid of fields bound to {@code form}. */
    public static GridPane of(S3ConnectionForm form, String idPrefix, Prompts prompts) {
        GridPane grid = FormGrid.grid();
        int r = 0;
        r = FormGrid.labelled(grid, r, "_Endpoint", FormGrid.text(idPrefix + "-endpoint", form.endpointProperty(), prompts.endpoint(),
                "S3 endpoint URL"));
        r = FormGrid.labelled(grid, r, "Re_gion", FormGrid.text(idPrefix + "-region", form.regionProperty(), prompts.region(), "Region"));
        r = FormGrid.labelled(grid, r, "Addressing", addressing(form, idPrefix));
        r = FormGrid.labelled(grid, r, "Pro_file", FormGrid.text(idPrefix + "-profile", form.profileProperty(), prompts.profile(),
                "AWS profile"));
        r = FormGrid.labelled(grid, r, "Access _key id", FormGrid.text(idPrefix + "-access-key", form.accessKeyProperty(),
                "optional: instead of a profile", "Access key id"));
        r = FormGrid.labelled(grid, r, "_Secret key", secret(form, idPrefix, prompts.secret()));
        grid.add(Ui.muted(prompts.note()), 0, r, 2, 1);
        return grid;
    }

    private static ComboBox<S3Input.PathStyle> addressing(S3ConnectionForm form, String idPrefix) {
        ComboBox<S3Input.PathStyle> style = new ComboBox<>(FXCollections.observableArrayList(S3Input.PathStyle.values()));
        style.valueProperty().bindBidirectional(form.pathStyleProperty());
        style.setAccessibleText("Addressing: path style or virtual-hosted");
        style.setId(idPrefix + "-path-style");
        return style;
    }

    private static PasswordField secret(S3ConnectionForm form, String idPrefix, String prompt) {
        PasswordField secret = new PasswordField();
        secret.setId(idPrefix + "-secret");
        secret.setPromptText(prompt);
        secret.setAccessibleText("Secret access key, kept in memory only");
        secret.textProperty().bindBidirectional(form.secretKeyProperty());
        return secret;
    }
}
