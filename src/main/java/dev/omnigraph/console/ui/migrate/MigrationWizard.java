package dev.omnigraph.console.ui.migrate;

import dev.omnigraph.console.migrate.MigrationHome;
import dev.omnigraph.console.ui.common.DialogService;
import dev.omnigraph.console.ui.common.FxDialogService;
import dev.omnigraph.console.ui.common.Ui;
import dev.omnigraph.console.ui.common.Windows;
import dev.omnigraph.console.ui.session.ClusterSession;
import dev.omnigraph.console.ui.session.ViewContext;
import dev.omnigraph.console.ui.task.TaskRunner;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The storage-migration wizard: a non-modal window owned by the console window (the rest of the
 * console stays usable during a long copy), one page per phase, Back / Next / Cancel at the bottom.
 * The logic is in {@link WizardViewModel}; this class lays the pages out and asks before a close
 * would interrupt a copy. One wizard per open cluster: opening it again brings it to the front.
 */
public final class MigrationWizard {
    private static final Map<ClusterSession, MigrationWizard> OPEN = new WeakHashMap<>();

    private final WizardViewModel vm;
    private final DialogService dialogs;
    /** Finish's "Open destination": opens the new root in a tab (set by {@link #open}; tests may set it). */
    Runnable openDestination = () -> {};
    private final Stage stage = new Stage();
    private final Map<WizardPage, Node> pages = new EnumMap<>(WizardPage.class);
    private final BorderPane content = new BorderPane();
    private final VBox steps = new VBox(2);
    private final Label heading = Ui.title("");
    private final Label purpose = Ui.muted("");

    /** The cluster action: opens (or brings to the front) the wizard of the context's cluster. */
    public static void open(ViewContext ctx) {
        ClusterSession session = ctx.session();
        MigrationWizard existing = OPEN.get(session);
        if (existing != null && existing.stage.isShowing()) {
            existing.stage.toFront();
            return;
        }
        WizardViewModel vm = new WizardViewModel(session.location(), session.spec().s3(), session.runner(), MigrationHome.fromSystem(),
                Path.of(System.getProperty("user.dir")).toAbsolutePath(), Platform::runLater);
        MigrationWizard w = new MigrationWizard(vm, ctx.owner().get(), LocalS3Endpoint.shared(), session.runner(), ctx.dialogs());
        w.openDestination = () -> vm.checkedDestination().ifPresent(d -> ctx.shell().open(DestinationTab.spec(vm.cluster(), d,
                session.spec().s3())));
        vm.cutoverProperty().addListener((o, a, r) -> {
            if (r != null && r.authoritative()) {
                vm.checkedDestination().ifPresent(d -> ctx.shell().moved(session, d.display()));
            }
        });
        OPEN.put(session, w);
        w.stage.show();
    }

    /** @param dialogs asks before a close interrupts work (null: the wizard's own window owns the question) */
    public MigrationWizard(WizardViewModel vm, Window owner, LocalS3Endpoint local, TaskRunner runner, DialogService dialogs) {
        this.vm = vm;
        this.dialogs = dialogs != null ? dialogs : new FxDialogService(() -> stage);
        stage.initOwner(owner);
        stage.setTitle("Migrate storage: " + vm.cluster().name());
        Windows.copyIcons(owner, stage);

        pages.put(WizardPage.DESTINATION, new DestinationPage(vm, local, runner, () -> stage));
        pages.put(WizardPage.PREFLIGHT, new PreflightPage(vm));
        pages.put(WizardPage.PLAN, new PlanPage(vm));
        pages.put(WizardPage.COPY, new CopyPage(vm));
        pages.put(WizardPage.VERIFY, new VerifyPage(vm));
        pages.put(WizardPage.CUTOVER, new CutoverPage(vm));
        pages.put(WizardPage.FINISH, new FinishPage(vm, () -> openDestination.run()));

        fillSteps();
        VBox header = new VBox(4, heading, purpose);
        header.setPadding(new Insets(16, 20, 8, 20));
        content.setTop(header);
        BorderPane root = new BorderPane(content, null, null, footer(), steps);
        root.setId("migration-wizard");
        root.setUserData(this); // tests and the screenshot generator find the wizard from its window
        stage.setScene(Windows.styledScene(owner, root, 980, 720));

        vm.pageProperty().addListener((o, a, b) -> show(b));
        show(vm.page());
        closeWithTheViewModel();
    }

