package dev.omnigraph.console.ui.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.demo.DemoOptions;
import dev.omnigraph.console.prefs.Theme;
import dev.omnigraph.console.storage.FileObjectStore;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.ui.FxHarness;
import dev.omnigraph.console.ui.Sessions;
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

    @Start
    void start(Stage stage) {
        harness = new FxHarness(temp.resolve("home"));
        harness.show(stage, S3Settings.fromEnvironment(Map.of()), Theme.LIGHT, PollScheduler.MANUAL, 1200, 760);
    }

    private static TreeItem<CatalogNode> child(TreeItem<CatalogNode> parent, String label) {
        return parent.getChildren().stream().filter(c -> c.getValue().label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void aRefreshKeepsOpenGroupsAndTheSelectedBlob() throws Exception {
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
    }
}
