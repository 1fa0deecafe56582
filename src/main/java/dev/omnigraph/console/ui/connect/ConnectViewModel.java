package dev.omnigraph.console.ui.connect;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.prefs.PreferencesModel;
import dev.omnigraph.console.prefs.SavedConnection;
import dev.omnigraph.console.storage.CapabilityProbe;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.ObjectStores;
import dev.omnigraph.console.storage.S3Input;
import dev.omnigraph.console.storage.S3Input.PathStyle;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.ui.common.Failures;
import dev.omnigraph.console.ui.common.S3ConnectionForm;
import dev.omnigraph.console.ui.common.Tagged;
import dev.omnigraph.console.ui.common.UserMessage;
import dev.omnigraph.console.ui.session.ConnectionResolver;
import dev.omnigraph.console.ui.session.ConnectionSpec;
import dev.omnigraph.console.ui.task.TaskRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Connect page's logic: a storage root ({@code s3://}, {@code file://}, a path) or a config
 * folder, per-connection S3 settings defaulting to the environment contract
 * ({@link S3Settings#fromEnvironment}), optional session-only access keys, "Test connection"
 * (the capability probe, in the background, as a checklist) and "Open".
 *
 * <p>Rules: what the admin typed is checked before anything runs and a problem is shown in place
 * (never a stack trace); keys are kept in this object only, never in a {@link SavedConnection} or
 * the recent list; a saved connection restores everything but keys.
 */
public final class ConnectViewModel {
    private final TaskRunner runner;
    private final PreferencesModel preferences;
    private final Consumer<ConnectionSpec> opener;
    private final S3Settings environment;
    private final Path cwd;

    private final ObjectProperty<SavedConnection.Kind> mode = new SimpleObjectProperty<>(SavedConnection.Kind.ROOT);
    private final StringProperty root = new SimpleStringProperty("");
    private final StringProperty configDir = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final S3ConnectionForm s3 = new S3ConnectionForm();
    private final ObservableList<CheckRow> checks = FXCollections.observableArrayList();
    private final ObjectProperty<Tagged> verdict = new SimpleObjectProperty<>();
    private final ObjectProperty<UserMessage> error = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanBinding s3Relevant;

    public ConnectViewModel(TaskRunner runner, PreferencesModel preferences, S3Settings environment, Path cwd,
                            Consumer<ConnectionSpec> opener) {
        this.runner = runner;
        this.preferences = preferences;
        this.environment = environment;
        this.cwd = cwd;
        this.opener = opener;
        this.s3Relevant = Bindings.createBooleanBinding(() -> mode.get() == SavedConnection.Kind.CONFIG
                || root.get().trim().toLowerCase(Locale.ROOT).startsWith("s3://"), mode, root);
        for (ObservableValue<?> field : List.of(root, configDir, mode)) {
            field.addListener((o, a, b) -> clearResult());
        }
        s3.onEdit(this::clearResult);
    }

    private void clearResult() {
        error.set(null);
        checks.clear();
        verdict.set(null);
    }

    /** The environment's value for a field, for prompt texts ("from AWS_REGION: eu-west-1"). */
    public String environmentHint(String field) {
        String v = switch (field) {
            case "endpoint" -> environment.endpoint();
            case "region" -> environment.region();
            case "profile" -> environment.profile();
            default -> null;
        };
        return v == null ? switch (field) {
            case "endpoint" -> "AWS (default)";
            case "region" -> "us-east-1 or the profile's";
            case "profile" -> "default credential chain";
            default -> "";
        } : v + " (environment)";
    }

    /** The S3 settings these fields describe (environment defaults + overrides + session keys; one {@link S3Input}). */
    S3Settings settings() {
        return s3.over(environment);
    }

    /** Resolves what was typed; reads cluster.yaml for a config folder (call from a job). */
    ConnectionSpec resolve() throws Exception {
        if (mode.get() != SavedConnection.Kind.CONFIG) {
            RootTypos.check(root.get(), cwd);
        }
        ClusterLocation location = mode.get() == SavedConnection.Kind.CONFIG
                ? ConnectionResolver.configDir(configDir.get(), cwd)
                : ConnectionResolver.root(root.get(), cwd);
        if (!name.get().isBlank()) {
            location = new ClusterLocation(location.root(), location.configDir(), name.get().trim());
        }
        return new ConnectionSpec(location, settings());
    }

    /** What is wrong with the typed root as it stands (a mistyped scheme, a bad bucket name…), for the field's decoration. */
    public java.util.Optional<String> rootProblem(String text) {
        try {
            RootTypos.check(text, cwd);
        } catch (IllegalArgumentException e) {
            return java.util.Optional.ofNullable(e.getMessage());
        }
        return dev.omnigraph.console.ui.common.RootField.problem(text, cwd);
    }

    /** Runs the capability probe in the background and fills the checklist. */
    public void testConnection() {
        if (busy.get()) {
            return;
        }
        clearResult();
        busy.set(true);
        runner.run("Test connection", ctx -> {
            ConnectionSpec spec = resolve();
            try (ObjectStore store = ObjectStores.open(spec.root(), spec.s3())) {
                return CapabilityProbe.run(store, ClusterLayout.PROBE);
            }
        }, report -> {
            busy.set(false);
            checks.setAll(report.checks().stream().map(CheckRow::of).toList());
            verdict.set(verdictOf(report));
        }, e -> {
            busy.set(false);
            error.set(Failures.describe(e));
        });
    }

    /** What the checklist means, in one line. */
    static Tagged verdictOf(CapabilityProbe.Report report) {
        if (!report.canBrowse()) {
            String why = report.checks().stream().filter(c -> c.status() == CapabilityProbe.Status.FAIL).map(CapabilityProbe.Check::detail)
                    .findFirst().orElse("listing or reading failed");
            return Tagged.danger("Cannot browse this root: " + why);
        }
        boolean noLedger = report.check(CapabilityProbe.READ).map(c -> c.detail().startsWith("no ledger")).orElse(false);
        if (noLedger) {
            return Tagged.warn("Reachable, but there is no ledger at this root: check the prefix (a cluster keeps "
                    + "__cluster/state.json directly under its root).");
        }
        if (!report.canWriteConditionally()) {
            return Tagged.warn("Readable. Conditional writes are not available here, so force unlock is refused.");
        }
        return Tagged.ok("Ready: readable, and conditional writes work" + (report.supportsConditionalDelete()
                ? " (including conditional delete)." : " (force unlock re-reads before deleting)."));
    }

    /** Resolves in the background and hands the connection to the shell. */
    public void open() {
        if (busy.get()) {
            return;
        }
        error.set(null);
        busy.set(true);
        runner.run("Resolve connection", ctx -> resolve(), spec -> {
            busy.set(false);
            opener.accept(spec);
        }, e -> {
            busy.set(false);
            error.set(Failures.describe(e));
        });
    }

    /** Saves the current fields (never the keys) under {@link #nameProperty()} or the target. */
    public SavedConnection save() {
        SavedConnection.Kind kind = mode.get();
        String target = kind == SavedConnection.Kind.CONFIG ? configDir.get().trim() : root.get().trim();
        if (target.isEmpty()) {
            error.set(new UserMessage("Nothing to save", "Enter a storage root or a config folder first.", ""));
            return null;
        }
        S3Input typed = s3.input();
        SavedConnection c = new SavedConnection(name.get(), kind, target, typed.endpoint(), typed.region(), typed.pathStyle().value(),
                typed.profile());
        preferences.update(p -> p.withSaved(c));
        return c;
    }

    public void delete(SavedConnection c) {
        preferences.update(p -> p.withoutSaved(c.name()));
    }

    /** Fills the fields from a saved connection; keys are cleared (they were never saved). */
    public void load(SavedConnection c) {
        mode.set(c.kind());
        if (c.kind() == SavedConnection.Kind.CONFIG) {
            configDir.set(c.target());
        } else {
            root.set(c.target());
        }
        name.set(c.name());
        s3.fill(new S3Input(c.endpoint(), c.region(), c.profile(), PathStyle.of(c.pathStyle()), null, null, null));
    }

    /** Fills the fields from a recent-list entry ({@code config:<dir>} or a root). */
    public void loadRecent(String entry) {
        name.set("");
        if (entry.startsWith(ConnectionResolver.CONFIG_PREFIX)) {
            mode.set(SavedConnection.Kind.CONFIG);
            configDir.set(entry.substring(ConnectionResolver.CONFIG_PREFIX.length()));
        } else {
            mode.set(SavedConnection.Kind.ROOT);
            root.set(entry);
        }
    }

    public ObservableList<SavedConnection> savedConnections() {
        ObservableList<SavedConnection> list = FXCollections.observableArrayList(preferences.get().savedConnections());
        preferences.property().addListener((o, a, b) -> list.setAll(b.savedConnections()));
        return list;
    }

    public ObservableList<String> recentRoots() {
        ObservableList<String> list = FXCollections.observableArrayList(preferences.get().recentRoots());
        preferences.property().addListener((o, a, b) -> list.setAll(b.recentRoots()));
        return list;
    }

    public ObjectProperty<SavedConnection.Kind> modeProperty() {
        return mode;
    }

    public StringProperty rootProperty() {
        return root;
    }

    public StringProperty configDirProperty() {
        return configDir;
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** The S3 fields (endpoint, region, addressing, profile, session-only keys). */
    public S3ConnectionForm s3() {
        return s3;
    }

    public ObservableList<CheckRow> checks() {
        return checks;
    }

    public ReadOnlyObjectProperty<Tagged> verdictProperty() {
        return verdict;
    }

    public ReadOnlyObjectProperty<UserMessage> errorProperty() {
        return error;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public BooleanBinding s3RelevantProperty() {
        return s3Relevant;
    }
}
