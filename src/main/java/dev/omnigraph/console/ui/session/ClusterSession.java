package dev.omnigraph.console.ui.session;

import dev.omnigraph.console.cluster.CatalogVerifier;
import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.cluster.ClusterReader;
import dev.omnigraph.console.cluster.ClusterSnapshot;
import dev.omnigraph.console.cluster.history.LedgerObservationCache;
import dev.omnigraph.console.cluster.model.DesiredConfig;
import dev.omnigraph.console.cluster.model.DesiredConfigResult;
import dev.omnigraph.console.common.Format;
import dev.omnigraph.console.storage.CapabilityProbe;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.ui.common.Failures;
import dev.omnigraph.console.ui.common.UserMessage;
import dev.omnigraph.console.ui.task.ProgressModel;
import dev.omnigraph.console.ui.task.TaskHandle;
import dev.omnigraph.console.ui.task.TaskRunner;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One open cluster: its connection, the snapshot on screen, and the background work around it
 * (reading, live refresh, the capability probe, catalog verification, the desired config).
 *
 * <p>Rules mirrored: storage is touched only inside jobs given to the {@link TaskRunner}; every
 * load reports progress and can be cancelled; live refresh polls the ledger and the lock with
 * conditional reads ({@code If-None-Match}) only while the session is active (its tab is the one
 * on screen), and re-reads the whole snapshot only when one of them moved.
 */
public final class ClusterSession {
    /** Most recent changes kept for the activity strip. */
    public static final int MAX_CHANGES = 50;

    private final ConnectionSpec spec;
    private final ObjectStore store;
    private final TaskRunner runner;
    private final PollScheduler scheduler;
    private final SessionSettings settings;
    private final Clock clock;
    private final LedgerObservationCache observations;

    private final ObjectProperty<ClusterSnapshot> snapshot = new SimpleObjectProperty<>();
    private final ObjectProperty<UserMessage> failure = new SimpleObjectProperty<>();
    private final ObjectProperty<CapabilityProbe.Report> probe = new SimpleObjectProperty<>();
    private final ObjectProperty<CatalogVerifier.Report> catalogReport = new SimpleObjectProperty<>();
    private final ObjectProperty<DesiredConfigResult> desired = new SimpleObjectProperty<>();
    private final ObjectProperty<LedgerObservationCache.RecordOutcome> lastObservation = new SimpleObjectProperty<>();
    private final BooleanProperty active = new SimpleBooleanProperty(false);
    private final ObservableList<LiveChange> changes = FXCollections.observableArrayList();
    private final ObjectProperty<LastCheck> lastCheck = new SimpleObjectProperty<>();
    private final ObjectProperty<UserMessage> refreshFailure = new SimpleObjectProperty<>();
    private final ProgressModel loadProgress = new ProgressModel();

    private TaskHandle loadHandle = TaskHandle.DONE;
    private TaskHandle pollHandle = TaskHandle.DONE;
    private PollScheduler.Cancellable polling;
    private final ChangeListener<java.time.Duration> intervalListener = (obs, was, now) -> restartPolling();
    private boolean closed;

    public ClusterSession(ConnectionSpec spec, ObjectStore store, TaskRunner runner, PollScheduler scheduler, SessionSettings settings,
                          Clock clock) {
        this(spec, store, runner, scheduler, settings, clock, null);
    }

    /**
     * @param observations where every ledger this session reads is recorded (exact bytes, never a
     *                     ledger with an inline secret), for the History page's "since I last
     *                     looked"; null records nothing
     */
    public ClusterSession(ConnectionSpec spec, ObjectStore store, TaskRunner runner, PollScheduler scheduler, SessionSettings settings,
                          Clock clock, LedgerObservationCache observations) {
        this.observations = observations;
        this.spec = spec;
        this.store = store;
        this.runner = runner;
        this.scheduler = scheduler;
        this.settings = settings;
        this.clock = clock;
    }

    // ---- reading -------------------------------------------------------------------------------

