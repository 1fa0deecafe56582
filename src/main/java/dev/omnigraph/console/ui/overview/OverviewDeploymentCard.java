package dev.omnigraph.console.ui.overview;

import dev.omnigraph.console.ui.common.Tagged;
import dev.omnigraph.console.ui.common.Ui;
import java.util.Map;
import java.util.function.BiFunction;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The Overview's "Ledger generation and deployments" card, drawn from {@link LedgerGenerationFacts}. */
final class OverviewDeploymentCard {
    private OverviewDeploymentCard() {}

    static VBox of(LedgerGenerationFacts f, BiFunction<String, String, Hyperlink> link) {
        Label generation = Ui.badge(f.generation());
        generation.setId("overview-generation");
        generation.setWrapText(true);
        Label servedBy = wrapped("Served by: " + f.servedBy());
        servedBy.setId("overview-served-by");
        GridPane counters = new GridPane();
        counters.setHgap(14);
        counters.setVgap(4);
        int r = 0;
        for (Map.Entry<String, String> e : f.counters().entrySet()) {
            Label k = new Label(e.getKey());
            k.getStyleClass().add("fact-label");
            counters.add(k, 0, r);
            counters.add(Ui.mono(e.getValue()), 1, r++);
        }
        VBox box = new VBox(8, generation, servedBy, counters);
        if (!f.upgrade().isEmpty()) {
            Label upgrade = wrapped(f.upgrade());
            upgrade.setId("overview-upgrade");
            box.getChildren().add(2, upgrade);
        }
        f.outstanding().ifPresentOrElse(o -> box.getChildren().add(outstanding(o)),
                () -> box.getChildren().add(Ui.badge(Tagged.ok("No deployment outstanding"))));
        if (!f.contracts().isEmpty()) {
            box.getChildren().add(Ui.section("Schema contracts"));
            for (String c : f.contracts()) {
                Label l = Ui.mono(c);
                l.setWrapText(true);
                l.setMinWidth(0);
                box.getChildren().add(l);
            }
        }
        box.getChildren().add(link.apply("Open deployments", "deployments"));
        VBox card = Ui.card("Ledger generation and deployments", box);
        card.setMinWidth(0);
        return card;
    }

    private static Node outstanding(LedgerGenerationFacts.Outstanding o) {
        Label head = Ui.badge(Tagged.danger("Deployment outstanding: " + o.id()));
        head.setId("overview-outstanding");
        head.setWrapText(true);
        head.setMinWidth(0);
        head.setMinHeight(Region.USE_PREF_SIZE);
        Label when = wrapped("Accepted " + o.acceptedAt() + " (from its nonce ULID) by " + o.actor() + ".");
        VBox graphs = new VBox(2);
        o.graphs().forEach((g, state) -> graphs.getChildren().add(Ui.row(8, Ui.mono(g), Ui.badge(state.startsWith("settled")
                ? Tagged.ok(state) : state.startsWith("started") ? Tagged.warn(state) : Tagged.neutral(state)))));
        Label blocks = wrapped(o.blocks());
        Label command = Ui.mono(o.command());
        command.setId("overview-reconcile-command");
        command.setWrapText(true);
        command.setMinHeight(Region.USE_PREF_SIZE);
        command.setMinWidth(0);
        javafx.scene.control.Button copy = Ui.copyButton("reconcile command", o::command);
        copy.setMinWidth(Region.USE_PREF_SIZE); // never "…"
        HBox.setHgrow(command, Priority.ALWAYS);
        VBox box = new VBox(6, head, when, graphs, blocks, Ui.row(8, command, copy));
        VBox.setVgrow(box, Priority.NEVER);
        return box;
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.setMinWidth(0); // wraps instead of widening the page
        return l;
    }
}
