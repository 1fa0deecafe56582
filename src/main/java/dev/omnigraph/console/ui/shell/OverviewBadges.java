package dev.omnigraph.console.ui.shell;

import dev.omnigraph.console.ui.session.ViewContext;
import java.util.List;
import java.util.function.Function;
import javafx.scene.Node;

/**
 * Extra badges on the Overview's title row, contributed by other features (for example a
 * "serving doctor" verdict). Each factory is called once per cluster and returns a node that keeps
 * itself up to date (bind it to the session). Register one line in {@link #all()}.
 */
public final class OverviewBadges {
    private OverviewBadges() {}

    public static List<Function<ViewContext, Node>> all() {
        return List.of(
                dev.omnigraph.console.ui.doctor.DoctorBadge::new
        );
    }
}
