package dev.omnigraph.console.ui.common;

import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Cell;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Small builders shared by the views so they look alike: badges in the five status colours,
 * copy buttons, section titles, table columns with monospace or badge cells, empty-state
 * placeholders. Style classes are defined in {@code console.css}.
 */
public final class Ui {
    private Ui() {}

    public static Label badge(Tagged tag) {
        Label l = new Label(tag.text());
        styleBadge(l, tag);
        return l;
    }

    public static void styleBadge(Label l, Tagged tag) {
        l.getStyleClass().removeIf(c -> c.startsWith("status-"));
        if (!l.getStyleClass().contains("badge")) {
            l.getStyleClass().add("badge");
        }
        if (tag != null) {
            l.setText(tag.text());
            l.getStyleClass().add(tag.severity().styleClass());
        }
        l.setMinWidth(Region.USE_PREF_SIZE);
    }

    /** See {@link Times#of(java.time.Instant)}. */
    public static String time(java.time.Instant instant) {
        return Times.of(instant);
    }

    /** See {@link Times#of(String)}. */
    public static String time(String rfc3339) {
        return Times.of(rfc3339);
    }

    public static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("view-title");
        return l;
    }

    public static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    public static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        l.setWrapText(true);
        return l;
    }

    public static Label mono(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("mono");
        return l;
    }

    public static void copy(String text) {
        ClipboardContent c = new ClipboardContent();
        c.putString(text == null ? "" : text);
        Clipboard.getSystemClipboard().setContent(c);
    }

    /** A small "Copy" button; its accessible text names what it copies. */
    public static Button copyButton(String what, Supplier<String> value) {
        Button b = new Button("Copy");
        b.getStyleClass().add("copy-button");
        b.setAccessibleText("Copy " + what);
        b.setTooltip(new Tooltip("Copy " + what + " to the clipboard"));
        b.setOnAction(e -> copy(value.get()));
        b.setFocusTraversable(true);
        return b;
    }

    /** A monospace value with a copy button beside it. */
    public static HBox copyable(String what, ObservableValue<String> value) {
        Label l = mono("");
        l.textProperty().bind(value);
        l.setMinWidth(0);
        l.setWrapText(true); // a long root wraps; it never pushes "Copy" into "…"
        HBox.setHgrow(l, Priority.SOMETIMES);
        Button copy = copyButton(what, value::getValue);
        copy.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(8, l, copy);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    public static HBox row(double spacing, Node... nodes) {
        HBox h = new HBox(spacing, nodes);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    public static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    public static VBox card(String heading, Node... content) {
        VBox v = new VBox(6);
        v.getStyleClass().add("card");
        if (heading != null) {
            Label h = new Label(heading);
            h.getStyleClass().add("card-title");
            v.getChildren().add(h);
        }
        v.getChildren().addAll(content);
        v.setPadding(new Insets(12, 14, 12, 14));
        return v;
    }

    public static Label placeholder(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("placeholder");
        l.setWrapText(true);
        return l;
    }

    /** Sorts "1,234" style counts by value. */
    public static java.util.Comparator<String> numericComparator() {
        return java.util.Comparator.comparingLong(s -> {
            try {
                return Long.parseLong(s.replace(",", ""));
            } catch (NumberFormatException e) {
                return -1L;
            }
        });
    }

    /** Sorts "1.5 KiB" style sizes by value. */
    public static java.util.Comparator<String> bytesComparator() {
        return java.util.Comparator.comparingDouble(Ui::parseBytes);
    }

    static double parseBytes(String s) {
        String[] parts = s.trim().split(" ");
        if (parts.length != 2) {
            return -1;
        }
        double v;
        try {
            v = Double.parseDouble(parts[0]);
        } catch (NumberFormatException e) {
            return -1;
        }
        int exp = java.util.List.of("B", "KiB", "MiB", "GiB", "TiB", "PiB").indexOf(parts[1]);
        return exp < 0 ? -1 : v * Math.pow(1024, exp);
    }

    // ---- table columns ---------------------------------------------------------------------------

    public static <R> TableColumn<R, String> textColumn(String title, Function<R, String> value, double width) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(cd.getValue() == null ? "" : value.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    public static <R> TableColumn<R, String> monoColumn(String title, Function<R, String> value, double width) {
        TableColumn<R, String> c = textColumn(title, value, width);
        c.setCellFactory(col -> new TableCell<>() {
            {
                getStyleClass().add("mono-cell");
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item);
            }
        });
        return c;
    }

    public static <R> TableColumn<R, Tagged> badgeColumn(String title, Function<R, Tagged> value, double width) {
        TableColumn<R, Tagged> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue() == null ? null : value.apply(cd.getValue())));
        c.setCellFactory(col -> new BadgeCell<>());
        c.setComparator((a, b) -> String.valueOf(a).compareTo(String.valueOf(b)));
        c.setPrefWidth(width);
        return c;
    }

    /** A table cell showing a {@link Tagged} value as a coloured badge. */
    public static final class BadgeCell<R> extends TableCell<R, Tagged> {
        private final Label label = new Label();

        public BadgeCell() {
            label.getStyleClass().add("badge");
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(Tagged item, boolean empty) {
            super.updateItem(item, empty);
            showBadge(this, label, item, empty);
        }
    }

    /** Shows {@code item} in a table or tree-table cell as the badge {@code label} (nothing when empty or blank). */
    public static void showBadge(Cell<?> cell, Label label, Tagged item, boolean empty) {
        if (empty || item == null || item.text().isEmpty()) {
            cell.setGraphic(null);
            cell.setText(null);
            cell.setAccessibleText(null);
        } else {
            styleBadge(label, item);
            cell.setGraphic(label);
            cell.setText(item.text());
            cell.setAccessibleText(item.text());
        }
    }
}
