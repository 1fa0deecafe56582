package dev.omnigraph.console.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The console window (placeholder until the shell lands). */
public final class ConsoleApp extends Application {
    public static void launchWindow(String[] args) {
        Application.launch(ConsoleApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new Label("OmniGraph Console"), 800, 600));
        stage.setTitle("OmniGraph Console");
        stage.show();
    }
}
