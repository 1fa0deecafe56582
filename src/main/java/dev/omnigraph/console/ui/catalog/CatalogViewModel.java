package dev.omnigraph.console.ui.catalog;

import dev.omnigraph.console.cluster.CatalogEntry;
import dev.omnigraph.console.cluster.CatalogIntegrity;
import dev.omnigraph.console.cluster.CatalogVerifier;
import dev.omnigraph.console.cluster.ClusterSnapshot;
import dev.omnigraph.console.cluster.model.WireLimits;
import dev.omnigraph.console.common.Format;
import dev.omnigraph.console.storage.StoredObject;
import dev.omnigraph.console.ui.common.Bundles;
import dev.omnigraph.console.ui.common.Failures;
import dev.omnigraph.console.ui.common.Tagged;
import dev.omnigraph.console.ui.session.CatalogVerdicts;
import dev.omnigraph.console.ui.session.CatalogWatch;
import dev.omnigraph.console.ui.session.ClusterSession;
import dev.omnigraph.console.ui.session.SnapshotViewModel;
import dev.omnigraph.console.ui.task.ProgressModel;
import dev.omnigraph.console.ui.task.TaskHandle;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Catalog view's state: the tree ({@link CatalogTree}), the selected blob's content and
 * verdict, and "verify all" ({@link CatalogVerifier}, in the background with progress, throughput
 * and cancel). A verdict is tied to the bytes it hashed (the blob's ETag, size and modification
 * time as listed): it carries over to the next snapshot only while that snapshot lists the same
 * identity for the key; otherwise the blob is "not verified since it changed"
 * ({@link CatalogVerdicts}). Verifying one blob (by selecting it) updates the session's report, so
 * the Overview counts the same verdicts as this page.
 */
public final class CatalogViewModel extends SnapshotViewModel {
    private final ObjectProperty<CatalogTree> tree = new SimpleObjectProperty<>();
    private final ObjectProperty<CatalogNode> selected = new SimpleObjectProperty<>();
    private final StringProperty content = new SimpleStringProperty("");
    private final ObjectProperty<Tagged> contentVerdict = new SimpleObjectProperty<>();
    private final ObjectProperty<Tagged> summary = new SimpleObjectProperty<>(Tagged.neutral("Not verified yet"));
    private final StringProperty totals = new SimpleStringProperty("");
    private final ProgressModel verifyProgress = new ProgressModel();
    private final javafx.beans.property.IntegerProperty verdicts = new javafx.beans.property.SimpleIntegerProperty();
    private final StringProperty gone = new SimpleStringProperty("");
    private final Set<String> expanded = new HashSet<>();
    private boolean expansionKnown;
    private boolean carryingOver;
    private TaskHandle contentHandle = TaskHandle.DONE;
    private TaskHandle groupHandle = TaskHandle.DONE;

    public CatalogViewModel(ClusterSession session) {
        super(session);
        selected.addListener((o, a, b) -> {
            if (b != null) {
                gone.set("");
            }
            boolean sameBlob = carryingOver && a != null && b != null && a.isBlob() && b.isBlob() && a.id().equals(b.id())
                    && sameBytes(a, b);
            if (!sameBlob) {
                loadContent(b); // the same key is the same bytes (content address): nothing to read again
            }
        });
    }

    /**
     * Groups the new snapshot's catalog in the background (100,000 blobs take about a second),
     * then swaps the tree in on the FX thread.
     */
    @Override
    protected void onSnapshot(ClusterSnapshot snapshot) {
        CatalogVerifier.Report previous = session.catalogReportProperty().get();
        groupHandle.cancel();
        groupHandle = session.runner().run("Group catalog of " + session.name(), ctx -> {
            CatalogTree built = CatalogTree.build(snapshot.catalog(), snapshot.ledgerIfPresent());
            if (previous != null) {
                apply(built, previous);
            }
            return built;
        }, built -> {
            if (shown() == snapshot) {
                show(snapshot, built, previous);
            }
        }, e -> summary.set(Tagged.danger("Could not group the catalog: " + Failures.describe(e).oneLine())));
    }