    /** Reads a fresh snapshot in the background (ignored while a read is running). */
    public void refresh() {
        if (closed || loadProgress.isRunning()) {
            return;
        }
        loadProgress.start("Reading " + spec.location().name() + "…", ProgressModel.Unit.ITEMS, null);
        TaskHandle handle = runner.run("Read " + spec.location().name(),
                ctx -> {
                    ClusterSnapshot read = ClusterReader.read(store, spec.location(), ctx);
                    return new Loaded(read, record(read));
                },
                loaded -> {
                    loadProgress.finish();
                    failure.set(null);
                    refreshFailure.set(null);
                    lastCheck.set(LastCheck.read(clock.instant(), loaded.snapshot()));
                    if (loaded.recorded() != null) {
                        lastObservation.set(loaded.recorded());
                    }
                    snapshot.set(loaded.snapshot());
                    loadDesiredOnce();
                },
                e -> {
                    loadProgress.finish();
                    UserMessage m = Failures.describe(e);
                    failure.set(m);
                    refreshFailure.set(m);
                },
                loadProgress::update);
        loadHandle = handle;
        if (loadProgress.isRunning()) {
            loadProgress.attach(handle);
        }
    }

    private record Loaded(ClusterSnapshot snapshot, LedgerObservationCache.RecordOutcome recorded) {}

    /** Records the ledger just read in the observation cache (job thread; never throws). */
    private LedgerObservationCache.RecordOutcome record(ClusterSnapshot read) {
        if (observations == null) {
            return null;
        }
        return read.ledgerIfPresent().map(l -> observations.record(spec.location(), l)).orElse(null);
    }

    private void loadDesiredOnce() {
        Optional<java.nio.file.Path> dir = spec.location().configDir();
        if (dir.isEmpty() || desired.get() != null) {
            return;
        }
        runner.run("Load desired config", ctx -> DesiredConfig.load(dir.get()), desired::set, e -> { });
    }

    // ---- live refresh ----------------------------------------------------------------------------

    /** The session is on screen: start polling (and read once if nothing is loaded yet). */
    public void activate() {
        if (closed || active.get()) {
            return;
        }
        active.set(true);
        settings.pollIntervalProperty().addListener(intervalListener);
        restartPolling();
        if (snapshot.get() == null && !loadProgress.isRunning()) {
            refresh();
        }
    }

    /** Nobody looks at it: stop polling. */
    public void deactivate() {
        if (!active.get()) {
            return;
        }
        active.set(false);
        settings.pollIntervalProperty().removeListener(intervalListener);
        stopPolling();
    }

    private void restartPolling() {
        stopPolling();
        if (active.get() && !closed) {
            polling = scheduler.every(settings.pollIntervalProperty().get(), this::pollOnce);
        }
    }

    private void stopPolling() {
        if (polling != null) {
            polling.cancel();
            polling = null;
        }
        pollHandle.cancel();
    }

    /**
     * One cheap poll: conditional reads of the ledger and the lock against the tokens on screen.
     * When either moved, the change is recorded in words and the snapshot is re-read.
     */
    public void pollOnce() {
        ClusterSnapshot current = snapshot.get();
        if (closed || current == null || loadProgress.isRunning() || !pollHandle.isDone()) {
            return;
        }
        pollHandle = runner.run("Poll " + spec.location().name(), ctx -> LiveChanges.since(current, store, clock.instant()), found -> {
            refreshFailure.set(null);
            lastCheck.set(LastCheck.poll(clock.instant(), found, CatalogWatch.watched(current)));
            if (!found.isEmpty() && snapshot.get() == current) {
                changes.addAll(0, found);
                if (changes.size() > MAX_CHANGES) {
                    changes.remove(MAX_CHANGES, changes.size());
                }
                refresh();
            }
        }, e -> {
            UserMessage m = Failures.describe(e);
            failure.set(m);
            refreshFailure.set(m);
        });
    }

    // ---- capability probe --------------------------------------------------------------------------