    /** The list of steps on the left (the current one and those done are styled by {@link #show}). */
    private void fillSteps() {
        steps.getStyleClass().add("wizard-steps");
        steps.setPrefWidth(170);
        steps.getChildren().add(Ui.section("MIGRATE STORAGE"));
        for (WizardPage p : WizardPage.values()) {
            Label l = new Label((p.ordinal() + 1) + "  " + p.title());
            l.getStyleClass().add("wizard-step");
            l.setMaxWidth(Double.MAX_VALUE);
            steps.getChildren().add(l);
        }
    }

    /** The problem banner, then why Next is disabled beside Back / Next / Cancel. */
    private VBox footer() {
        Label problem = new Label();
        problem.setId("migrate-problem");
        problem.setWrapText(true);
        problem.setMaxWidth(Double.MAX_VALUE);
        problem.textProperty().bind(vm.problemProperty());
        problem.getStyleClass().addAll("banner", "status-danger");
        problem.visibleProperty().bind(vm.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        Label blocked = Ui.muted("");
        blocked.setId("migrate-blocked");
        blocked.textProperty().bind(vm.blockedReasonProperty());
        blocked.setMaxWidth(Double.MAX_VALUE);
        blocked.setMinWidth(0);
        blocked.setWrapText(true);
        HBox.setHgrow(blocked, Priority.ALWAYS);
        HBox buttons = new HBox(8, blocked);
        buttons.getChildren().addAll(navigation());
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox footer = new VBox(8, problem, buttons);
        footer.getStyleClass().add("wizard-footer");
        footer.setPadding(new Insets(10, 16, 12, 16));
        return footer;
    }

    private List<Button> navigation() {
        Button back = new Button("< _Back");
        back.setId("migrate-back");
        back.disableProperty().bind(vm.canBackProperty().not());
        back.setOnAction(e -> vm.back());
        Button next = new Button();
        next.setId("migrate-next");
        next.textProperty().bind(vm.nextLabelProperty());
        next.disableProperty().bind(vm.canNextProperty().not());
        next.setOnAction(e -> vm.next());
        next.setAccessibleText("Next page");
        Button cancel = new Button("Cancel");
        cancel.setId("migrate-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> vm.requestClose(dialogs));
        cancel.setAccessibleText("Cancel the migration and release the source lock");
        cancel.visibleProperty().bind(vm.pageProperty().isNotEqualTo(WizardPage.FINISH)); // Finish's own button closes
        cancel.managedProperty().bind(cancel.visibleProperty());
        List<Button> all = List.of(back, next, cancel);
        // the buttons keep their width; the reason line wraps beside them instead of squeezing them into "…"
        all.forEach(b -> b.setMinWidth(Region.USE_PREF_SIZE));
        // cutover is the step that changes which root is authoritative: its button looks like it
        vm.pageProperty().addListener((o, a, p) -> styleNext(next, p));
        styleNext(next, vm.page());
        return all;
    }

    /** The window closes when the wizard is done, asks before a close interrupts work, and closes the wizard when hidden. */
    private void closeWithTheViewModel() {
        vm.closedProperty().addListener((o, a, b) -> {
            if (b) {
                stage.hide();
            }
        });
        stage.setOnHidden(e -> vm.close()); // also when the console window closes and takes its owned windows along
        stage.setOnCloseRequest(e -> {
            if (!vm.requestClose(dialogs)) {
                e.consume();
            }
        });
    }

    private static void styleNext(Button next, WizardPage page) {
        next.getStyleClass().removeAll("accent", "danger");
        next.getStyleClass().add(page == WizardPage.CUTOVER ? "danger" : "accent");
    }

    public Stage stage() {
        return stage;
    }

    public WizardViewModel viewModel() {
        return vm;
    }

    private void show(WizardPage page) {
        heading.setText(page.stepTitle());
        purpose.setText(page.phase().purpose().substring(0, 1).toUpperCase() + page.phase().purpose().substring(1) + ".");
        ScrollPane scroll = new ScrollPane(pages.get(page));
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("page");
        ((Region) pages.get(page)).setPadding(new Insets(8, 20, 16, 20));
        content.setCenter(scroll);
        for (int i = 0; i < WizardPage.values().length; i++) {
            Label l = (Label) steps.getChildren().get(i + 1);
            l.getStyleClass().removeAll("wizard-step-current", "wizard-step-done");
            if (i == page.ordinal()) {
                l.getStyleClass().add("wizard-step-current");
            } else if (i < page.ordinal()) {
                l.getStyleClass().add("wizard-step-done");
            }
        }
    }

}
