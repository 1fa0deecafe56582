package dev.omnigraph.console.ui.overview;

import dev.omnigraph.console.ui.common.Severity;
import dev.omnigraph.console.ui.common.Ui;
import dev.omnigraph.console.ui.session.SnapshotPage;
import dev.omnigraph.console.ui.session.ViewContext;
import java.util.List;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** The Overview page: the cluster at a glance, each card linking to its page. */
public final class OverviewView extends SnapshotPage<OverviewViewModel> {
    private final ViewContext context;
    private final VBox content = new VBox(14);
    private final HBox extraBadges = new HBox(8);
    private final ScrollPane root;

    /**
     * @param badges extra badges for the title row, contributed by other features (the shell passes
     *               them: a feature does not know the others)
     */
    public OverviewView(ViewContext context, List<Function<ViewContext, Node>> badges) {
        super(new OverviewViewModel(context.session()));
        this.context = context;
        content.setPadding(new Insets(18, 22, 22, 22));
        content.getStyleClass().add("overview");
        for (Function<ViewContext, Node> badge : badges) {
            extraBadges.getChildren().add(badge.apply(context));
        }
        root = new ScrollPane(content);
        root.setFitToWidth(true);
        root.getStyleClass().add("page");
        model.modelProperty().addListener((o, a, b) -> render(b));
        Label waiting = Ui.placeholder("");
        waiting.setWrapText(true);
        waiting.textProperty().bind(model.placeholderProperty());
        content.getChildren().add(waiting);
        tickWhileShown(Duration.seconds(30), model::recompute);
        setPage(root, null);
    }

    private void render(OverviewModel m) {
        if (m == null) {
            return;
        }
        OverviewCards cards = new OverviewCards(this::link);
        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(14);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        grid.getColumnConstraints().addAll(half, half);
        grid.add(cards.cluster(m), 0, 0, 2, 1);
        int row = 1;
        if (m.generation().isPresent()) {
            grid.add(OverviewDeploymentCard.of(m.generation().get(), this::link), 0, row++, 2, 1);
        }
        grid.add(cards.resources(m), 0, row);
        grid.add(cards.lock(m), 1, row++);
        grid.add(cards.approvals(m), 0, row);
        grid.add(cards.recoveries(m), 1, row++);
        grid.add(cards.catalog(m), 0, row);
        grid.add(cards.graphs(m), 1, row++);
        grid.add(cards.findings(m), 0, row, 2, 1);
        for (Node n : grid.getChildren()) {
            if (n instanceof VBox v) {
                v.setMaxHeight(Double.MAX_VALUE);
                v.setMaxWidth(Double.MAX_VALUE);
                v.setMinWidth(0); // cards wrap their text to the page instead of widening it
            }
        }
        content.getChildren().setAll(heading(m), grid);
    }

    /**
     * The cluster's name (never shortened), its badges (wrapping onto a second line when narrow),
     * and a line saying when it was read and last checked.
     */
    private Node heading(OverviewModel m) {
        Label name = Ui.title(m.name());
        name.setId("overview-name");
        name.setMinWidth(Region.USE_PREF_SIZE);
        Label lockBadge = Ui.badge(m.lock().badge());
        lockBadge.setId("overview-lock-badge");
        FlowPane badges = new FlowPane(8, 6, Ui.badge(m.ledger()), lockBadge, extraBadges);
        badges.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(badges, Priority.ALWAYS);
        HBox top = Ui.row(12, name, badges);
        Label read = Ui.muted(m.readSummary());
        read.setWrapText(true);
        Label checked = new Label(m.freshness().text());
        checked.setId("overview-last-checked");
        checked.setWrapText(true);
        if (m.freshness().severity() == Severity.DANGER) {
            Ui.styleBadge(checked, m.freshness());
        } else {
            checked.getStyleClass().add("muted");
        }
        FlowPane when = new FlowPane(14, 4, read, checked);
        return new VBox(6, top, when);
    }

    private Hyperlink link(String text, String viewId) {
        Hyperlink h = new Hyperlink(text + " →");
        h.setAccessibleText(text);
        h.setOnAction(e -> context.navigate().accept(viewId));
        return h;
    }
}
