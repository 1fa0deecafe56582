package dev.omnigraph.console.ui.common;

import dev.omnigraph.console.prefs.PreferencesModel;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The layout the cluster pages share: a list above the selected item's details, in a split that remembers its divider. */
public final class PageLayout {
    private PageLayout() {}

    /**
     * {@code top} above {@code bottom} in a vertical split (divider at {@code divider} until the
     * admin moves it; remembered under {@code memoryId}), filling a page's centre with its margins.
     */
    public static VBox splitCenter(Node top, Node bottom, double divider, String memoryId, PreferencesModel preferences) {
        SplitPane split = new SplitPane(top, bottom);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(divider);
        SplitMemory.remember(split, memoryId, preferences);
        VBox center = new VBox(split);
        VBox.setVgrow(split, Priority.ALWAYS);
        center.setPadding(new Insets(0, 20, 16, 20));
        return center;
    }

    /** A detail grid that scrolls vertically and wraps to the pane's width. */
    public static ScrollPane scrollingDetail(DetailGrid detail) {
        ScrollPane scroll = new ScrollPane(detail);
        scroll.setFitToWidth(true);
        detail.setPadding(new Insets(10));
        return scroll;
    }

    /** A tab of a page's inner tab pane; {@code id} names it for tests and keyboard walks. */
    public static Tab tab(String id, String title, Node content) {
        Tab t = new Tab(title, content);
        t.setId(id);
        return t;
    }

    /** {@code pane} shows these tabs as a page's inner tabs (none closable). */
    public static TabPane innerTabs(TabPane pane, Tab... tabs) {
        pane.getTabs().setAll(tabs);
        pane.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        pane.getStyleClass().add("inner-tabs");
        return pane;
    }

    /**
     * Keeps {@code table}'s selection in {@code selected} (across refreshes, {@link TableKeeper}) and
     * shows the selected row with {@code show}, again when the selection's "gone" note changes
     * ({@code show} gets null when nothing is selected, and is called once now).
     */
    public static <T> void showSelection(TableView<T> table, ObjectProperty<T> selected, ObservableValue<String> gone,
                                         Consumer<T> show) {
        TableKeeper.bind(table, selected);
        selected.addListener((o, a, b) -> show.accept(b));
        gone.addListener((o, a, b) -> show.accept(selected.get()));
        show.accept(null);
    }
}
