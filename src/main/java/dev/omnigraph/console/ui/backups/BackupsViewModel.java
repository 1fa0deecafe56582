package dev.omnigraph.console.ui.backups;

import dev.omnigraph.console.backup.BackupCatalog;
import dev.omnigraph.console.backup.BackupControl;
import dev.omnigraph.console.backup.BackupCreator;
import dev.omnigraph.console.backup.BackupOptions;
import dev.omnigraph.console.backup.BackupResult;
import dev.omnigraph.console.backup.PointDiff;
import dev.omnigraph.console.backup.PointVerifier;
import dev.omnigraph.console.backup.RestorePoint;
import dev.omnigraph.console.cluster.diff.LedgerDiffReport;
import dev.omnigraph.console.common.Format;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.ui.common.Failures;
import dev.omnigraph.console.ui.common.Tagged;
import dev.omnigraph.console.ui.common.UserMessage;
import dev.omnigraph.console.ui.session.ClusterSession;
import dev.omnigraph.console.ui.task.ProgressModel;
import dev.omnigraph.console.ui.task.TaskHandle;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Backups page of one cluster: the restore points of a backup location, and for the selected
 * one a verify (every blob re-hashed) and a diff against the live cluster. A verdict is tied to the
 * point and location it was computed for and is dropped when either changes. Taking a new point
 * needs the writers confirmed stopped, and a held lock is taken over only by the id typed.
 */
public final class BackupsViewModel {
    private final ClusterSession session;
    private final StringProperty location = new SimpleStringProperty("");
    private final ObservableList<BackupCatalog.Entry> points = FXCollections.observableArrayList();
    private final ObjectProperty<BackupCatalog.Entry> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<Tagged> verdict = new SimpleObjectProperty<>();
    private final StringProperty details = new SimpleStringProperty("");
    private final BooleanProperty writersStopped = new SimpleBooleanProperty(false);
    private final StringProperty takeOverLockId = new SimpleStringProperty("");
    private final ObjectProperty<UserMessage> failure = new SimpleObjectProperty<>();
    private final ProgressModel progress = new ProgressModel();
    private TaskHandle handle = TaskHandle.DONE;
    private StoreUri listed;

    public BackupsViewModel(ClusterSession session) {
        this.session = session;
        selected.addListener((o, a, b) -> dropVerdict());
        location.addListener((o, a, b) -> {
            dropVerdict();
            points.clear();
            listed = null;
        });
    }

    private void dropVerdict() {
        verdict.set(null);
        details.set("");
    }

    /** Lists the points of the location typed (reads only). */
    public void list() {
        StoreUri uri = parse();
        if (uri == null) {
            return;
        }
        start("Listing the restore points in " + uri.display() + "…");
        handle = session.runner().run("List restore points in " + uri.display(), ctx -> {
            try (ObjectStore store = BackupJobs.open(session, uri)) {
                return BackupCatalog.list(store);
            }
        }, found -> {
            progress.finish();
            listed = uri;
            points.setAll(found.reversed());
            if (found.isEmpty() && verdict.get() == null) {
                verdict.set(Tagged.info("No restore points in " + uri.display() + " yet."));
            }
        }, this::failed, progress::update);
        attach();
    }

    /** Re-hashes every blob of the selected point. */
    public void verifySelected() {
        Optional<RestorePoint> point = selectedPoint();
        if (point.isEmpty() || listed == null) {
            return;
        }
        StoreUri uri = listed;
        start("Re-reading every object of " + point.get().pointId() + "…");
        handle = session.runner().run("Verify restore point " + point.get().pointId(), ctx -> {
            BackupControl control = new BackupControl();
            try (ObjectStore store = BackupJobs.open(session, uri)) {
                return PointVerifier.verify(store, point.get(), BackupOptions.DEFAULT_CONCURRENCY, control, BackupJobs.listener(ctx, control));
            }
        }, r -> showIfStillSelected(point.get(), uri, r.ok()
                ? Tagged.ok("Verified: all " + Format.count(r.objects()) + " objects match the manifest (" + Format.bytes(r.bytes()) + ")")
                : Tagged.danger(r.damaged().size() + " damaged and " + r.missing().size() + " missing object(s): this point cannot be restored"),
                String.join("\n", concat("damaged: ", r.damaged(), "missing: ", r.missing()))), this::failed, progress::update);
        attach();
    }

