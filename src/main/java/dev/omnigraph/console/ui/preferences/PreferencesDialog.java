package dev.omnigraph.console.ui.preferences;

import dev.omnigraph.console.prefs.ConsolePreferences;
import dev.omnigraph.console.prefs.SavedConnection;
import dev.omnigraph.console.prefs.Theme;
import dev.omnigraph.console.ui.common.SavedConnectionCell;
import dev.omnigraph.console.ui.common.Ui;
import javafx.beans.property.IntegerProperty;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * File → Preferences…: theme, live refresh, lock threshold, saved connections (rename, forget),
 * window layout reset and "Reset all preferences" (confirmed). Changes apply at once; the state
 * lives in {@link PreferencesViewModel}. The window's theme styles this dialog like every window.
 */
public final class PreferencesDialog extends Stage {
    final ComboBox<Theme> theme = new ComboBox<>();
    final Spinner<Integer> poll = new Spinner<>();
    final Spinner<Integer> stale = new Spinner<>();
    final ListView<SavedConnection> saved = new ListView<>();
    final TextField name = new TextField();
    final Button rename = new Button("_Rename");
    final Button forget = new Button("_Forget");
    final Button resetLayout = new Button("Reset window _layout");
    final Button resetAll = new Button("Reset _all preferences…");
    private final PreferencesViewModel model;

    /**
     * @param onLayoutReset puts the open window back to the default size (the dialog has reset the saved layout)
     */
    public PreferencesDialog(Window owner, PreferencesViewModel model, Runnable onLayoutReset) {
        this.model = model;
        initOwner(owner);
        initModality(Modality.WINDOW_MODAL);
        setTitle("Preferences");
        Label status = new Label();
        status.setId("prefs-message");
        status.setWrapText(true);
        status.textProperty().bind(model.messageProperty());
        Label where = Ui.muted(model.whereStored());
        where.setWrapText(true);
        // where the file lives goes with the content (it wraps there); the footer keeps only Close
        VBox content = new VBox(12, Ui.title("Preferences"), appearance(), live(), connections(), reset(onLayoutReset), status, where);
        content.setPadding(new Insets(16, 20, 8, 20));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        HBox footer = footer();
        VBox root = new VBox(scroll, footer);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        root.getStyleClass().add("page");
        root.setId("preferences-dialog");
        // never taller than the screen (at 1024×768 an 800-px dialog put its title bar off screen): the content scrolls
        double screen = javafx.stage.Screen.getPrimary().getVisualBounds().getHeight();
        setScene(new Scene(root, 660, Math.min(800, Math.max(400, screen - 60))));
    }

    private VBox appearance() {
        theme.getItems().setAll(Theme.values());
        theme.setId("prefs-theme");
        theme.setAccessibleText("Theme");
        theme.setConverter(new StringConverter<>() {
            @Override
            public String toString(Theme t) {
                return t == null ? "" : t.label();
            }

            @Override
            public Theme fromString(String s) {
                return null;
            }
        });
        theme.valueProperty().bindBidirectional(model.themeProperty());
        return Ui.card("Appearance",
                Ui.row(10, label("Theme", theme), theme),
                Ui.muted("\u201cFollow the system\u201d switches between light and dark when the operating system does."));
    }

    private VBox live() {
        bind(poll, "prefs-poll", "Live refresh interval in seconds", new SpinnerValueFactory.IntegerSpinnerValueFactory(
                ConsolePreferences.MIN_POLL_SECONDS, ConsolePreferences.MAX_POLL_SECONDS, model.pollSecondsProperty().get()),
                model.pollSecondsProperty());
        bind(stale, "prefs-stale", "Lock staleness threshold in minutes", new SpinnerValueFactory.IntegerSpinnerValueFactory(
                ConsolePreferences.MIN_LOCK_STALE_MINUTES, ConsolePreferences.MAX_LOCK_STALE_MINUTES,
                model.lockStaleMinutesProperty().get(), 5), model.lockStaleMinutesProperty());
        return Ui.card("Live refresh and locks",
                Ui.row(10, label("Refresh the visible cluster every", poll), poll, new Label("seconds")),
                Ui.row(10, label("Flag a held lock as probably stale after", stale), stale, new Label("minutes")),
                Ui.muted("Both apply at once to every open cluster."));
    }

