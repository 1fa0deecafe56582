package dev.omnigraph.console.ui.doctor;

import dev.omnigraph.console.cluster.ClusterSnapshot;
import dev.omnigraph.console.cluster.LedgerState;
import dev.omnigraph.console.cluster.doctor.BootVerdict;
import dev.omnigraph.console.cluster.doctor.DoctorReport;
import dev.omnigraph.console.cluster.doctor.FindingSeverity;
import dev.omnigraph.console.cluster.doctor.QuarantinedGraph;
import dev.omnigraph.console.cluster.doctor.ServingDoctor;
import dev.omnigraph.console.ui.common.Failures;
import dev.omnigraph.console.ui.common.Tagged;
import dev.omnigraph.console.ui.common.UserMessage;
import dev.omnigraph.console.ui.session.ClusterSession;
import dev.omnigraph.console.ui.task.ProgressModel;
import dev.omnigraph.console.ui.task.TaskHandle;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The serving doctor's logic for one cluster: would {@code omnigraph-server --cluster <root>} boot,
 * and which graphs would it quarantine. Shared by the Doctor page and the Overview badge.
 *
 * <p>While followed (the page or the badge is on screen) it examines every snapshot the session
 * shows whose ledger, sidecars or catalog differ from the last one examined, hashing only the
 * payloads serving reads ({@link ServingDoctor#run(dev.omnigraph.console.storage.ObjectStore, ClusterSnapshot,
 * dev.omnigraph.console.common.Progress)}); {@link #rerun()} reads the cluster afresh. Work runs
 * through the session's task runner with progress and cancel.
 */
public final class DoctorViewModel {
    private final ClusterSession session;
    private final ObjectProperty<DoctorReport> report = new SimpleObjectProperty<>();
    private final ObjectProperty<Tagged> verdict = new SimpleObjectProperty<>(Tagged.neutral("not checked yet"));
    private final ObjectProperty<Tagged> badge = new SimpleObjectProperty<>(Tagged.neutral("doctor: checking…"));
    private final ObjectProperty<UserMessage> failure = new SimpleObjectProperty<>();
    private final ObservableList<FindingRow> findings = FXCollections.observableArrayList();
    private final ObservableList<QuarantinedGraph> quarantined = FXCollections.observableArrayList();
    private final ObjectProperty<FindingRow> selectedFinding = new SimpleObjectProperty<>();
    private final dev.omnigraph.console.ui.common.KeptSelection<FindingRow> keptFinding =
            new dev.omnigraph.console.ui.common.KeptSelection<>(selectedFinding, FindingRow::key,
                    f -> "The selected finding (" + f.code() + ", " + f.finding().object() + ") is gone: the last examination no longer "
                            + "reports it.");
    private final ProgressModel progress = new ProgressModel();
    private final ChangeListener<ClusterSnapshot> listener = (o, a, b) -> examineIfChanged(b);
    private TaskHandle handle = TaskHandle.DONE;
    private String examined;
    private int followers;

    private final javafx.beans.property.StringProperty detail = new javafx.beans.property.SimpleStringProperty(NO_SELECTION);

    public DoctorViewModel(ClusterSession session) {
        this.session = session;
        selectedFinding.addListener((o, a, b) -> refreshDetail());
        keptFinding.goneProperty().addListener((o, a, b) -> refreshDetail());
    }

    static final String NO_SELECTION = "Select a finding to read it in full.";

    /** The detail pane's text: the selected finding (always one of the current findings), or why nothing is. */
    private void refreshDetail() {
        FindingRow b = selectedFinding.get();
        if (b != null && !findings.contains(b)) {
            selectedFinding.set(null); // never show a finding the current report does not have
            return;
        }
        String gone = keptFinding.goneProperty().get();
        detail.set(b != null ? "[" + b.finding().severity().label() + "] " + b.code() + "\n" + b.what() + "\n\nRemedy: " + b.remedy()
                : gone.isEmpty() ? NO_SELECTION : gone);
    }

    private final javafx.beans.property.StringProperty generation = new javafx.beans.property.SimpleStringProperty("");

    /** The ledger's generation, which releases can serve it, what upgrade-ledger would do, and legacy history, in lines. */
    static String generationText(DoctorReport r) {
        return r.generation().map(g -> {
            java.util.List<String> lines = new java.util.ArrayList<>();
            lines.add(g.label() + " — served by: " + g.servedBy());
            g.facts().forEach(f -> lines.add("•  " + f));
            g.upgrade().ifPresent(u -> {
                lines.add("upgrade-ledger (" + u.outcome() + "): " + u.command());
                u.willDo().forEach(w -> lines.add("   will: " + w));
                u.blockedBy().forEach(b -> lines.add("   blocked by: " + b));
            });
            g.legacyHistory().forEach(h -> lines.add("legacy history (not pending work): " + h));
            return String.join("\n", lines);
        }).orElse("");
    }

    /** Empty before a report (or for reports without a generation view). */
    public javafx.beans.property.ReadOnlyStringProperty generationProperty() {
        return generation;
    }

    /** The detail pane's text, consistent with {@link #findings()} and the verdict. */
    public javafx.beans.property.ReadOnlyStringProperty detailProperty() {
        return detail;
    }

    /** Starts following the session (counted: the page and the badge each follow). */
    public void follow() {
        if (followers++ == 0) {
            session.snapshotProperty().addListener(listener);
        }
        examineIfChanged(session.snapshot());
    }

    public void unfollow() {
        if (followers > 0 && --followers == 0) {
            session.snapshotProperty().removeListener(listener);
        }
    }

    /**
     * What the examination depends on: the ledger's bytes, the lock, the sidecars, and every catalog
     * object's identity (key, size, ETag, modification time), so bytes rewritten under the same name
     * and size (tampered, or restored) are examined again.
     */
    static String fingerprint(ClusterSnapshot s) {
        String ledger = switch (s.ledger()) {
            case LedgerState.Present p -> p.ledger().cas();
            case LedgerState.Unreadable u -> "unreadable " + u.token();
            default -> "absent";
        };
        java.util.zip.CRC32C catalog = new java.util.zip.CRC32C();
        s.catalog().entries().forEach(e -> e.blob().ifPresentOrElse(b -> catalog.update((b.key() + "\u0000" + b.size() + "\u0000"
                + b.info().etag() + "\u0000" + b.info().lastModified() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                () -> catalog.update(("missing " + e.key() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        String lock = dev.omnigraph.console.ui.session.ChangeDescriber.token(s.lock());
        return ledger + "|" + lock + "|" + s.recoveries().stream().map(r -> r.stem()).sorted().toList() + "|" + s.sidecars().size()
                + "|" + s.catalog().entries().size() + "|" + Long.toHexString(catalog.getValue());
    }

    private void examineIfChanged(ClusterSnapshot s) {
        if (s == null || progress.isRunning()) {
            return;
        }
        String f = fingerprint(s);
        if (Objects.equals(f, examined)) {
            return;
        }
        examined = f;
        start("Examining " + session.name() + " as the server would at boot…",
                ctx -> ServingDoctor.run(session.store(), s, ctx));
    }

    /** Reads the cluster afresh and examines it again. */
    public void rerun() {
        handle.cancel();
        progress.finish();
        start("Reading " + session.name() + " and replaying the server's boot checks…",
                ctx -> ServingDoctor.run(session.store(), session.location(), ctx));
    }

    private void start(String text, dev.omnigraph.console.ui.task.Job<DoctorReport> job) {
        failure.set(null);
        if (report.get() == null) {
            badge.set(Tagged.neutral("doctor: checking…"));
        }
        progress.start(text, ProgressModel.Unit.ITEMS, null);
        handle = session.runner().run("Serving doctor for " + session.name(), job, this::apply, this::failed, progress::update);
        if (progress.isRunning()) {
            progress.attach(handle);
        }
    }

    /**
     * Shows a new report in one consistent step: findings (with the selected one kept only when it
     * is still reported), quarantined graphs, verdict and badge first, then the report itself, whose
     * listeners therefore see the same findings as the header.
     */
    private void apply(DoctorReport r) {
        progress.finish();
        FindingRow keep = keptFinding.before();
        findings.setAll(r.findings().stream().map(FindingRow::new).toList());
        keptFinding.restore(keep, findings); // re-examined after a refresh: the finding being read stays selected
        quarantined.setAll(r.quarantined());
        verdict.set(verdictTag(r));
        badge.set(badgeTag(r));
        generation.set(generationText(r));
        report.set(r);
        refreshDetail();
        if (followers > 0) {
            examineIfChanged(session.snapshot()); // a snapshot that arrived while this one ran
        }
    }

    private void failed(Throwable e) {
        progress.finish();
        examined = null;
        failure.set(Failures.describe(e));
        badge.set(Tagged.neutral("doctor: could not check"));
    }

    /** "Server would boot" / "… boot with N quarantined" / "Server would refuse to boot". */
    static Tagged verdictTag(DoctorReport r) {
        return switch (r.verdict()) {
            case BOOTS -> Tagged.ok("Server would boot");
            case BOOTS_WITH_QUARANTINE -> Tagged.warn("Server would boot, quarantining " + r.quarantined().size() + " graph"
                    + (r.quarantined().size() == 1 ? "" : "s"));
            case REFUSES -> Tagged.danger("Server would refuse to boot");
        };
    }

    /** The Overview badge: "doctor: ready", "doctor: 1 quarantined", "doctor: would refuse (3)". */
    static Tagged badgeTag(DoctorReport r) {
        return switch (r.verdict()) {
            case BOOTS -> Tagged.ok("doctor: ready");
            case BOOTS_WITH_QUARANTINE -> Tagged.warn("doctor: " + r.quarantined().size() + " quarantined");
            case REFUSES -> Tagged.danger("doctor: would refuse (" + r.findings(FindingSeverity.FATAL).size() + ")");
        };
    }

    public boolean refuses() {
        return report.get() != null && report.get().verdict() == BootVerdict.REFUSES;
    }

    public ClusterSession session() {
        return session;
    }

    public ReadOnlyObjectProperty<DoctorReport> reportProperty() {
        return report;
    }

    public ReadOnlyObjectProperty<Tagged> verdictProperty() {
        return verdict;
    }

    public ReadOnlyObjectProperty<Tagged> badgeProperty() {
        return badge;
    }

    public ReadOnlyObjectProperty<UserMessage> failureProperty() {
        return failure;
    }

    /** The finding selected in the report (kept by code and object across examinations). */
    public ObjectProperty<FindingRow> selectedFindingProperty() {
        return selectedFinding;
    }

    /** Empty, or the sentence saying the selected finding is no longer reported. */
    public javafx.beans.property.ReadOnlyStringProperty selectedFindingGoneProperty() {
        return keptFinding.goneProperty();
    }

    public ObservableList<FindingRow> findings() {
        return findings;
    }

    public ObservableList<QuarantinedGraph> quarantined() {
        return quarantined;
    }

    public ProgressModel progress() {
        return progress;
    }
}
