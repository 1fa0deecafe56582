package dev.omnigraph.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.cluster.CatalogIntegrity;
import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.cluster.ClusterReader;
import dev.omnigraph.console.cluster.LockService;
import dev.omnigraph.console.cluster.LockState;
import dev.omnigraph.console.prefs.Theme;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.PutResult;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.storage.StoredObject;
import dev.omnigraph.console.storage.WriteCondition;
import dev.omnigraph.console.ui.catalog.CatalogView;
import dev.omnigraph.console.ui.session.ClusterSession;
import dev.omnigraph.console.ui.session.ConnectionSpec;
import dev.omnigraph.console.ui.session.PollScheduler;
import dev.omnigraph.console.ui.shell.ClusterWorkspace;
import java.nio.file.Path;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Drives the real console window against one demo cluster (small, with a held lock) per backend:
 * connect through the form, browse every page, detect a tampered blob with "Verify all", and
 * force-unlock with the right id (removed) and against a lock re-acquired under another id
 * (refused, lock intact). Subclasses give the store and how the form reaches it.
 */
abstract class ConsoleWindowFxContract {
    protected FxHarness harness;

    /** The shared demo cluster of the subclass. */
    abstract ObjectStore store();

    /** Settings that reach it (session-only keys for S3). */
    abstract S3Settings settings();

    /** Where the harness keeps its home (a temp folder of the subclass). */
    abstract Path home();

    /** Fills the connect form for this backend (beyond the root field). */
    abstract void fillConnectionSettings(FxRobot robot);

    /** Subclasses call this from their {@code @Start} method (TestFX looks only at the test class's own methods). */
    void startWindow(Stage stage) {
        harness = new FxHarness(home());
        harness.show(stage, S3Settings.fromEnvironment(Map.of()), Theme.LIGHT, PollScheduler.MANUAL, 1280, 800);
    }

    @AfterEach
    void closeClusters() {
        FxHarness.runFx(() -> harness.window.shell().closeAll());
    }

    private String name() {
        return ClusterLocation.defaultName(store().uri());
    }

    private ClusterSession openDirectly() {
        FxHarness.runFx(() -> harness.window.shell().open(new ConnectionSpec(ClusterLocation.ofRoot(store().uri()), settings())));
        return harness.awaitCluster(name(), 30);
    }

    /** Clicks a page in the navigation (the visible cell: list views keep an invisible sizing cell too). */
    private void nav(FxRobot robot, String page) {
        FxHarness.waitFor("navigation entry " + page, 10,
                () -> robot.lookup("#nav-" + page).match(ConsoleWindowFxContract::showing).tryQuery().isPresent());
        Node cell = robot.lookup("#nav-" + page).match(ConsoleWindowFxContract::showing).query();
        robot.clickOn(cell);
        FxHarness.waitFor("page " + page, 10, () -> page.equals(harness.window.activeWorkspace().currentViewId()));
    }

    /** Moves to the next page with the keyboard (Down in the focused navigation list). */
    private void key(FxRobot robot, String page) {
        FxHarness.runFx(() -> lookupNav(robot).requestFocus());
        robot.type(javafx.scene.input.KeyCode.DOWN);
        FxHarness.waitFor("page " + page + " by keyboard", 10, () -> page.equals(harness.window.activeWorkspace().currentViewId()));
    }

    private Node lookupNav(FxRobot robot) {
        return robot.lookup(".nav").match(ConsoleWindowFxContract::showing).query();
    }

