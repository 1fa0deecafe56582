package dev.omnigraph.console.ui;

import dev.omnigraph.console.demo.DemoOptions;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.testing.Backend;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import javafx.stage.Stage;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window against a demo cluster in a local folder ({@code file://}). */
@ExtendWith(ApplicationExtension.class)
class ConsoleWindowFileFxTest extends ConsoleWindowFxContract {
    @TempDir
    static Path temp;
    private static ObjectStore store;

    @BeforeAll
    static void demo() throws Exception {
        store = Sessions.demo(Backend.FILE.newStore(temp, "window"), DemoOptions.small().withHeldLock(true));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Start
    void start(Stage stage) {
        startWindow(stage);
    }

    @Override
    ObjectStore store() {
        return store;
    }

    @Override
    S3Settings settings() {
        return S3Settings.fromEnvironment(Map.of());
    }

    @Override
    Path home() {
        return temp.resolve("home");
    }

    @Override
    void fillConnectionSettings(FxRobot robot) {
        // a local folder needs nothing else
    }
}
