package dev.omnigraph.console.ui.deployments;

import dev.omnigraph.console.cluster.ClusterSnapshot;
import dev.omnigraph.console.cluster.LedgerState;
import dev.omnigraph.console.cluster.diff.LineDiff;
import dev.omnigraph.console.cluster.diff.SecretMask;
import dev.omnigraph.console.cluster.diff.TextDiff;
import dev.omnigraph.console.cluster.model.CapturedSources;
import dev.omnigraph.console.cluster.model.DeploymentBundle;
import dev.omnigraph.console.cluster.model.Diagnostic;
import dev.omnigraph.console.cluster.model.Ledger;
import dev.omnigraph.console.cluster.model.WireFormatException;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.StoredObject;
import dev.omnigraph.console.ui.common.Failures;
import dev.omnigraph.console.ui.common.KeptSelection;
import dev.omnigraph.console.ui.common.RawLine;
import dev.omnigraph.console.ui.session.ClusterSession;
import dev.omnigraph.console.ui.session.SnapshotViewModel;
import dev.omnigraph.console.ui.task.TaskHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Deployments page's state (OmniGraph v0.13, ledger v2): the retained results and the
 * outstanding deployment as rows, the selected deployment's bundle with its captured sources as
 * files, and a line diff of the captured configuration between any two deployments. Bundles are
 * read in the background, verified by name (sha256 of the bytes), never written.
 */
public final class DeploymentsViewModel extends SnapshotViewModel {
    /** Bundles are bounded like upstream's reader (16 MiB). */
    static final long MAX_BUNDLE_BYTES = 16L << 20;

    private final ObservableList<DeploymentRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<DeploymentRow> selected = new SimpleObjectProperty<>();
    private final KeptSelection<DeploymentRow> kept = new KeptSelection<>(selected, DeploymentRow::id,
            r -> "Deployment " + r.id() + " is no longer retained in the ledger.");
    private final ObjectProperty<BundleView> bundle = new SimpleObjectProperty<>();
    private final ObservableList<CapturedSources.File> files = FXCollections.observableArrayList();
    private final ObjectProperty<CapturedSources.File> selectedFile = new SimpleObjectProperty<>();
    private final StringProperty notice = new SimpleStringProperty("");
    private final StringProperty bundleStatus = new SimpleStringProperty("");
    private final ObjectProperty<DeploymentRow> compareA = new SimpleObjectProperty<>();
    private final ObjectProperty<DeploymentRow> compareB = new SimpleObjectProperty<>();
    private final ObservableList<RawLine> diff = FXCollections.observableArrayList();
    private final StringProperty diffSummary = new SimpleStringProperty("Choose two deployments to compare their captured configuration.");
    private TaskHandle bundleHandle = TaskHandle.DONE;
    private TaskHandle diffHandle = TaskHandle.DONE;

    public DeploymentsViewModel(ClusterSession session) {
        super(session);
        selected.addListener((o, a, b) -> {
            if (b == null || a == null || !b.bundleDigest().equals(a.bundleDigest()) || bundle.get() == null) {
                loadBundle(b);
            }
        });
    }

    @Override
    protected void onSnapshot(ClusterSnapshot snapshot) {
        Optional<Ledger> ledger = snapshot.ledgerIfPresent();
        List<DeploymentRow> next = new ArrayList<>();
        ledger.flatMap(Ledger::outstanding).ifPresent(o -> next.add(DeploymentRow.of(o)));
        ledger.ifPresent(l -> l.deploymentResults().reversed().forEach(r -> next.add(DeploymentRow.of(r))));
        notice.set(notice(snapshot, ledger, next));
        DeploymentRow before = kept.before();
        rows.setAll(next);
        DeploymentRow again = kept.restore(before, rows);
        if (again == null && before == null && !rows.isEmpty()) {
            selected.set(rows.getFirst());
        }
        if (compareA.get() == null && rows.size() >= 2) {
            compareA.set(rows.get(1));
            compareB.set(rows.get(0));
        }
    }

    private static String notice(ClusterSnapshot s, Optional<Ledger> ledger, List<DeploymentRow> rows) {
        if (ledger.isEmpty()) {
            return s.ledger() instanceof LedgerState.Missing ? "No ledger at this root: nothing was deployed yet."
                    : "The ledger is unreadable: deployments cannot be listed.";
        }
        if (!ledger.get().generation().isV2()) {
            return "This root has a v1 ledger (OmniGraph ≤ 0.11): it records applied revisions, not deployments. After `cluster "
                    + "upgrade-ledger --writers-stopped` each deployment leaves a receipt and a bundle here.";
        }
        return rows.isEmpty() ? "No deployment retained yet." : "";
    }