    private static boolean showing(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    private <T extends Node> T lookup(FxRobot robot, String query) {
        return robot.lookup(query).query();
    }

    private void ensureLockHeld() throws Exception {
        if (ClusterReader.readLock(store()) instanceof LockState.Free) {
            new LockService(store(), false).acquire("apply");
        }
    }

    @Test
    void connectsThroughTheFormAndBrowsesEveryPage(FxRobot robot) throws Exception {
        ensureLockHeld();
        robot.clickOn("#connect-root").write(store().uri().display(), 0);
        fillConnectionSettings(robot);
        robot.clickOn("#connect-open");
        ClusterSession session = harness.awaitCluster(name(), 30);
        assertThat(harness.window.services().preferences().get().recentRoots()).contains(store().uri().display());

        nav(robot, "overview");
        FxHarness.waitFor("overview rendered", 10, () -> robot.lookup("#overview-lock-badge").tryQuery().isPresent());
        assertThat(((Label) lookup(robot, "#overview-lock-badge")).getText()).startsWith("Held by apply");

        key(robot, "ledger");
        TableView<?> ledger = lookup(robot, "#ledger-resources");
        assertThat(ledger.getItems()).hasSize(session.snapshot().ledgerIfPresent().orElseThrow().resources().size()
                + (int) session.snapshot().ledgerIfPresent().orElseThrow().resourceStatuses().keySet().stream()
                .filter(a -> !session.snapshot().ledgerIfPresent().orElseThrow().resources().containsKey(a)).count());
        robot.clickOn("#ledger-tab-raw-state-json");
        robot.clickOn("#ledger-tab-resources");

        key(robot, "catalog");
        FxHarness.waitFor("catalog tree", 10, () -> ((TreeTableView<?>) lookup(robot, "#catalog-tree")).getRoot() != null);

        key(robot, "approvals");
        assertThat(((TableView<?>) lookup(robot, "#approvals-table")).getItems()).hasSize(session.snapshot().approvals().size()).isNotEmpty();
        key(robot, "recoveries");
        assertThat(((TableView<?>) lookup(robot, "#recoveries-table")).getItems()).hasSize(1);
        key(robot, "graphs");
        assertThat(((TableView<?>) lookup(robot, "#graphs-table")).getItems()).hasSize(session.snapshot().graphs().size()).isNotEmpty();
        key(robot, "lock");
        assertThat(((Label) lookup(robot, "#lock-badge")).getText()).startsWith("Held by apply");
        assertThat(FxHarness.onFx(() -> harness.window.activeWorkspace().currentViewId())).isEqualTo("lock");
        assertThat(session.isActive()).as("the visible cluster polls").isTrue();

        robot.clickOn("#tab-connect");
        assertThat(session.isActive()).as("a hidden cluster stops polling").isFalse();
    }

    @Test
    void verifyAllFlagsATamperedBlob(FxRobot robot) throws Exception {
        ClusterSession session = openDirectly();
        String victim = session.snapshot().catalog().entries().stream().filter(e -> e.key().endsWith(".gq") && e.blob().isPresent())
                .map(e -> e.key()).sorted().findFirst().orElseThrow();
        StoredObject original = store().read(victim, 1 << 20).orElseThrow();
        Sessions.tamper(store(), victim);
        try {
            nav(robot, "catalog");
            robot.clickOn("#catalog-verify-all");
            FxHarness.waitFor("verification finished", 30, () -> ((Label) lookup(robot, "#catalog-summary")).getText().contains("tampered"));
            assertThat(((Label) lookup(robot, "#catalog-summary")).getText()).contains("1 tampered");
            CatalogView catalog = (CatalogView) FxHarness.onFx(() -> harness.window.activeWorkspace().view("catalog"));
            assertThat(catalog.viewModel().treeProperty().get().byKey().get(victim).integrity()).isEqualTo(CatalogIntegrity.TAMPERED);
            assertThat(FxHarness.onFx(() -> catalog.reveal(victim))).isTrue();
            FxHarness.waitFor("the content viewer's verdict", 15, () -> catalog.viewModel().contentVerdictProperty().get() != null
                    && catalog.viewModel().contentVerdictProperty().get().text().startsWith("TAMPERED"));
            FxHarness.waitFor("a TAMPERED badge on screen", 10, () -> robot.lookup(".badge").queryAllAs(Label.class).stream()
                    .anyMatch(l -> l.getText().equals("TAMPERED")));
        } finally {
            StoredObject now = store().read(victim, 1 << 20).orElseThrow();
            PutResult r = store().put(victim, original.bytes(), WriteCondition.ifMatch(now.token()));
            assertThat(r).isInstanceOf(PutResult.Written.class);
        }
    }

    @Test
    void forceUnlockWithTheRightIdRemovesTheLock(FxRobot robot) throws Exception {
        ensureLockHeld();
        String id = ((LockState.Held) ClusterReader.readLock(store())).lock().lockId();
        openDirectly();
        nav(robot, "lock");
        robot.clickOn("#lock-force-unlock");
        FxHarness.waitFor("dialog", 10, () -> robot.lookup("#force-unlock-input").tryQuery().isPresent());
        Button confirm = lookup(robot, "#force-unlock-confirm");
        assertThat(confirm.isDisabled()).isTrue();
        robot.clickOn("#force-unlock-input").write(id, 0);
        assertThat(confirm.isDisabled()).isFalse();
        robot.clickOn("#force-unlock-confirm");
        FxHarness.waitFor("outcome", 30, () -> ((Label) lookup(robot, "#force-unlock-outcome")).getText().startsWith("Removed lock"));
        assertThat(ClusterReader.readLock(store())).isInstanceOf(LockState.Free.class);
        robot.clickOn("#force-unlock-close");
        FxHarness.waitFor("lock page shows it free", 15, () -> ((Label) lookup(robot, "#lock-badge")).getText().equals("Lock free"));
    }

    @Test
    void forceUnlockAgainstAReacquiredLockIsRefused(FxRobot robot) throws Exception {
        ensureLockHeld();
        String seen = ((LockState.Held) ClusterReader.readLock(store())).lock().lockId();
        ClusterSession session = openDirectly();
        nav(robot, "lock");
        robot.clickOn("#lock-force-unlock");
        FxHarness.waitFor("dialog", 10, () -> robot.lookup("#force-unlock-input").tryQuery().isPresent());
        Button confirm = lookup(robot, "#force-unlock-confirm");
        // one character off (a ULID may already end in Z: then Y)
        String wrong = seen.substring(0, seen.length() - 1) + (seen.endsWith("Z") ? "Y" : "Z");
        robot.clickOn("#force-unlock-input").write(wrong, 0);
        assertThat(confirm.isDisabled()).as("a wrong id never enables removal").isTrue();
        FxHarness.runFx(() -> ((javafx.scene.control.TextField) lookup(robot, "#force-unlock-input")).setText(seen));
        assertThat(confirm.isDisabled()).isFalse();

        // meanwhile the crashed apply's lock was cleared and a new command took the lock
        LockService locks = new LockService(store(), false);
        locks.forceUnlock(seen);
        String other = ((LockService.Acquired.Ours) locks.acquire("refresh")).lock().lockId();
        FxHarness.runFx(session::pollOnce);
        FxHarness.waitFor("live change shown", 10, () -> ((Label) lookup(robot, "#live-change")).getText().contains("lock replaced"));

        robot.clickOn("#force-unlock-confirm");
        FxHarness.waitFor("outcome", 30, () -> !((Label) lookup(robot, "#force-unlock-outcome")).getText().isEmpty());
        assertThat(((Label) lookup(robot, "#force-unlock-outcome")).getText()).contains("nothing was deleted");
        LockState now = ClusterReader.readLock(store());
        assertThat(now).isInstanceOf(LockState.Held.class);
        assertThat(((LockState.Held) now).lock().lockId()).isEqualTo(other);
        assertThat(store().stat(ClusterLayout.LOCK)).isPresent();
        robot.clickOn("#force-unlock-close");
    }

}