    /**
     * Swaps the new tree in without disturbing the admin: the selected blob or group is selected
     * again by its id when it still exists (the content stays, no re-read), otherwise nothing is
     * selected and the content pane says it went; the ids of the open groups carry over for the
     * view to open them again.
     */
    private void show(ClusterSnapshot snapshot, CatalogTree built, CatalogVerifier.Report previous) {
        CatalogNode before = selected.get();
        CatalogNode again = before == null ? null : built.find(before.id()).orElse(null);
        if (again != null && again.isBlob() && again.integrity() == CatalogIntegrity.UNVERIFIED && before.integrity() != null
                && before.integrity() != CatalogIntegrity.UNVERIFIED) {
            if (sameBytes(before, again)) {
                again.setIntegrity(before.integrity()); // a verdict read for exactly these bytes on the previous tree
            } else {
                again.markChangedSinceVerified();
            }
        }
        if (expansionKnown) {
            expanded.retainAll(built.groups().keySet());
        }
        carryingOver = true;
        try {
            selected.set(again);
        } finally {
            carryingOver = false;
        }
        if (before != null && again == null) {
            String text = before.isBlob()
                    ? "The selected blob " + before.label() + " is no longer in the catalog: it was removed since the last read. Its key was " + before.id()
                    : "The selected group " + before.id() + " is no longer in the catalog.";
            gone.set(text);
            contentVerdict.set(Tagged.neutral(text));
        }
        tree.set(built);
        totals.set(Format.count(snapshot.catalog().count(CatalogEntry.Reference.LIVE)) + " live · "
                + Format.count(snapshot.catalog().count(CatalogEntry.Reference.ORPHAN)) + " orphan · "
                + Format.count(snapshot.catalog().count(CatalogEntry.Reference.MISSING)) + " missing · "
                + Format.bytes(snapshot.catalog().bytes()));
        summarize(previous, snapshot);
    }

    private static boolean sameBytes(CatalogNode a, CatalogNode b) {
        return a.entry().blob().isPresent() && b.entry().blob().isPresent()
                && CatalogWatch.sameBytes(a.entry().blob().get(), b.entry().blob().get());
    }

    /** Hashes every blob in the background; verdicts appear in the tree when it finishes. */
    public void verifyAll() {
        ClusterSnapshot s = shown();
        if (s == null || verifyProgress.isRunning()) {
            return;
        }
        verifyProgress.start("Verifying " + Format.count(s.catalog().entries().size()) + " catalog blobs…", ProgressModel.Unit.BYTES, null);
        TaskHandle h = session.runner().run("Verify catalog of " + session.name(),
                ctx -> CatalogVerifier.verify(session.store(), s.catalog(), ctx),
                report -> {
                    verifyProgress.finish();
                    session.setCatalogReport(report);
                    CatalogTree t = tree.get();
                    if (t != null) {
                        apply(t, report);
                        verdicts.set(verdicts.get() + 1);
                    }
                    summarize(report, shown());
                    loadContent(selected.get());
                },
                e -> {
                    verifyProgress.finish();
                    summary.set(Tagged.danger("Verification failed: " + Failures.describe(e).oneLine()));
                },
                verifyProgress::update);
        if (verifyProgress.isRunning()) {
            verifyProgress.attach(h);
        }
    }

    /** Applies each verdict to its key's node when the node lists the bytes it hashed; otherwise marks it changed. */
    private static void apply(CatalogTree t, CatalogVerifier.Report report) {
        for (CatalogVerifier.Result r : report.results()) {
            CatalogNode node = t.byKey().get(r.entry().key());
            if (node == null) {
                continue;
            }
            if (CatalogVerdicts.stillDescribes(r, node.entry())) {
                node.setIntegrity(r.integrity());
            } else {
                node.markChangedSinceVerified();
            }
        }
    }

    private void summarize(CatalogVerifier.Report all, ClusterSnapshot snapshot) {
        CatalogVerifier.Report report = CatalogVerdicts.current(all, snapshot);
        if (report == null) {
            summary.set(Tagged.neutral("Not verified yet"));
            return;
        }
        int changed = CatalogVerdicts.changedSince(all, snapshot).size();
        long verified = report.count(CatalogIntegrity.VERIFIED);
        long tampered = report.count(CatalogIntegrity.TAMPERED);
        long missing = report.count(CatalogIntegrity.MISSING);
        long unreadable = report.count(CatalogIntegrity.UNREADABLE);
        String text = Format.count(verified) + " verified · " + Format.count(tampered) + " tampered · " + Format.count(missing)
                + " missing · " + Format.count(unreadable) + " unreadable"
                + (changed > 0 ? " · " + Format.count(changed) + " changed since verified (verify again)" : "");
        summary.set(tampered + missing + unreadable > 0 ? Tagged.danger(text) : changed > 0 ? Tagged.warn(text) : Tagged.ok(text));
    }

