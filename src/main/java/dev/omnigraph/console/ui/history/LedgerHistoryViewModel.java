package dev.omnigraph.console.ui.history;

import dev.omnigraph.console.cluster.ClusterReader;
import dev.omnigraph.console.cluster.ClusterSnapshot;
import dev.omnigraph.console.cluster.LedgerState;
import dev.omnigraph.console.cluster.diff.ChangeKind;
import dev.omnigraph.console.cluster.diff.LedgerDiff;
import dev.omnigraph.console.cluster.diff.LedgerDiffReport;
import dev.omnigraph.console.cluster.diff.LedgerDiffer;
import dev.omnigraph.console.cluster.diff.RecordSection;
import dev.omnigraph.console.cluster.diff.RestoreGuidance;
import dev.omnigraph.console.cluster.diff.StructuralDiff;
import dev.omnigraph.console.cluster.history.LedgerCopy;
import dev.omnigraph.console.cluster.history.LedgerLoader;
import dev.omnigraph.console.cluster.history.LedgerObservationCache;
import dev.omnigraph.console.cluster.history.LedgerSource;
import dev.omnigraph.console.ui.common.Failures;
import dev.omnigraph.console.ui.common.RawLine;
import dev.omnigraph.console.ui.common.UserMessage;
import dev.omnigraph.console.ui.session.ClusterSession;
import dev.omnigraph.console.ui.session.SnapshotViewModel;
import dev.omnigraph.console.ui.task.JobContext;
import dev.omnigraph.console.ui.task.ProgressModel;
import dev.omnigraph.console.ui.task.TaskHandle;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The History page's logic: lists the ledgers that can be compared ({@link HistoryListing}), lets
 * the admin pick any two (A and B), and compares them structurally and line by line. When one side
 * is the current ledger, it also derives {@link RestoreGuidance}: the exact conditional commands
 * and what a restore would invalidate. It never restores anything itself.
 *
 * <p>All reading runs through the session's task runner with progress and cancel. The listing is
 * re-read when the session shows a ledger with a different CAS (the session has then recorded it
 * in the observation cache).
 */
public final class LedgerHistoryViewModel extends SnapshotViewModel {
    private final ObjectProperty<HistoryListing> listing = new SimpleObjectProperty<>();
    private final ObservableList<HistoryEntry> entries = FXCollections.observableArrayList();
    private final ObjectProperty<HistoryEntry> selectedEntry = new SimpleObjectProperty<>();
    private final dev.omnigraph.console.ui.common.KeptSelection<HistoryEntry> keptEntry =
            new dev.omnigraph.console.ui.common.KeptSelection<>(selectedEntry, HistoryEntry::id,
                    e -> "The selected ledger " + e.label() + " is no longer listed.");
    private final ObjectProperty<HistoryEntry> sideA = new SimpleObjectProperty<>();
    private final ObjectProperty<HistoryEntry> sideB = new SimpleObjectProperty<>();
    private final ObjectProperty<LedgerDiff> diff = new SimpleObjectProperty<>();
    private final ObservableList<DiffRow> rows = FXCollections.observableArrayList();
    private final ObservableList<RawLine> raw = FXCollections.observableArrayList();
    private final ObjectProperty<RestoreGuidance> restore = new SimpleObjectProperty<>();
    private final StringProperty restoreHint = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final ObjectProperty<UserMessage> failure = new SimpleObjectProperty<>();
    private final ProgressModel progress = new ProgressModel();
    private TaskHandle handle = TaskHandle.DONE;
    private String listedFor;
    private boolean listedOnce;

    public LedgerHistoryViewModel(ClusterSession session) {
        super(session);
    }

    @Override
    protected void onSnapshot(ClusterSnapshot snapshot) {
        String cas = snapshot.ledgerIfPresent().map(l -> l.cas()).orElse("");
        if (!listedOnce || !Objects.equals(cas, listedFor)) {
            listedFor = cas;
            reload();
        }
    }

    /** Re-reads the list of ledgers (the current one, bucket versions, observed ones). */
    public void reload() {
        listedOnce = true;
        handle.cancel();
        failure.set(null);
        LedgerObservationCache cache = session.observations().orElse(null);
        progress.start("Listing the ledger's history…", ProgressModel.Unit.ITEMS, null);
        handle = session.runner().run("Ledger history of " + session.name(),
                ctx -> HistoryListing.read(session.store(), session.location(), cache, ctx),
                this::applyListing, this::failed, progress::update);
        if (progress.isRunning()) {
            progress.attach(handle);
        }
    }

