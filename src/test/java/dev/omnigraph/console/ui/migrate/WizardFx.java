package dev.omnigraph.console.ui.migrate;

import dev.omnigraph.console.ui.FxHarness;
import dev.omnigraph.console.ui.session.ClusterSession;
import dev.omnigraph.console.ui.shell.ClusterActions;
import javafx.scene.Node;
import javafx.stage.Window;
import org.testfx.api.FxRobot;

/** Opens the wizard the way the admin does (the cluster action) and finds it on screen. */
final class WizardFx {
    private WizardFx() {}

    static MigrationWizard openFromAction(FxHarness harness, ClusterSession session) {
        var workspace = harness.select(session);
        FxHarness.runFx(() -> ClusterActions.all().stream().filter(a -> a.id().equals("migrate")).findFirst().orElseThrow().run()
                .accept(workspace.context()));
        FxHarness.waitFor("the migration wizard", 10, () -> find() != null);
        return FxHarness.onFx(WizardFx::find);
    }

    static MigrationWizard find() {
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w.getScene() != null && w.getScene().getRoot().getUserData() instanceof MigrationWizard m) {
                return m;
            }
        }
        return null;
    }

    /** The node with this id inside the wizard's window. */
    static Node node(FxRobot robot, MigrationWizard wizard, String id) {
        // a page's controls are attached once its page is shown: wait for the node, not for time
        FxHarness.waitFor(id + " shown", 20, () -> robot.from(wizard.stage().getScene().getRoot()).lookup(id).tryQuery().isPresent());
        return robot.from(wizard.stage().getScene().getRoot()).lookup(id).query();
    }

    static void click(FxRobot robot, MigrationWizard wizard, String id) {
        Node n = node(robot, wizard, id);
        FxHarness.waitFor(id + " enabled", 20, () -> !n.isDisabled());
        robot.clickOn(n);
    }

    /** Clicks a node of another window once it is enabled. */
    static void clickIn(FxRobot robot, javafx.stage.Stage stage, String id) {
        Node n = robot.from(stage.getScene().getRoot()).lookup(id).query();
        FxHarness.waitFor(id + " enabled", 20, () -> !n.isDisabled());
        robot.clickOn(n);
    }

    /** Sets a text field's content on the FX thread (a paste), after focusing it. */
    static void paste(FxRobot robot, MigrationWizard wizard, String id, String text) {
        javafx.scene.control.TextInputControl field = (javafx.scene.control.TextInputControl) node(robot, wizard, id);
        FxHarness.runFx(() -> {
            field.requestFocus();
            field.setText(text);
        });
    }

    static void write(FxRobot robot, MigrationWizard wizard, String id, String text) {
        robot.clickOn(node(robot, wizard, id)).write(text, 0);
    }
}