    /** Runs the probe if it has not run yet, then hands the report over (on the FX thread). */
    public void withProbe(Consumer<CapabilityProbe.Report> then, Consumer<Throwable> onFailure) {
        CapabilityProbe.Report known = probe.get();
        if (known != null) {
            then.accept(known);
            return;
        }
        runner.run("Probe " + spec.root().display(), ctx -> CapabilityProbe.run(store, ClusterLayout.PROBE), r -> {
            probe.set(r);
            then.accept(r);
        }, onFailure);
    }

    public void setCatalogReport(CatalogVerifier.Report report) {
        catalogReport.set(report);
    }

    /** Stops everything and closes the store (in the background). */
    public void close() {
        if (closed) {
            return;
        }
        deactivate();
        closed = true;
        loadHandle.cancel();
        loadProgress.finish();
        runner.run("Close " + spec.location().name(), ctx -> {
            store.close();
            return Boolean.TRUE;
        }, ok -> { }, e -> { });
    }

    // ---- accessors ---------------------------------------------------------------------------------

    public ConnectionSpec spec() {
        return spec;
    }

    public ClusterLocation location() {
        return spec.location();
    }

    public String name() {
        return spec.location().name();
    }

    /** The store, for jobs only (never call it on the FX thread). */
    public ObjectStore store() {
        return store;
    }

    public TaskRunner runner() {
        return runner;
    }

    public SessionSettings settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
    }

    public ReadOnlyObjectProperty<ClusterSnapshot> snapshotProperty() {
        return snapshot;
    }

    public ClusterSnapshot snapshot() {
        return snapshot.get();
    }

    public ReadOnlyObjectProperty<UserMessage> failureProperty() {
        return failure;
    }

    public ReadOnlyObjectProperty<CapabilityProbe.Report> probeProperty() {
        return probe;
    }

    public ReadOnlyObjectProperty<CatalogVerifier.Report> catalogReportProperty() {
        return catalogReport;
    }

    public ReadOnlyObjectProperty<DesiredConfigResult> desiredProperty() {
        return desired;
    }

    /** The local cache of ledgers this console observed, when this session records them. */
    public Optional<LedgerObservationCache> observations() {
        return Optional.ofNullable(observations);
    }

    /** What recording the last ledger read did (stored, already known, refused because of an inline secret …). */
    public ReadOnlyObjectProperty<LedgerObservationCache.RecordOutcome> lastObservationProperty() {
        return lastObservation;
    }

    public ReadOnlyBooleanProperty activeProperty() {
        return active;
    }

    public boolean isActive() {
        return active.get();
    }

    /**
     * When the cluster was last checked (a full read or a live poll that answered) and whether
     * anything changed; null before the first answer. Moves on every poll, so "read 20:31:04"
     * never stands still while live refresh runs.
     */
    public ReadOnlyObjectProperty<LastCheck> lastCheckProperty() {
        return lastCheck;
    }

    /**
     * Null while the last read or poll answered; otherwise why it failed. The shell binds its
     * "Live" indicator to this ("last refresh failed: …"); pages stop saying "Reading the cluster…".
     */
    public ReadOnlyObjectProperty<UserMessage> refreshFailureProperty() {
        return refreshFailure;
    }

    /** "" while refreshing works; "last refresh failed: <one line>" after a read or poll failed. */
    public String refreshFailureText() {
        UserMessage m = refreshFailure.get();
        return m == null ? "" : "last refresh failed: " + m.oneLine();
    }

    public ObservableList<LiveChange> changes() {
        return changes;
    }

    public ProgressModel loadProgress() {
        return loadProgress;
    }

    public boolean isClosed() {
        return closed;
    }

    /** "read 2026-12-07 12:04:31 UTC in 1.2 s · 3,412 objects" for the header. */
    public static String readSummary(ClusterSnapshot s) {
        return "read " + dev.omnigraph.console.ui.common.Times.of(s.readAt()) + " in " + Format.seconds(s.took()) + " · " + Format.count(s.objectsListed()) + " objects listed";
    }
}