    private void applyListing(HistoryListing l) {
        progress.finish();
        listing.set(l);
        HistoryEntry keep = keptEntry.before();
        entries.setAll(l.entries());
        keptEntry.restore(keep, entries); // the row the admin selected stays selected (by id) across a re-listing
        HistoryEntry a = sideA.get() == null ? null : l.entry(sideA.get().id()).orElse(null);
        HistoryEntry b = sideB.get() == null ? null : l.entry(sideB.get().id()).orElse(null);
        if (b == null) {
            b = l.entry("current").orElse(null);
        }
        if (a == null) {
            a = defaultOlder(l).orElse(null);
        }
        sideA.set(a);
        sideB.set(b);
        if (a != null && b != null) {
            compare();
        } else {
            clearDiff();
            summary.set(l.entries().stream().map(e -> e.cas().orElse(e.id())).distinct().count() < 2 ? "Nothing to compare yet: only one ledger is known. The console records every "
                    + "ledger it reads, so a later change shows up here." : "Pick two ledgers to compare.");
        }
    }

    /** The older side picked by default: the previous bucket version, else the ledger seen last time. */
    static Optional<HistoryEntry> defaultOlder(HistoryListing l) {
        Optional<HistoryEntry> version = l.entries().stream()
                .filter(e -> e.kind() == HistoryEntry.Kind.VERSION && !e.current() && e.comparable()).findFirst();
        return version.isPresent() ? version : l.sinceLastLook();
    }

    /** Compares A with B in the background. */
    public void compare() {
        HistoryEntry a = sideA.get();
        HistoryEntry b = sideB.get();
        if (a == null || b == null) {
            return;
        }
        handle.cancel();
        failure.set(null);
        LedgerObservationCache cache = session.observations().orElse(null);
        ClusterSnapshot onScreen = session.snapshot();
        Optional<String> endpoint = Optional.ofNullable(session.spec().s3()).map(s -> s.endpoint());
        progress.start("Comparing " + a.label() + " with " + b.label() + "…", ProgressModel.Unit.ITEMS, null);
        handle = session.runner().run("Compare ledgers of " + session.name(),
                ctx -> compareJob(a, b, cache, onScreen, endpoint, ctx), this::applyComparison, this::failed, progress::update);
        if (progress.isRunning()) {
            progress.attach(handle);
        }
    }

    /** Both sides' comparison and, when exactly one is current, how the other could be restored. */
    record Comparison(LedgerDiff diff, Optional<RestoreGuidance> restore) {}

    private Comparison compareJob(HistoryEntry a, HistoryEntry b, LedgerObservationCache cache, ClusterSnapshot onScreen,
                                  Optional<String> endpoint, JobContext ctx) throws Exception {
        LedgerLoader loader = new LedgerLoader(session.store(), session.location(), cache);
        ctx.progress(0, 2, "Reading " + a.label() + "…");
        LedgerCopy ca = loader.load(a.source());
        ctx.checkCancelled();
        ctx.progress(1, 2, "Reading " + b.label() + "…");
        LedgerCopy cb = loader.load(b.source());
        ctx.checkCancelled();
        LedgerDiff d = LedgerDiffer.diff(ca, cb);
        boolean aCurrent = a.source() instanceof LedgerSource.Current;
        boolean bCurrent = b.source() instanceof LedgerSource.Current;
        Optional<RestoreGuidance> guidance = Optional.empty();
        if (aCurrent != bCurrent) {
            LedgerCopy current = aCurrent ? ca : cb;
            HistoryEntry olderEntry = aCurrent ? b : a;
            LedgerCopy older = aCurrent ? cb : ca;
            ClusterSnapshot snapshot = onScreen;
            if (snapshot == null || !(snapshot.ledger() instanceof LedgerState.Present p)
                    || !Objects.equals(p.token(), current.token().orElse(null))) {
                ctx.progress(2, 2, "Re-reading the cluster for the restore guidance…");
                snapshot = ClusterReader.read(session.store(), session.location(), ctx);
            }
            RestoreGuidance.Origin origin = olderEntry.origin().orElse(new RestoreGuidance.Origin.LocalFile("state.json"));
            guidance = Optional.of(RestoreGuidance.of(snapshot, older, origin, endpoint));
        }
        return new Comparison(d, guidance);
    }

