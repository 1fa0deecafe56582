package dev.omnigraph.console.ui.migrate;

import dev.omnigraph.console.common.Format;
import dev.omnigraph.console.migrate.ProgressSnapshot;
import dev.omnigraph.console.ui.common.Ui;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The figures of a running copy or verify, from its latest (coalesced) snapshot: bar, counts, bytes, rates, ETA. */
final class ProgressPanel extends VBox {
    private final ProgressBar bar = new ProgressBar(0);
    private final Label objects = figure("migrate-objects");
    private final Label bytes = figure("migrate-bytes");
    private final Label rate = figure("migrate-rate");
    private final Label eta = figure("migrate-eta");
    private final Label state = new Label("waiting");
    private final Label failures = new Label("");

    ProgressPanel(String idPrefix) {
        super(10);
        bar.setId(idPrefix + "-bar");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setPrefHeight(18);
        bar.setAccessibleText("Progress");
        GridPane grid = new GridPane();
        grid.setHgap(28);
        grid.setVgap(2);
        grid.addRow(0, Ui.section("OBJECTS"), Ui.section("BYTES"), Ui.section("THROUGHPUT"), Ui.section("REMAINING"));
        grid.addRow(1, objects, bytes, rate, eta);
        state.setId(idPrefix + "-state");
        getChildren().addAll(bar, grid, Ui.row(10, state, failures));
    }

    void show(ProgressSnapshot s) {
        if (s == null) {
            bar.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
            objects.setText("counting…");
            bytes.setText("counting…");
            rate.setText("measuring…");
            eta.setText("measuring…");
            Ui.styleBadge(state, dev.omnigraph.console.ui.common.Tagged.info("running"));
            failures.setText("");
            return;
        }
        bar.setProgress(s.objectsTotal() == 0 && s.bytesTotal() == 0 ? (s.state() == ProgressSnapshot.State.FINISHED ? 1 : 0) : s.fraction());
        objects.setText(Format.count(s.objectsDone()) + " / " + Format.count(s.objectsTotal()));
        bytes.setText(Format.bytes(s.bytesDone()) + " / " + Format.bytes(s.bytesTotal()));
        rate.setText(String.format(Locale.ROOT, "%.0f obj/s · %s", s.objectsPerSecond(), Format.rate(s.bytesPerSecond())));
        eta.setText(s.state() == ProgressSnapshot.State.FINISHED ? "done in " + Format.duration(s.elapsed())
                : s.eta().map(Format::duration).orElse("measuring…") + " (elapsed " + Format.duration(s.elapsed()) + ")");
        Ui.styleBadge(state, switch (s.state()) {
            case RUNNING -> dev.omnigraph.console.ui.common.Tagged.info("running");
            case PAUSED -> dev.omnigraph.console.ui.common.Tagged.warn("paused");
            case CANCELLING -> dev.omnigraph.console.ui.common.Tagged.danger("cancelling");
            case FINISHED -> dev.omnigraph.console.ui.common.Tagged.ok("finished");
        });
        failures.setText((s.failed() == 0 ? "no failures" : s.failed() + " failed") + (s.retries() == 0 ? "" : ", " + s.retries() + " retries"));
    }

    private static Label figure(String id) {
        Label l = new Label("–");
        l.setId(id);
        l.getStyleClass().addAll("big-figure", "mono");
        return l;
    }
}