    private void loadBundle(DeploymentRow row) {
        bundleHandle.cancel();
        files.clear();
        selectedFile.set(null);
        bundle.set(null);
        if (row == null) {
            bundleStatus.set(kept.gone().isEmpty() ? "" : kept.gone());
            return;
        }
        bundleStatus.set("Reading bundle " + row.bundleDigest() + "…");
        bundleHandle = session.runner().run("Read bundle " + row.bundleDigest(), ctx -> read(session.store(), row), b -> {
            bundle.set(b);
            files.setAll(b.files());
            bundleStatus.set(b.problem().map(d -> d.code() + ": " + d.message())
                    .orElse("Bundle " + row.bundleDigest() + " verified (sha256 of its bytes equals its name) · "
                            + b.files().size() + (b.files().size() == 1 ? " captured file" : " captured files")));
            if (!files.isEmpty()) {
                selectedFile.set(files.getFirst());
            }
        }, e -> bundleStatus.set(Failures.describe(e).oneLine()));
    }

    /** Reads and verifies one bundle (job thread); refusals are values, storage failures throw. */
    static BundleView read(ObjectStore store, DeploymentRow row) throws StorageException {
        Optional<StoredObject> o = store.read(row.bundleKey(), MAX_BUNDLE_BYTES);
        if (o.isEmpty()) {
            return BundleView.failed(row.bundleDigest(), Diagnostic.error("deployment_bundle_missing", row.bundleKey(),
                    "the bundle of deployment " + row.id() + " does not exist"
                            + (row.outstanding() ? ": the outstanding deployment cannot be reconciled without it" : "")));
        }
        try {
            return BundleView.of(DeploymentBundle.parse(row.bundleDigest(), o.get().bytes()));
        } catch (WireFormatException e) {
            return BundleView.failed(row.bundleDigest(), e.diagnostic());
        }
    }

    /** Compares the captured configuration of {@link #compareAProperty()} and {@link #compareBProperty()} (secrets masked). */
    public void compare() {
        DeploymentRow a = compareA.get();
        DeploymentRow b = compareB.get();
        diffHandle.cancel();
        if (a == null || b == null) {
            diff.clear();
            diffSummary.set("Choose two deployments to compare their captured configuration.");
            return;
        }
        diffSummary.set("Reading both bundles…");
        diffHandle = session.runner().run("Compare deployments " + a.sequence() + " and " + b.sequence(), ctx -> {
            BundleView left = read(session.store(), a);
            BundleView right = read(session.store(), b);
            return new Compared(left, right, LineDiff.diff(left.configText(), right.configText(), LineDiff.DEFAULT_CONTEXT,
                    SecretMask::line));
        }, c -> {
            diff.setAll(RawLine.of(c.diff()));
            diffSummary.set(summary(a, b, c));
        }, e -> diffSummary.set(Failures.describe(e).oneLine()));
    }

    private record Compared(BundleView a, BundleView b, TextDiff diff) {}

    private static String summary(DeploymentRow a, DeploymentRow b, Compared c) {
        for (BundleView v : List.of(c.a(), c.b())) {
            if (v.problem().isPresent()) {
                return "Bundle " + v.digest() + " cannot be shown (" + v.problem().get().code() + "): the comparison is incomplete.";
            }
        }
        if (c.diff().identical()) {
            return "#" + a.sequence() + " and #" + b.sequence() + " captured identical configuration"
                    + (a.bundleDigest().equals(b.bundleDigest()) ? " (the same bundle)." : ".");
        }
        return "#" + a.sequence() + " → #" + b.sequence() + ": " + c.diff().added() + " line(s) added, " + c.diff().removed()
                + " removed (secrets masked).";
    }

    public ObservableList<DeploymentRow> rows() {
        return rows;
    }

    public ObjectProperty<DeploymentRow> selectedProperty() {
        return selected;
    }

    public ObservableList<CapturedSources.File> files() {
        return files;
    }

    public ObjectProperty<CapturedSources.File> selectedFileProperty() {
        return selectedFile;
    }

    /** Empty, or why there is nothing to list (v1 ledger, no ledger …). */
    public ReadOnlyStringProperty noticeProperty() {
        return notice;
    }

    /** The selected bundle's verdict: verified, or the upstream code that refuses it. */
    public ReadOnlyStringProperty bundleStatusProperty() {
        return bundleStatus;
    }

    public ObjectProperty<DeploymentRow> compareAProperty() {
        return compareA;
    }

    public ObjectProperty<DeploymentRow> compareBProperty() {
        return compareB;
    }

    public ObservableList<RawLine> diff() {
        return diff;
    }

    public ReadOnlyStringProperty diffSummaryProperty() {
        return diffSummary;
    }
}
