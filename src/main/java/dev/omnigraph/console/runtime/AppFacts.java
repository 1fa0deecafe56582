package dev.omnigraph.console.runtime;


/**
 * What a bug report needs to know about this installation: version, how it runs (packaged app or
 * development build, window or command line), operating system, Java and JavaFX.
 */
public record AppFacts(String version, boolean packaged, String mode, String os, String java, String javaFx, long pid) {

    /** The facts of this process. */
    public static AppFacts current(String mode) {
        String version = Version.current();
        String packagedVersion = System.getProperty("jpackage.app-version");
        if (version.endsWith("-dev") && packagedVersion != null && !packagedVersion.isBlank()) {
            version = packagedVersion;
        }
        boolean packaged = System.getProperty("jpackage.app-path") != null;
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")";
        String java = System.getProperty("java.runtime.version", System.getProperty("java.version")) + " ("
                + System.getProperty("java.vendor", "unknown vendor") + "), " + System.getProperty("java.home");
        String fx = System.getProperty("javafx.runtime.version");
        return new AppFacts(version, packaged, mode, os, java, fx == null ? "not loaded" : fx, ProcessHandle.current().pid());
    }

    /** {@code OmniGraph Console 0.1.0 (packaged app)}. */
    public String product() {
        return "OmniGraph Console " + version + (packaged ? " (packaged app)" : " (development build)");
    }
}
