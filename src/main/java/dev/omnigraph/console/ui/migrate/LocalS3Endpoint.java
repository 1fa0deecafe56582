package dev.omnigraph.console.ui.migrate;

import dev.omnigraph.console.s3server.LocalS3Server;
import dev.omnigraph.console.ui.common.Failures;
import dev.omnigraph.console.ui.task.TaskRunner;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The console's demo S3 endpoint: the in-process {@link LocalS3Server} on 127.0.0.1, started and
 * stopped only by the admin (the "Local S3 endpoint…" window), with credentials generated per start
 * and kept in memory only (never saved, never logged). Objects live in memory until it stops. One per
 * application; the migration wizard offers to fill its destination from it.
 */
public final class LocalS3Endpoint {
    public static final String BUCKET = "omnigraph";
    private static final LocalS3Endpoint SHARED = new LocalS3Endpoint();

    /** A running endpoint, as the admin needs it. {@link #toString()} hides the secret. */
    public record Running(String endpoint, String accessKey, String secretKey, String bucket) {
        /** A ready-to-paste destination root for a cluster. */
        public String destinationUri(String clusterName) {
            String prefix = (clusterName == null ? "cluster" : clusterName).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
            return "s3://" + bucket + "/" + (prefix.isBlank() ? "cluster" : prefix);
        }

        @Override
        public String toString() {
            return "Running[" + endpoint + ", bucket=" + bucket + ", keys=***]";
        }
    }

    private final ObjectProperty<Running> running = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty problem = new SimpleStringProperty("");
    private LocalS3Server server;

    /** The application's endpoint. */
    public static LocalS3Endpoint shared() {
        return SHARED;
    }

    public ReadOnlyObjectProperty<Running> runningProperty() {
        return running;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty problemProperty() {
        return problem;
    }

    /** Starts the server (off the UI thread) and creates the {@value #BUCKET} bucket. */
    public void start(TaskRunner runner) {
        if (running.get() != null || busy.get()) {
            return;
        }
        busy.set(true);
        problem.set("");
        runner.run("Start the local S3 endpoint", ctx -> {
            LocalS3Server s = LocalS3Server.startInMemory();
            s.createBucket(BUCKET);
            return s;
        }, s -> {
            busy.set(false);
            server = s;
            running.set(new Running(s.endpoint(), s.accessKey(), s.secretKey(), BUCKET));
        }, e -> {
            busy.set(false);
            problem.set("Could not start the local S3 endpoint: " + Failures.describe(e).oneLine());
        });
    }

    /**
     * The roots the running endpoint holds ({@code s3://omnigraph/analytics}, …): lost when it stops
     * or the console quits. Empty when it is stopped or empty. Reads the in-memory store only.
     */
    public java.util.List<String> heldRoots() {
        LocalS3Server s = server;
        Running r = running.get();
        if (s == null || r == null) {
            return java.util.List.of();
        }
        try {
            return s.topLevelNames(r.bucket(), 50).stream().map(n -> "s3://" + r.bucket() + "/" + n).toList();
        } catch (RuntimeException e) {
            return java.util.List.of("s3://" + r.bucket() + " (its contents could not be listed: " + e.getMessage() + ")");
        }
    }

    /** Stops the server at once, on this thread (the console is quitting: Jetty's threads would keep the JVM alive). */
    public void stopNow() {
        LocalS3Server s = server;
        server = null;
        if (s != null) {
            try {
                s.close();
            } catch (RuntimeException ignored) {
                // quitting anyway
            }
        }
    }

    /** Stops the server (its objects are gone). */
    public void stop(TaskRunner runner) {
        LocalS3Server s = server;
        if (s == null || busy.get()) {
            return;
        }
        busy.set(true);
        runner.run("Stop the local S3 endpoint", ctx -> {
            s.close();
            return Boolean.TRUE;
        }, ok -> {
            busy.set(false);
            server = null;
            running.set(null);
        }, e -> {
            busy.set(false);
            problem.set("Could not stop the local S3 endpoint: " + Failures.describe(e).oneLine());
        });
    }
}