    private void loadContent(CatalogNode node) {
        contentHandle.cancel();
        if (node == null || !node.isBlob()) {
            content.set("");
            contentVerdict.set(node == null ? null : Tagged.neutral(node.label() + ": " + Format.count(node.blobs())
                    + (node.blobs() == 1 ? " blob, " : " blobs, ") + Format.bytes(node.bytes())));
            return;
        }
        CatalogEntry entry = node.entry();
        if (entry.blob().isEmpty()) {
            content.set("");
            contentVerdict.set(Tagged.danger(node.isBundle()
                    ? "The ledger references bundle " + entry.digest() + " (" + node.reference().text() + "), but " + entry.key()
                            + " does not exist (deployment_bundle_missing): an outstanding deployment cannot be reconciled without it."
                    : "The ledger references " + entry.address() + " at this digest, but " + entry.key()
                            + " does not exist: serving refuses (catalog_payload_missing)."));
            return;
        }
        content.set("Loading…");
        contentVerdict.set(null);
        contentHandle = session.runner().run("Read " + entry.key(), ctx -> {
            boolean bundle = node.isBundle();
            Optional<StoredObject> o = session.store().read(entry.key(), bundle ? Bundles.MAX_BYTES : WireLimits.CATALOG_BLOB_MAX_BYTES);
            CatalogVerifier.Result verdict = CatalogVerifier.verifyOne(session.store(), entry);
            return new Loaded(o.map(x -> decode(x.bytes())).orElse(""), verdict);
        }, loaded -> {
            content.set(loaded.text());
            node.setIntegrity(loaded.verdict().integrity());
            session.setCatalogReport(CatalogVerdicts.with(session.catalogReportProperty().get(), loaded.verdict()));
            verdicts.set(verdicts.get() + 1);
            summarize(session.catalogReportProperty().get(), shown());
            Tagged tag = CatalogNode.integrityTag(loaded.verdict().integrity());
            contentVerdict.set(new Tagged(tag.text() + (loaded.verdict().detail().isEmpty() ? ": SHA-256 of the bytes equals the digest "
                    + "in the file name" : ": " + loaded.verdict().detail()), tag.severity()));
        }, e -> {
            content.set("");
            contentVerdict.set(Tagged.danger(Failures.describe(e).oneLine()));
        });
    }

    private record Loaded(String text, CatalogVerifier.Result verdict) {}

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return "(" + Format.bytes(bytes.length) + " of bytes that are not UTF-8 text)";
        }
    }

    /** Notes that the admin opened or closed a group (the view reports it; kept across refreshes). */
    public void setExpanded(CatalogNode node, boolean open) {
        if (node == null || node.isBlob()) {
            return;
        }
        expansionKnown = true;
        if (open) {
            expanded.add(node.id());
        } else {
            expanded.remove(node.id());
        }
    }

    /** Whether a tree was shown before, so its open groups (possibly none) say what to open. */
    public boolean hasExpansion() {
        return expansionKnown;
    }

    public boolean isExpanded(CatalogNode node) {
        return node != null && expanded.contains(node.id());
    }

    /** Ids of the open groups. */
    public Set<String> expandedIds() {
        return java.util.Collections.unmodifiableSet(expanded);
    }

    /** Empty, or the sentence saying the selected blob or group disappeared in the last refresh. */
    public ReadOnlyStringProperty goneProperty() {
        return gone;
    }

    public ReadOnlyObjectProperty<CatalogTree> treeProperty() {
        return tree;
    }

    public ObjectProperty<CatalogNode> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty contentProperty() {
        return content;
    }

    public ReadOnlyObjectProperty<Tagged> contentVerdictProperty() {
        return contentVerdict;
    }

    public ReadOnlyObjectProperty<Tagged> summaryProperty() {
        return summary;
    }

    public ReadOnlyStringProperty totalsProperty() {
        return totals;
    }

    /** Moves whenever blob verdicts change, so the view redraws the visible rows (nodes hold plain fields). */
    public javafx.beans.property.ReadOnlyIntegerProperty verdictsProperty() {
        return verdicts;
    }

    public ProgressModel verifyProgress() {
        return verifyProgress;
    }
}