    /** An editable spinner kept in step with {@code value} both ways. */
    private static void bind(Spinner<Integer> spinner, String id, String accessible, SpinnerValueFactory.IntegerSpinnerValueFactory values,
                             IntegerProperty value) {
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.setPrefWidth(100);
        spinner.setAccessibleText(accessible);
        spinner.setValueFactory(values);
        values.valueProperty().addListener((o, a, b) -> value.set(b));
        value.addListener((o, a, b) -> values.setValue(b.intValue()));
    }

    private VBox connections() {
        saved.setId("prefs-saved");
        saved.setItems(model.savedConnections());
        saved.setAccessibleText("Saved connections");
        saved.setPrefHeight(130);
        saved.setPlaceholder(Ui.placeholder("No saved connections. Save one from the Connect tab."));
        saved.setCellFactory(v -> new SavedConnectionCell(c -> c.target() + (c.profile() == null ? "" : "  · profile " + c.profile())
                + (c.endpoint() == null ? "" : "  · " + c.endpoint()), null));
        name.setId("prefs-saved-name");
        name.setPromptText("New name");
        name.setAccessibleText("New name for the selected connection");
        HBox.setHgrow(name, Priority.ALWAYS);
        saved.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> name.setText(b == null ? "" : b.name()));
        rename.setId("prefs-rename");
        rename.setAccessibleText("Rename the selected saved connection");
        rename.disableProperty().bind(saved.getSelectionModel().selectedItemProperty().isNull());
        rename.setOnAction(e -> renameSelected());
        name.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                renameSelected();
            }
        });
        forget.setId("prefs-forget");
        forget.setAccessibleText("Forget the selected saved connection");
        forget.disableProperty().bind(saved.getSelectionModel().selectedItemProperty().isNull());
        forget.setOnAction(e -> forgetSelected());
        Label secrets = new Label(PreferencesViewModel.SECRETS_NOTE);
        secrets.setId("prefs-secrets-note");
        secrets.setWrapText(true);
        secrets.setMaxWidth(Double.MAX_VALUE);
        secrets.getStyleClass().addAll("banner", "status-info");
        return Ui.card("Saved connections", saved, Ui.row(8, name, rename, forget), secrets);
    }

    private VBox reset(Runnable onLayoutReset) {
        resetLayout.setId("prefs-reset-layout");
        resetLayout.setAccessibleText("Reset the window size, position and pane splits");
        resetLayout.setOnAction(e -> {
            model.resetLayout();
            onLayoutReset.run();
        });
        resetAll.setId("prefs-reset-all");
        resetAll.getStyleClass().add("danger");
        resetAll.setAccessibleText("Reset all preferences to the defaults");
        resetAll.setOnAction(e -> confirmResetAll(onLayoutReset));
        resetLayout.setMinWidth(Region.USE_PREF_SIZE);
        resetAll.setMinWidth(Region.USE_PREF_SIZE);
        return Ui.card("Reset",
                Ui.row(10, resetLayout, wrapping("Size, position and pane splits go back to the defaults.")),
                Ui.row(10, resetAll, wrapping("Everything on this page, the saved connections and the recent list.")));
    }

    private HBox footer() {
        Button close = new Button("Close");
        close.setId("prefs-close");
        close.setDefaultButton(true);
        close.setCancelButton(true);
        close.setOnAction(e -> close());
        close.setMinWidth(Region.USE_PREF_SIZE);
        HBox footer = Ui.row(10, Ui.spacer(), close);
        footer.setPadding(new Insets(8, 20, 14, 20));
        return footer;
    }

    private static Label wrapping(String text) {
        Label l = Ui.muted(text);
        l.setWrapText(true);
        HBox.setHgrow(l, Priority.ALWAYS);
        return l;
    }

    private static Label label(String text, javafx.scene.Node target) {
        Label l = new Label(text + ":");
        l.setLabelFor(target);
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }

    private void renameSelected() {
        SavedConnection c = saved.getSelectionModel().getSelectedItem();
        if (c != null && model.rename(c, name.getText()).isEmpty()) {
            saved.getItems().stream().filter(x -> x.name().equals(name.getText().trim())).findFirst()
                    .ifPresent(x -> saved.getSelectionModel().select(x));
        }
    }

    private void forgetSelected() {
        SavedConnection c = saved.getSelectionModel().getSelectedItem();
        if (c != null) {
            model.delete(c);
        }
    }

    private void confirmResetAll(Runnable onLayoutReset) {
        if (model.askResetAll()) {
            onLayoutReset.run();
        }
    }
}