    /** Compares the selected point with the live cluster. */
    public void diffSelected() {
        Optional<RestorePoint> point = selectedPoint();
        if (point.isEmpty() || listed == null) {
            return;
        }
        StoreUri uri = listed;
        start("Comparing " + point.get().pointId() + " with the live cluster…");
        handle = session.runner().run("Diff restore point " + point.get().pointId(), ctx -> {
            BackupControl control = new BackupControl();
            try (ObjectStore store = BackupJobs.open(session, uri)) {
                return PointDiff.diff(store, point.get(), session.store(), BackupOptions.DEFAULT_CONCURRENCY, control,
                        BackupJobs.listener(ctx, control));
            }
        }, r -> showIfStillSelected(point.get(), uri, r.unchanged() ? Tagged.ok("Nothing changed since this point.")
                : Tagged.info(r.deploymentsSince().size() + " deployment(s) since the point; objects changed in " + r.groups().stream()
                        .filter(PointDiff.GroupChanges::any).count() + " graph root(s) or the control plane"), diffText(r)), this::failed,
                progress::update);
        attach();
    }

    /** Takes a new restore point of this cluster into the location (writers must be confirmed stopped). */
    public void createPoint() {
        StoreUri uri = parse();
        if (uri == null) {
            return;
        }
        BackupOptions options = new BackupOptions(writersStopped.get(), Optional.ofNullable(takeOverLockId.get()),
                BackupOptions.DEFAULT_CONCURRENCY);
        start("Taking a restore point of " + session.name() + " into " + uri.display() + "…");
        handle = session.runner().run("Restore point of " + session.name(), ctx -> {
            BackupControl control = new BackupControl();
            try (ObjectStore store = BackupJobs.open(session, uri)) {
                return new BackupCreator(session.store(), store, control, BackupJobs.listener(ctx, control)).create(options);
            }
        }, r -> {
            progress.finish();
            verdict.set(r.ok() ? Tagged.ok(r.message()) : r.outcome() == BackupResult.Outcome.REFUSED ? Tagged.danger("Refused: " + r.message())
                    : Tagged.warn(r.message() + r.lockProblem().map(p -> " — " + p).orElse("")));
            details.set(String.join("\n", r.failures()));
            session.refresh();
            list();
        }, this::failed, progress::update);
        attach();
    }

    private void showIfStillSelected(RestorePoint point, StoreUri uri, Tagged result, String text) {
        progress.finish();
        if (selected.get() != null && selected.get().pointId().equals(point.pointId()) && uri.equals(listed)) {
            verdict.set(result);
            details.set(text);
        }
    }

    static String diffText(PointDiff.Report r) {
        StringBuilder out = new StringBuilder();
        r.ledger().ifPresent(d -> out.append(LedgerDiffReport.text(d, false)));
        if (!r.deploymentsSince().isEmpty()) {
            out.append("Deployments since the point: ").append(String.join(", ", r.deploymentsSince())).append('\n');
        }
        for (PointDiff.GroupChanges g : r.groups()) {
            if (g.any()) {
                out.append(g.group().equals("__cluster") ? "control plane" : "graph " + g.group()).append(": ").append(g.added().size())
                        .append(" added, ").append(g.removed().size()).append(" removed, ").append(g.changed().size()).append(" changed\n");
            }
        }
        return out.toString();
    }

    private static List<String> concat(String a, List<String> as, String b, List<String> bs) {
        List<String> out = new java.util.ArrayList<>();
        as.forEach(x -> out.add(a + x));
        bs.forEach(x -> out.add(b + x));
        return out;
    }

    private Optional<RestorePoint> selectedPoint() {
        return Optional.ofNullable(selected.get()).flatMap(BackupCatalog.Entry::point);
    }

    private StoreUri parse() {
        try {
            failure.set(null);
            return BackupJobs.location(location.get());
        } catch (IllegalArgumentException e) {
            failure.set(new UserMessage("Not a backup location", e.getMessage(), "Give a folder path or s3://bucket/prefix."));
            return null;
        }
    }

    private void start(String text) {
        handle.cancel();
        failure.set(null);
        progress.start(text, ProgressModel.Unit.BYTES, null);
    }

    private void attach() {
        if (progress.isRunning()) {
            progress.attach(handle);
        }
    }

    private void failed(Throwable e) {
        progress.finish();
        failure.set(Failures.describe(e));
    }

    public void cancel() {
        handle.cancel();
        progress.cancel();
    }

    public ClusterSession session() {
        return session;
    }

    public StringProperty locationProperty() {
        return location;
    }

    public ObservableList<BackupCatalog.Entry> points() {
        return points;
    }

    public ObjectProperty<BackupCatalog.Entry> selectedProperty() {
        return selected;
    }

    public ObjectProperty<Tagged> verdictProperty() {
        return verdict;
    }

    public StringProperty detailsProperty() {
        return details;
    }

    public BooleanProperty writersStoppedProperty() {
        return writersStopped;
    }

    public StringProperty takeOverLockIdProperty() {
        return takeOverLockId;
    }

    public ObjectProperty<UserMessage> failureProperty() {
        return failure;
    }

    public ProgressModel progress() {
        return progress;
    }

    /** The location the list was read from (restores use it), when one was listed. */
    public Optional<StoreUri> listedLocation() {
        return Optional.ofNullable(listed);
    }
}
