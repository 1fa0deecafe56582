package dev.omnigraph.console.ui.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.cluster.CatalogEntry;
import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.demo.DemoOptions;
import dev.omnigraph.console.prefs.Theme;
import dev.omnigraph.console.storage.FileObjectStore;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.ui.FxHarness;
import dev.omnigraph.console.ui.Sessions;
import dev.omnigraph.console.ui.ledger.LedgerView;
import dev.omnigraph.console.ui.ledger.ResourceRow;
import javafx.scene.control.TableView;
import dev.omnigraph.console.ui.session.ClusterSession;
import dev.omnigraph.console.ui.session.ConnectionSpec;
import dev.omnigraph.console.ui.session.PollScheduler;
import dev.omnigraph.console.ui.shell.ClusterWorkspace;
import java.nio.file.Path;
import java.util.Map;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Live refresh on the Catalog page of the real window: the admin closes one graph, opens another
 * and selects a blob; a writer then moves the ledger (If-Match put of state.json), the poll notices
 * and the snapshot is re-read. The new tree keeps the admin's open and closed groups and the
 * selected blob, and its content stays on screen.
 */
@ExtendWith(ApplicationExtension.class)
class CatalogRefreshFxTest {
    @TempDir
    static Path temp;

    private FxHarness harness;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        harness = new FxHarness(temp.resolve("home"));
        harness.show(stage, S3Settings.fromEnvironment(Map.of()), Theme.LIGHT, PollScheduler.MANUAL, 1200, 760);
    }

    private static TreeItem<CatalogNode> child(TreeItem<CatalogNode> parent, String label) {
        return parent.getChildren().stream().filter(c -> c.getValue().label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void aRefreshKeepsOpenGroupsAndTheSelectedBlob() throws Exception {
        long started = System.nanoTime();
        Path root = temp.resolve("demo");
        ObjectStore store = Sessions.demo(new FileObjectStore(new StoreUri.Local(root)), DemoOptions.small());
        FxHarness.runFx(() -> harness.window.shell().open(new ConnectionSpec(ClusterLocation.ofRoot(new StoreUri.Local(root)),
                S3Settings.fromEnvironment(Map.of()))));
        ClusterSession session = harness.awaitCluster("demo", 60);
        ClusterWorkspace w = harness.select(session);
        FxHarness.runFx(() -> w.show("catalog"));
        CatalogView view = (CatalogView) FxHarness.onFx(() -> w.view("catalog"));
        FxHarness.waitFor("catalog grouped", 60, () -> view.tree.getRoot() != null);
        CatalogTree first = view.viewModel().treeProperty().get();
        long opened = System.nanoTime();

        // the admin closes "support", closes and re-opens "knowledge", and selects a blob in find_person
        String key = FxHarness.onFx(() -> {
            TreeItem<CatalogNode> queries = child(view.tree.getRoot(), "Queries");
            child(queries, "support").setExpanded(false);
            TreeItem<CatalogNode> knowledge = child(queries, "knowledge");
            knowledge.setExpanded(false);
            knowledge.setExpanded(true);
            TreeItem<CatalogNode> findPerson = child(knowledge, "find_person");
            findPerson.setExpanded(true);
            TreeItem<CatalogNode> blob = findPerson.getChildren().getLast();
            view.tree.getSelectionModel().select(blob);
            return blob.getValue().id();
        });
        FxHarness.waitFor("content shown", 30, () -> view.viewModel().contentProperty().get().startsWith("query "));
        String content = FxHarness.onFx(() -> view.viewModel().contentProperty().get());

        Sessions.bumpLedger(store); // a writer moves the ledger: If-Match put of a new state.json
        FxHarness.runFx(session::pollOnce);
        FxHarness.waitFor("re-read and regrouped", 60, () -> view.viewModel().treeProperty().get() != first
                && view.tree.getRoot() != null && view.tree.getRoot().getValue() == view.viewModel().treeProperty().get().root());
        assertThat(FxHarness.onFx(() -> session.changes().getFirst().text())).as("the poll saw the ledger move").isNotEmpty();

        FxHarness.onFx(() -> {
            TreeItem<CatalogNode> queries = child(view.tree.getRoot(), "Queries");
            assertThat(child(queries, "knowledge").isExpanded()).as("the group the admin opened").isTrue();
            assertThat(child(child(queries, "knowledge"), "find_person").isExpanded()).isTrue();
            assertThat(child(queries, "support").isExpanded()).as("the group the admin closed stays closed").isFalse();
            TreeItem<CatalogNode> selected = view.tree.getSelectionModel().getSelectedItem();
            assertThat(selected).as("the blob stays selected").isNotNull();
            assertThat(selected.getValue().id()).isEqualTo(key);
            assertThat(selected.getValue()).as("as a node of the new tree").isSameAs(view.viewModel().treeProperty().get().byKey().get(key));
            assertThat(view.viewModel().selectedProperty().get()).isSameAs(selected.getValue());
            return null;
        });
        assertThat(FxHarness.onFx(() -> view.viewModel().contentProperty().get())).isEqualTo(content);
        assertThat(FxHarness.onFx(() -> view.viewModel().goneProperty().get())).isEmpty();

        // a blob that went (catalog GC removed an orphan; re-read by hand: the poll watches ledger and lock only):
        // nothing is selected, and the content pane says so
        String orphan = FxHarness.onFx(() -> view.viewModel().treeProperty().get().byKey().values().stream()
                .filter(n -> n.entry().reference() == CatalogEntry.Reference.ORPHAN).findFirst().orElseThrow().id());
        assertThat(FxHarness.onFx(() -> view.reveal(orphan))).isTrue();
        store.deleteUnconditionally(orphan);
        FxHarness.runFx(session::refresh);
        FxHarness.waitFor("the orphan went", 30, () -> !view.viewModel().goneProperty().get().isEmpty());
        assertThat(FxHarness.onFx(() -> view.tree.getSelectionModel().getSelectedItem())).isNull();
        assertThat(FxHarness.onFx(() -> view.viewModel().contentVerdictProperty().get().text())).contains(orphan)
                .contains("is no longer in the catalog");
        FxHarness.screenshot(stage, Path.of(System.getProperty("screenshots.dir", "target/screenshots"))
                .resolve("light-catalog-blob-gone.png"));
        long refreshed = System.nanoTime();

        // the same on the Ledger page's table: the selected resource stays selected in the table itself
        FxHarness.runFx(() -> w.show("ledger"));
        LedgerView ledger = (LedgerView) FxHarness.onFx(() -> w.view("ledger"));
        @SuppressWarnings("unchecked")
        TableView<ResourceRow> table = (TableView<ResourceRow>) FxHarness.onFx(() -> ledger.node().lookup("#ledger-resources"));
        FxHarness.waitFor("ledger rows", 30, () -> !table.getItems().isEmpty());
        FxHarness.runFx(() -> table.getSelectionModel().select(table.getItems().getLast()));
        String address = FxHarness.onFx(() -> ledger.viewModel().selectedProperty().get().address());
        String facts = FxHarness.onFx(() -> ledger.viewModel().factsProperty().get());
        Sessions.bumpLedger(store);
        FxHarness.runFx(session::pollOnce);
        FxHarness.waitFor("ledger re-read", 30, () -> !ledger.viewModel().factsProperty().get().equals(facts));
        assertThat(FxHarness.onFx(() -> table.getSelectionModel().getSelectedItem().address())).isEqualTo(address);
        assertThat(FxHarness.onFx(() -> ledger.viewModel().selectedProperty().get())).isSameAs(FxHarness.onFx(() ->
                table.getSelectionModel().getSelectedItem()));
        System.out.printf("CatalogRefreshFxTest: open+group %.1f s, catalog refreshes %.1f s, ledger refresh %.1f s (load average %.1f)%n",
                (opened - started) / 1e9, (refreshed - opened) / 1e9, (System.nanoTime() - refreshed) / 1e9,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
