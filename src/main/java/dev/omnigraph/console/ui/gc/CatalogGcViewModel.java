package dev.omnigraph.console.ui.gc;

import dev.omnigraph.console.cluster.gc.CatalogGc;
import dev.omnigraph.console.cluster.gc.GcCandidate;
import dev.omnigraph.console.cluster.gc.GcPlan;
import dev.omnigraph.console.cluster.gc.GcResult;
import dev.omnigraph.console.cluster.gc.KeptBlob;
import dev.omnigraph.console.common.Format;
import dev.omnigraph.console.ui.common.Failures;
import dev.omnigraph.console.ui.common.Severity;
import dev.omnigraph.console.ui.common.Tagged;
import dev.omnigraph.console.ui.common.UserMessage;
import dev.omnigraph.console.ui.session.ClusterSession;
import dev.omnigraph.console.ui.task.ProgressModel;
import dev.omnigraph.console.ui.task.TaskHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The "Collect catalog garbage…" dialog's logic (RFC-006 open question 3).
 *
 * <p>Rules: the dry run ({@link CatalogGc#plan}) comes first and changes nothing; it lists every
 * orphan with its size and the totals, and every unreferenced blob that is kept with why. Deleting
 * is enabled only for a plan without blockers that has something to delete, listed while nobody held
 * the cluster lock (else "Dry run again" once that command finished), while nothing runs,
 * and only after the admin typed the number of blobs (or {@code delete}) under a list of exactly
 * what goes. The deletion is {@link CatalogGc#execute}: under the cluster lock (operation
 * {@value CatalogGc#LOCK_OPERATION}), re-reading the ledger, approvals and sidecars under it, so a
 * blob referenced since the listing survives. The outcome is reported as deleted / kept because
 * now referenced / not deleted, and the cluster is re-read.
 */
public final class CatalogGcViewModel {
    /** The word that confirms as well as the count does. */
    public static final String CONFIRM_WORD = "delete";

    private final ClusterSession session;
    private final ObjectProperty<GcPlan> plan = new SimpleObjectProperty<>();
    private final ObservableList<GcCandidate> candidates = FXCollections.observableArrayList();
    private final ObservableList<KeptBlob> kept = FXCollections.observableArrayList();
    private final StringProperty totals = new SimpleStringProperty("");
    private final StringProperty typed = new SimpleStringProperty("");
    private final ObjectProperty<GcResult> result = new SimpleObjectProperty<>();
    private final ObjectProperty<Tagged> outcome = new SimpleObjectProperty<>();
    private final ObservableList<ResultRow> resultRows = FXCollections.observableArrayList();
    private final ObjectProperty<UserMessage> failure = new SimpleObjectProperty<>();
    private final ProgressModel progress = new ProgressModel();
    private final BooleanBinding canDelete;
    private TaskHandle handle = TaskHandle.DONE;

    /** One line of the outcome: what happened to a blob. */
    public record ResultRow(Tagged what, String key, String detail) {}

    public CatalogGcViewModel(ClusterSession session) {
        this.session = session;
        this.canDelete = Bindings.createBooleanBinding(() -> {
            GcPlan p = plan.get();
            return p != null && p.blockers().isEmpty() && p.lockHolder().isEmpty() && !p.candidates().isEmpty() && confirms(typed.get(), p)
                    && !progress.isRunning() && result.get() == null;
        }, plan, typed, progress.runningProperty(), result);
    }

    /** Whether {@code text} confirms deleting {@code p}'s candidates: their number, or "delete". */
    static boolean confirms(String text, GcPlan p) {
        if (text == null) {
            return false;
        }
        String t = text.trim();
        return t.equals(String.valueOf(p.candidates().size())) || t.equalsIgnoreCase(CONFIRM_WORD);
    }

    public String title() {
        return "Collect catalog garbage — " + session.name();
    }

    /** Lists orphans (changes nothing). */
    public void dryRun() {
        handle.cancel();
        failure.set(null);
        result.set(null);
        outcome.set(null);
        resultRows.clear();
        typed.set("");
        progress.start("Listing the catalog and checking every blob against the ledger, approvals and sidecars…",
                ProgressModel.Unit.ITEMS, null);
        handle = session.runner().run("Catalog GC dry run for " + session.name(),
                ctx -> CatalogGc.plan(session.store(), session.location(), ctx), this::applyPlan, this::failed, progress::update);
        if (progress.isRunning()) {
            progress.attach(handle);
        }
    }

    private void applyPlan(GcPlan p) {
        progress.finish();
        plan.set(p);
        candidates.setAll(p.candidates());
        kept.setAll(p.kept());
        totals.set(p.candidates().size() + " orphaned blob" + (p.candidates().size() == 1 ? "" : "s") + " to delete ("
                + Format.bytes(p.candidateBytes()) + "), " + p.kept().size() + " unreferenced kept ("
                + Format.bytes(p.kept().stream().mapToLong(KeptBlob::size).sum()) + ")");
    }

    /** What the confirmation asks, naming what is at risk. */
    public String confirmationPrompt() {
        GcPlan p = plan.get();
        if (p == null) {
            return "";
        }
        return "Type " + p.candidates().size() + " (the number of blobs) or \"" + CONFIRM_WORD + "\" to delete them";
    }

    /** The list of what goes, for the confirmation: one "size  key" line per blob. */
    public String whatGoes() {
        GcPlan p = plan.get();
        if (p == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (GcCandidate c : p.candidates()) {
            out.append(String.format(Locale.ROOT, "%10s  %s%n", Format.bytes(c.size()), c.key()));
        }
        return out.toString();
    }

    /** The delete button's label, naming what it deletes. */
    public String deleteLabel() {
        GcPlan p = plan.get();
        return p == null ? "Delete" : "Delete " + p.candidates().size() + " blob" + (p.candidates().size() == 1 ? "" : "s")
                + " (" + Format.bytes(p.candidateBytes()) + ")";
    }

    /** Deletes the listed orphans under the cluster lock. Ignored unless {@link #canDelete()}. */
    public void delete() {
        if (!canDelete()) {
            return;
        }
        GcPlan p = plan.get();
        // DELETE If-Match only where the capability probe proved it (or on AWS itself); elsewhere
        // the engine re-reads each blob unchanged before deleting it
        var probed = session.probeProperty().get();
        boolean conditional = probed != null ? probed.supportsConditionalDelete()
                : dev.omnigraph.console.cluster.LockService.conditionalDeleteTrustedWithoutProbe(session.store());
        failure.set(null);
        progress.start("Deleting " + p.candidates().size() + " orphaned blob(s) under the cluster lock (" + CatalogGc.LOCK_OPERATION + ")…",
                ProgressModel.Unit.ITEMS, null);
        handle = session.runner().run("Collect catalog garbage of " + session.name(),
                ctx -> CatalogGc.execute(session.store(), p, conditional, ctx), this::applyResult, this::failed, progress::update);
        if (progress.isRunning()) {
            progress.attach(handle);
        }
    }

    private void applyResult(GcResult r) {
        progress.finish();
        result.set(r);
        List<ResultRow> rows = new ArrayList<>();
        for (GcResult.Deleted d : r.deleted()) {
            if (r.restored().contains(d.key())) {
                rows.add(new ResultRow(Tagged.warn("put back"), d.key(), "became referenced while the GC ran; restored byte for byte"));
            } else {
                rows.add(new ResultRow(Tagged.ok("deleted"), d.key(), Format.bytes(d.size()) + ", "
                        + (d.conditional() ? "conditional delete" : "re-read unchanged, then deleted")));
            }
        }
        for (GcResult.Skipped s : r.skipped()) {
            boolean referenced = s.reason().startsWith("referenced");
            rows.add(new ResultRow(referenced ? Tagged.info("kept: now referenced") : Tagged.warn("not deleted"), s.key(), s.reason()));
        }
        resultRows.setAll(rows);
        outcome.set(new Tagged(r.message(), severity(r)));
        session.refresh();
    }

    static Severity severity(GcResult r) {
        return switch (r.outcome()) {
            case COMPLETED -> r.skipped().isEmpty() && r.restored().isEmpty() && r.lockReleased() ? Severity.OK : Severity.WARN;
            case NOTHING_TO_DELETE -> Severity.INFO;
            case CANCELLED -> Severity.WARN;
            case REFUSED_BLOCKED, REFUSED_LOCK_HELD, ABORTED -> Severity.DANGER;
        };
    }

    /** Stops the running dry run or deletion (a deletion settles what it did and releases the lock). */
    public void cancel() {
        handle.cancel();
        progress.cancel();
    }

    private void failed(Throwable e) {
        progress.finish();
        failure.set(Failures.describe(e));
    }

    // ---- accessors -----------------------------------------------------------------------------

    public ClusterSession session() {
        return session;
    }

    public ReadOnlyObjectProperty<GcPlan> planProperty() {
        return plan;
    }

    public ObservableList<GcCandidate> candidates() {
        return candidates;
    }

    public ObservableList<KeptBlob> kept() {
        return kept;
    }

    public ReadOnlyStringProperty totalsProperty() {
        return totals;
    }

    public StringProperty typedProperty() {
        return typed;
    }

    public BooleanBinding canDeleteProperty() {
        return canDelete;
    }

    public boolean canDelete() {
        return canDelete.get();
    }

    public ReadOnlyObjectProperty<GcResult> resultProperty() {
        return result;
    }

    public ReadOnlyObjectProperty<Tagged> outcomeProperty() {
        return outcome;
    }

    public ObservableList<ResultRow> resultRows() {
        return resultRows;
    }

    public ReadOnlyObjectProperty<UserMessage> failureProperty() {
        return failure;
    }

    public ProgressModel progress() {
        return progress;
    }
}
