package dev.omnigraph.console.ui.lock;

import dev.omnigraph.console.cluster.LockState;
import dev.omnigraph.console.cluster.model.LockFile;
import dev.omnigraph.console.ui.common.DetailGrid;
import dev.omnigraph.console.ui.common.LockStatus;
import dev.omnigraph.console.ui.common.Ui;
import dev.omnigraph.console.ui.common.ClusterView;
import dev.omnigraph.console.ui.session.ViewContext;
import java.time.Duration;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.VBox;

/** The Lock page: holder details, age, the staleness hint and the Force unlock action. */
public final class LockView implements ClusterView {
    private final LockViewModel model;
    private final ViewContext context;
    private final VBox content = new VBox(14);
    private final ScrollPane root = new ScrollPane(content);
    private final Label badge = new Label();
    private final DetailGrid details = new DetailGrid();
    private final Label explanation = new Label();
    final Button forceUnlock = new Button("_Force unlock…");
    private final Timeline ticker;

    public LockView(ViewContext context) {
        this.context = context;
        this.model = new LockViewModel(context.session());
        root.setFitToWidth(true);
        root.getStyleClass().add("page");
        content.setPadding(new Insets(16, 20, 20, 20));
        badge.setId("lock-badge");
        explanation.setWrapText(true);
        forceUnlock.setId("lock-force-unlock");
        forceUnlock.getStyleClass().add("danger");
        forceUnlock.setMnemonicParsing(true);
        forceUnlock.setAccessibleText("Force unlock: remove this lock after typing its id");
        forceUnlock.setOnAction(e -> openDialog());

        Spinner<Integer> threshold = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 60 * 24 * 30,
                (int) context.session().settings().lockStaleAfterProperty().get().toMinutes(), 5));
        threshold.setEditable(true);
        threshold.setPrefWidth(110);
        threshold.setAccessibleText("Flag a lock as stale after this many minutes");
        threshold.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                context.session().settings().lockStaleAfterProperty().set(Duration.ofMinutes(b));
            }
        });
        context.session().settings().lockStaleAfterProperty().addListener((o, a, b) -> {
            if (threshold.getValue() != (int) b.toMinutes()) {
                threshold.getValueFactory().setValue((int) b.toMinutes());
            }
        });
        Label thresholdLabel = new Label("Flag a held lock as stale after");
        thresholdLabel.setLabelFor(threshold);

        content.getChildren().addAll(Ui.row(12, Ui.title("State lock"), badge), Ui.card(null, details, explanation),
                Ui.row(10, thresholdLabel, threshold, new Label("minutes"), Ui.spacer(), forceUnlock));
        model.statusProperty().addListener((o, a, b) -> render(b));
        model.releasedProperty().addListener((o, a, b) -> render(model.status()));
        ticker = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> model.tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
    }

    private void render(LockStatus s) {
        if (s == null) {
            return;
        }
        Ui.styleBadge(badge, s.badge());
        explanation.setText(model.releasedProperty().get().isEmpty() ? s.explanation() : model.releasedProperty().get());
        details.clear();
        if (s.lock().isPresent()) {
            LockFile l = s.lock().get();
            details.mono("Lock id", l.lockId()).text("Operation", l.operation()).text("Created", Ui.time(l.createdAt()))
                    .text("Age", s.ageText() + (s.stale() ? " (past your threshold)" : "")).text("Process id", String.valueOf(l.pid()))
                    .text("Version", String.valueOf(l.version()));
            if (s.state() instanceof LockState.Held h) {
                details.mono("ETag", h.token() == null ? "" : h.token());
            }
        } else {
            details.text("Object", s.free() ? "__cluster/lock.json does not exist" : "__cluster/lock.json (unreadable)");
        }
        forceUnlock.setDisable(s.lock().isEmpty());
    }

    private void openDialog() {
        ForceUnlockViewModel vm = model.forceUnlock();
        if (vm != null) {
            new ForceUnlockDialog(context.owner().get(), vm).show();
        }
    }

    public LockViewModel viewModel() {
        return model;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void activate() {
        model.activate();
        ticker.play();
    }

    @Override
    public void deactivate() {
        model.deactivate();
        ticker.stop();
    }

    @Override
    public Node initialFocus() {
        return forceUnlock;
    }
}
