package dev.omnigraph.console.ui.shell;

import dev.omnigraph.console.cluster.history.LedgerObservationCache;
import dev.omnigraph.console.prefs.PreferencesModel;
import dev.omnigraph.console.runtime.AppRuntime;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.ui.common.Failures;
import dev.omnigraph.console.ui.common.UserMessage;
import dev.omnigraph.console.ui.session.ClusterSession;
import dev.omnigraph.console.ui.session.ConnectionSpec;
import dev.omnigraph.console.ui.session.PollScheduler;
import dev.omnigraph.console.ui.session.SessionSettings;
import dev.omnigraph.console.ui.task.Job;
import dev.omnigraph.console.ui.task.TaskRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The window's state: the open clusters (several at once), which one is selected, and opening
 * and closing them. Opening a store happens in a background job; a connection that is already
 * open is selected instead of opened twice. Each successful open moves its root to the front of
 * the recent list (never with credentials). Toolkit-free; tested with the immediate runner.
 */
public final class ShellViewModel {
    private final TaskRunner runner;
    private final PreferencesModel preferences;
    private final SessionSettings settings;
    private final PollScheduler scheduler;
    private final Clock clock;
    private final StoreOpener opener;
    private LedgerObservationCache observations;
    private final ObservableList<ClusterSession> sessions = FXCollections.observableArrayList();
    private final ObjectProperty<ClusterSession> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<UserMessage> openError = new SimpleObjectProperty<>();

    public ShellViewModel(TaskRunner runner, PreferencesModel preferences, SessionSettings settings, PollScheduler scheduler, Clock clock,
                          StoreOpener opener) {
        this.runner = runner;
        this.preferences = preferences;
        this.settings = settings;
        this.scheduler = scheduler;
        this.clock = clock;
        this.opener = opener;
        settings.pollIntervalProperty().addListener((o, a, b) -> preferences.update(p -> p.withPollSeconds((int) b.toSeconds())));
        settings.lockStaleAfterProperty().addListener((o, a, b) -> preferences.update(p -> p.withLockStaleMinutes((int) b.toMinutes())));
        // and back: a change in the preferences (the Preferences dialog, a reset) drives every open session
        preferences.property().addListener((o, a, b) -> {
            settings.pollIntervalProperty().set(b.pollInterval());
            settings.lockStaleAfterProperty().set(b.lockStaleAfter());
        });
    }

    /** Every session opened from now on records the ledgers it reads in {@code cache} (null: none). */
    public void recordLedgersIn(LedgerObservationCache cache) {
        this.observations = cache;
    }

    /** Opens a cluster (or selects it when already open). */
    public void open(ConnectionSpec spec) {
        Optional<ClusterSession> existing = find(spec);
        if (existing.isPresent()) {
            selected.set(existing.get());
            return;
        }
        openError.set(null);
        AppRuntime.doing("Opening the cluster " + spec.location().root().display());
        runner.run("Connect to " + spec.location().name(), ctx -> openCluster(spec), store -> {
            if (find(spec).isPresent()) {
                store.close();
                selected.set(find(spec).get());
                return;
            }
            ClusterSession session = new ClusterSession(spec, store, runner, scheduler, settings, clock, observations);
            logFirstLoad(session, () -> preferences.update(p -> p.withRecent(spec.recentEntry())));
            sessions.add(session);
            selected.set(session);
            session.refresh();
        }, e -> openError.set(Failures.describe(e)));
    }

    /** Opens the store and refuses a root that holds nothing of a cluster (see {@link RootCheck}). */
    private dev.omnigraph.console.storage.ObjectStore openCluster(ConnectionSpec spec) throws Exception {
        dev.omnigraph.console.storage.ObjectStore store = opener.open(spec);
        try {
            RootCheck.requireCluster(store);
            return store;
        } catch (RuntimeException | dev.omnigraph.console.storage.StorageException e) {
            store.close();
            throw e;
        }
    }

    /**
     * Logs (and notes for crash reports) the first snapshot the session read: the cluster is open,
     * and only now does its root join the recent list (a root that never loaded is not remembered).
     */
    private static void logFirstLoad(ClusterSession session, Runnable remember) {
        session.snapshotProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends dev.omnigraph.console.cluster.ClusterSnapshot> o,
                                dev.omnigraph.console.cluster.ClusterSnapshot a, dev.omnigraph.console.cluster.ClusterSnapshot b) {
                if (b != null) {
                    o.removeListener(this);
                    AppRuntime.clusterOpened(session.location().root().display());
                    remember.run();
                }
            }
        });
    }

    /** Resolves connections in the background (a config folder is read there), then opens each. */
    public void openLater(String title, Job<List<ConnectionSpec>> resolve) {
        runner.run(title, resolve, specs -> specs.forEach(this::open), e -> openError.set(Failures.describe(e)));
    }

    /** Creates the demo clusters under {@code <home>/demo/} if absent, then opens them. */
    public void openDemos(Path home, S3Settings s3) {
        openLater("Prepare demo clusters", ctx -> DemoClusters.ensure(home, s3, ctx));
    }

    /** The Connect tab is showing: no cluster is selected, so opening one that is open already switches back to its tab. */
    public void showConnect() {
        selected.set(null);
    }

    public void close(ClusterSession session) {
        session.close();
        int index = sessions.indexOf(session);
        sessions.remove(session);
        if (selected.get() == session) {
            selected.set(sessions.isEmpty() ? null : sessions.get(Math.max(0, index - 1)));
        }
    }

    public void closeAll() {
        List.copyOf(sessions).forEach(this::close);
    }

    private Optional<ClusterSession> find(ConnectionSpec spec) {
        return sessions.stream().filter(s -> s.location().root().equals(spec.location().root())).findFirst();
    }

    public ObservableList<ClusterSession> sessions() {
        return sessions;
    }

    public ObjectProperty<ClusterSession> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<UserMessage> openErrorProperty() {
        return openError;
    }

    public void clearOpenError() {
        openError.set(null);
    }

    public TaskRunner runner() {
        return runner;
    }

    public PreferencesModel preferences() {
        return preferences;
    }

    public SessionSettings settings() {
        return settings;
    }
}
