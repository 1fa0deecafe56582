package dev.omnigraph.console.ui.doctor;

import dev.omnigraph.console.ui.session.ViewContext;
import javafx.scene.Cursor;
import javafx.scene.control.Button;

/**
 * The Overview's serving-doctor badge ("doctor: ready", "doctor: would refuse (N)"): follows the
 * Doctor page's view-model while the Overview is on screen, and opens the Doctor page when clicked.
 */
public final class DoctorBadge extends Button {

    public DoctorBadge(ViewContext context) {
        setId("overview-doctor-badge");
        getStyleClass().setAll("badge", "doctor-badge");
        setCursor(Cursor.HAND);
        setFocusTraversable(true);
        setOnAction(e -> context.navigate().accept("doctor"));
        DoctorViewModel model = ((DoctorView) context.view("doctor")).viewModel();
        model.badgeProperty().addListener((o, a, b) -> render(b));
        render(model.badgeProperty().get());
        sceneProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.follow();
            } else {
                model.unfollow();
            }
        });
    }

    private void render(dev.omnigraph.console.ui.common.Tagged tag) {
        getStyleClass().removeIf(c -> c.startsWith("status-"));
        getStyleClass().add(tag.severity().styleClass());
        setText(tag.text());
        setAccessibleText("Serving doctor: " + tag.text() + ". Open the doctor report");
        setMinWidth(USE_PREF_SIZE);
    }
}
