package dev.omnigraph.console.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.prefs.Theme;
import dev.omnigraph.console.ui.FxHarness;
import dev.omnigraph.console.ui.common.RootField;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A validation mark wraps the scene's root in a decoration pane: the dark theme must stay (the real window turned light). */
@ExtendWith(ApplicationExtension.class)
class ThemeFollowsRootFxTest {
    private Stage stage;
    private TextField field;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new ThemeManager(Theme.DARK);
        field = new TextField();
        RootField.decorate(field, text -> text.startsWith("s3//") ? Optional.of("mistyped") : Optional.empty());
        stage.setScene(new Scene(new VBox(field), 400, 200));
        stage.show();
    }

    @Test
    void theDarkThemeSurvivesTheFirstValidationMark() {
        FxHarness.runFx(() -> field.setText("s3//my bucket"));
        FxHarness.waitFor("the decoration", 10, () -> stage.getScene().getRoot() != field.getParent());
        assertThat(FxHarness.onFx(() -> stage.getScene().getRoot().getStyleClass())).contains("theme-dark", "console-root");
        assertThat(FxHarness.onFx(() -> field.getParent().getStyleClass())).doesNotContain("theme-dark", "theme-light");
    }
}
