package dev.omnigraph.console.ui.doctor;

import dev.omnigraph.console.cluster.doctor.BootVerdict;
import dev.omnigraph.console.cluster.doctor.DoctorReport;
import dev.omnigraph.console.cluster.doctor.QuarantinedGraph;
import dev.omnigraph.console.ui.common.ProgressStrip;
import dev.omnigraph.console.ui.common.Tagged;
import dev.omnigraph.console.ui.common.Ui;
import dev.omnigraph.console.ui.common.UserMessage;
import dev.omnigraph.console.ui.common.ClusterView;
import dev.omnigraph.console.ui.session.ViewContext;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;

/**
 * The Doctor page: would {@code omnigraph-server --cluster <root>} boot? The verdict, the graphs it
 * would quarantine, every finding with severity, code, what and remedy, and what cannot be judged
 * from storage. A Rerun button reads the cluster afresh.
 */
public final class DoctorView implements ClusterView {
    private final DoctorViewModel model;
    private final VBox content = new VBox(14);
    private final ScrollPane root = new ScrollPane(content);
    private final Label verdict = new Label();
    private final Label summary = new Label();
    private final Label failure = new Label();
    private final VBox quarantine = new VBox(6);
    private final VBox notChecked = new VBox(4);
    private final Label detail = new Label();
    private final Button rerun = new Button("Rerun");
    private final TableView<FindingRow> table = new TableView<>();

    public DoctorView(ViewContext context) {
        this.model = new DoctorViewModel(context.session());
        root.setFitToWidth(true);
        root.getStyleClass().add("page");
        root.setId("doctor-page");
        content.setPadding(new Insets(16, 20, 20, 20));

        verdict.setId("doctor-verdict");
        verdict.getStyleClass().add("verdict");
        summary.setId("doctor-summary");
        summary.setWrapText(true);
        failure.setId("doctor-failure");
        failure.getStyleClass().addAll("banner", "status-danger");
        failure.setWrapText(true);
        failure.setMaxWidth(Double.MAX_VALUE);
        failure.managedProperty().bind(failure.visibleProperty());
        failure.setVisible(false);
        rerun.setId("doctor-rerun");
        rerun.setAccessibleText("Read the cluster again and replay the server's boot checks");
        rerun.setOnAction(e -> model.rerun());
        rerun.disableProperty().bind(model.progress().runningProperty());

        table.setId("doctor-findings");
        table.setAccessibleText("Doctor findings");
        table.setItems(model.findings());
        table.getColumns().setAll(List.of(Ui.badgeColumn("Severity", FindingRow::severity, 170),
                Ui.monoColumn("Code", FindingRow::code, 300),
                Ui.textColumn("Stage", FindingRow::stage, 170),
                Ui.textColumn("What", FindingRow::what, 420),
                Ui.textColumn("Remedy", FindingRow::remedy, 420)));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(Ui.placeholder("No findings: nothing in the stored state would stop the server."));
        table.setFixedCellSize(30);
        sizeTable();
        model.findings().addListener((javafx.collections.ListChangeListener<FindingRow>) c -> sizeTable());
        detail.setWrapText(true);
        detail.setId("doctor-finding-detail");
        dev.omnigraph.console.ui.common.TableKeeper.bind(table, model.selectedFindingProperty());
        detail.textProperty().bind(model.detailProperty());
        detail.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        content.getChildren().addAll(
                Ui.row(12, Ui.title("Serving doctor"), verdict, Ui.spacer(), rerun),
                Ui.muted("Replays the boot checks of omnigraph-server --cluster " + context.session().location().root().display()
                        + " on the stored state: recovery sidecars, ledger, embedding providers, catalog payloads (hashed), "
                        + "policy bindings and scopes, graph roots."),
                new ProgressStrip(model.progress(), "the doctor"), failure, summary,
                generationCard(),
                Ui.card("Quarantined graphs", quarantine),
                Ui.card("Findings", table, detail),
                Ui.card("Not checked from storage (the server also checks these at boot)", notChecked));
        model.reportProperty().addListener((o, a, b) -> render(b));
        model.verdictProperty().addListener((o, a, b) -> Ui.styleBadge(verdict, b));
        Ui.styleBadge(verdict, model.verdictProperty().get());
        verdict.getStyleClass().add("verdict");
        model.failureProperty().addListener((o, a, b) -> showFailure(b));
        render(null);
    }

    private void render(DoctorReport r) {
        quarantine.getChildren().clear();
        notChecked.getChildren().clear();
        if (r == null) {
            summary.setText("Examining the cluster…");
            quarantine.getChildren().add(Ui.muted("–"));
            return;
        }
        summary.setText("omnigraph-server --cluster " + model.session().location().root().display() + " " + r.summary() + "."
                + r.firstRefusingStage().map(s -> " The server stops at the " + s.title() + " check and reports only that stage's "
                        + "errors; later stages are listed too, so one pass finds everything.").orElse("")
                + (r.verdict() == BootVerdict.BOOTS_WITH_QUARANTINE && r.strictBootRefuses()
                        ? " With --require-all-graphs (OMNIGRAPH_REQUIRE_ALL_GRAPHS=1) it would refuse." : ""));
        if (r.quarantined().isEmpty()) {
            quarantine.getChildren().add(Ui.badge(Tagged.ok("None")));
        }
        for (QuarantinedGraph q : r.quarantined()) {
            Label l = new Label(q.graphId() + (q.applied() ? "" : " (not in the applied revision)") + " — " + String.join(", ", q.codes()));
            l.setWrapText(true);
            quarantine.getChildren().add(Ui.row(8, Ui.badge(Tagged.warn("quarantined")), l));
        }
        for (String n : r.notChecked()) {
            notChecked.getChildren().add(Ui.muted("•  " + n));
        }
        if (!model.findings().isEmpty() && model.selectedFindingProperty().get() == null
                && model.selectedFindingGoneProperty().get().isEmpty()) {
            table.getSelectionModel().select(0);
        }
    }

    private Node generationCard() {
        Label text = new Label();
        text.setId("doctor-generation");
        text.setWrapText(true);
        text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        text.textProperty().bind(model.generationProperty());
        VBox card = Ui.card("Ledger generation", text);
        card.visibleProperty().bind(model.generationProperty().isNotEmpty());
        card.managedProperty().bind(card.visibleProperty());
        return card;
    }

    /** Tall enough for every finding (up to twelve, then it scrolls), so the report reads without an inner scroll. */
    private void sizeTable() {
        double height = 64 + 30.0 * Math.max(4, Math.min(12, model.findings().size()));
        table.setPrefHeight(height);
        table.setMinHeight(height);
    }

    private void showFailure(UserMessage m) {
        failure.setVisible(m != null);
        failure.setText(m == null ? "" : m.title() + ": " + m.detail());
    }

    public DoctorViewModel viewModel() {
        return model;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void activate() {
        model.follow();
    }

    @Override
    public void deactivate() {
        model.unfollow();
    }

    @Override
    public Node initialFocus() {
        return rerun;
    }
}
