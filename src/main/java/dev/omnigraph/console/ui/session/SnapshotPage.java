package dev.omnigraph.console.ui.session;

import dev.omnigraph.console.ui.common.ClusterView;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Node;
import javafx.util.Duration;

/**
 * A page that shows what its {@link SnapshotViewModel} derives from the session: the view-model
 * follows the cluster only while the page is on screen, and so does an optional ticker (ages that
 * move while someone looks). A page builds its nodes in its constructor and ends with
 * {@link #setPage(Node, Node)}.
 *
 * @param <M> the page's view-model
 */
public abstract class SnapshotPage<M extends SnapshotViewModel> implements ClusterView {
    protected final M model;
    private Node root;
    private Node focus;
    private Timeline ticker;

    protected SnapshotPage(M model) {
        this.model = model;
    }

    /** The page's root node and the node keyboard users land on (null for none). */
    protected final void setPage(Node root, Node initialFocus) {
        this.root = root;
        this.focus = initialFocus;
    }

    /** Runs {@code tick} every {@code period} while the page is on screen (e.g. to recompute an age). */
    protected final void tickWhileShown(Duration period, Runnable tick) {
        ticker = new Timeline(new KeyFrame(period, e -> tick.run()));
        ticker.setCycleCount(Animation.INDEFINITE);
    }

    public M viewModel() {
        return model;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void activate() {
        model.activate();
        if (ticker != null) {
            ticker.play();
        }
    }

    @Override
    public void deactivate() {
        model.deactivate();
        if (ticker != null) {
            ticker.stop();
        }
    }

    @Override
    public Node initialFocus() {
        return focus;
    }
}
