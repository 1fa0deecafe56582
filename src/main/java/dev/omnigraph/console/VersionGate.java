package dev.omnigraph.console;

import java.lang.reflect.InvocationTargetException;

/**
 * The jar's main class: compiled for Java 8 (see {@code pom.xml}), so an older runtime reaches it
 * and gets a sentence ("needs Java 25") and exit status 2 instead of an
 * {@code UnsupportedClassVersionError}. On Java 25 or newer it hands over to {@link Launcher}.
 * Keep it free of anything newer than Java 8.
 */
public final class VersionGate {
    /** The Java feature release the console is built for. */
    static final int NEEDED = 25;

    private VersionGate() {}

    public static void main(String[] args) throws Throwable {
        String problem = problem(System.getProperty("java.specification.version"), System.getProperty("java.home"));
        if (problem != null) {
            System.err.println(problem);
            System.exit(2);
            return;
        }
        try {
            Class.forName("dev.omnigraph.console.Launcher").getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** What to tell the admin when {@code specVersion} is too old; {@code null} when it is new enough. */
    static String problem(String specVersion, String javaHome) {
        int feature = feature(specVersion);
        if (feature >= NEEDED) {
            return null;
        }
        return "error: OmniGraph Console needs Java " + NEEDED + " or newer; this is Java " + specVersion + " (" + javaHome + ").\n"
                + "Run it with a Java " + NEEDED + " runtime (for example: JAVA_HOME=/path/to/jdk-" + NEEDED
                + " $JAVA_HOME/bin/java -jar omnigraph-console.jar),\n"
                + "or install the packaged application, which brings its own runtime.";
    }

    private static int feature(String specVersion) {
        if (specVersion == null) {
            return 0;
        }
        String v = specVersion.startsWith("1.") ? specVersion.substring(2) : specVersion;
        int end = 0;
        while (end < v.length() && Character.isDigit(v.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(v.substring(0, end));
    }
}
