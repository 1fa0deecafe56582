package dev.omnigraph.console.ui;

import dev.omnigraph.console.demo.DemoOptions;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.S3ObjectStore;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.testing.S3TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import javafx.stage.Stage;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window against a demo cluster on the loopback S3 server, reached with session-only keys typed into the form. */
@ExtendWith(ApplicationExtension.class)
class ConsoleWindowS3FxTest extends ConsoleWindowFxContract {
    @TempDir
    static Path temp;
    private static ObjectStore store;

    @BeforeAll
    static void demo() throws Exception {
        store = Sessions.demo(new S3ObjectStore(S3TestServer.newRoot("window", "clusters/window"), S3TestServer.settings()),
                DemoOptions.small().withHeldLock(true));
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
        return S3TestServer.settings();
    }

    @Override
    Path home() {
        return temp.resolve("home");
    }

    @Override
    void fillConnectionSettings(FxRobot robot) {
        S3Settings s = S3TestServer.settings();
        robot.clickOn("#connect-endpoint").write(s.endpoint(), 0);
        robot.clickOn("#connect-region").write("us-east-1", 0);
        robot.clickOn("#connect-access-key").write(s.keys().accessKeyId(), 0);
        robot.clickOn("#connect-secret").write(s.keys().secretAccessKey(), 0);
    }
}
