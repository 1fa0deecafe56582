package dev.omnigraph.console;

import dev.omnigraph.console.app.AppStart;
import dev.omnigraph.console.app.CommandTraining;
import dev.omnigraph.console.cli.CliContext;
import dev.omnigraph.console.cli.CliMain;

/**
 * The one entry point of the jar. A first argument that names a command runs headless (no JavaFX
 * is loaded, so it works on servers and in scripts); anything else opens the console window.
 * It is a plain class, not an {@code Application}, so JavaFX starts from the class path.
 * Both start with the per-user log, secret redaction and the crash handler ({@link AppStart}).
 * A start-up cache's training run first runs its commands in this process ({@link CommandTraining}).
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        AppStart.install(args);
        CommandTraining.runIfAsked(System.getProperty(CommandTraining.PROPERTY), System.getenv(), System.err);
        if (CliMain.isCommand(args)) {
            System.exit(CliMain.run(args, CliContext.system()));
        }
        dev.omnigraph.console.ui.PreferencesPreload.start(); // in parallel with the toolkit's start
        dev.omnigraph.console.ui.ConsoleApp.launchWindow(args);
    }
}