    private void applyComparison(Comparison c) {
        progress.finish();
        LedgerDiff d = c.diff();
        diff.set(d);
        rows.setAll(d.structure().map(DiffRow::of).orElse(java.util.List.of()));
        raw.setAll(RawLine.of(d.raw()));
        restore.set(c.restore().orElse(null));
        restoreHint.set(c.restore().isPresent() ? "" : "Pick \"current\" on one side to see how the other side could be restored.");
        summary.set(summarize(d));
    }

    /** One sentence over the whole comparison. */
    static String summarize(LedgerDiff d) {
        if (d.sameBytes()) {
            return "Identical: both sides are the same bytes (" + LedgerDiffReport.shorten(d.a().cas()) + ").";
        }
        if (d.structure().isEmpty()) {
            return "No structural diff: " + d.structureUnavailable().orElse("one side is not a valid ledger")
                    + ". The raw JSON diff is still available.";
        }
        StructuralDiff s = d.structure().get();
        if (s.identical()) {
            return "The two ledgers mean the same; only their layout differs (see Raw JSON).";
        }
        StringBuilder out = new StringBuilder();
        if (s.revision().changed()) {
            out.append("Revision ").append(text(s.revision().before())).append(" → ").append(text(s.revision().after())).append(". ");
        }
        out.append("Resources: ").append(s.count(ChangeKind.ADDED)).append(" added, ").append(s.count(ChangeKind.REMOVED))
                .append(" removed, ").append(s.count(ChangeKind.CHANGED)).append(" changed.");
        for (RecordSection section : RecordSection.values()) {
            int n = s.records(section).size();
            if (n > 0) {
                out.append(' ').append(section.title()).append(": ").append(n).append(" differ.");
            }
        }
        if (s.configDigest().changed()) {
            out.append(" Config digest changed.");
        }
        out.append(" Raw JSON: ").append(d.raw().removed()).append(" lines removed, ").append(d.raw().added()).append(" added.");
        return out.toString();
    }

    private static String text(Long revision) {
        return revision == null ? "?" : Long.toUnsignedString(revision);
    }

    /** Swaps A and B and compares again. */
    public void swap() {
        HistoryEntry a = sideA.get();
        sideA.set(sideB.get());
        sideB.set(a);
        compare();
    }

    /** Stops a running listing or comparison; what is on screen stays. */
    public void cancel() {
        handle.cancel();
        progress.cancel();
    }

    private void clearDiff() {
        diff.set(null);
        rows.clear();
        raw.clear();
        restore.set(null);
        restoreHint.set("");
    }

    private void failed(Throwable e) {
        progress.finish();
        Throwable t = e;
        while (t.getCause() != null && !(t instanceof LedgerLoader.LoadException)) {
            t = t.getCause();
        }
        failure.set(t instanceof LedgerLoader.LoadException le ? new UserMessage("This ledger cannot be loaded", le.getMessage(), "")
                : Failures.describe(e));
    }

    @Override
    protected void onDeactivate() {
        // a running job finishes in the background; nothing polls here
    }

    // ---- accessors -----------------------------------------------------------------------------

    public ReadOnlyObjectProperty<HistoryListing> listingProperty() {
        return listing;
    }

    /** The row selected in the list of ledgers (kept by id when the list is read again). */
    public ObjectProperty<HistoryEntry> selectedEntryProperty() {
        return selectedEntry;
    }

    /** Empty, or the sentence saying the selected ledger is no longer listed. */
    public javafx.beans.property.ReadOnlyStringProperty selectedEntryGoneProperty() {
        return keptEntry.goneProperty();
    }

    public ObservableList<HistoryEntry> entries() {
        return entries;
    }

    public ObjectProperty<HistoryEntry> sideAProperty() {
        return sideA;
    }

    public ObjectProperty<HistoryEntry> sideBProperty() {
        return sideB;
    }

    public ReadOnlyObjectProperty<LedgerDiff> diffProperty() {
        return diff;
    }

    public ObservableList<DiffRow> rows() {
        return rows;
    }

    public ObservableList<RawLine> raw() {
        return raw;
    }

    public ReadOnlyObjectProperty<RestoreGuidance> restoreProperty() {
        return restore;
    }

    public ReadOnlyStringProperty restoreHintProperty() {
        return restoreHint;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    public ReadOnlyObjectProperty<UserMessage> failureProperty() {
        return failure;
    }

    public ProgressModel progress() {
        return progress;
    }

    /** Selects the entry with this id as side A (or B). */
    public boolean pick(boolean a, String id) {
        Optional<HistoryEntry> e = entries.stream().filter(x -> x.id().equals(id)).findFirst();
        e.ifPresent(x -> (a ? sideA : sideB).set(x));
        return e.isPresent();
    }
}
