package dev.omnigraph.console.ui.migrate;

import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.migrate.CopySettings;
import dev.omnigraph.console.migrate.Endpoint;
import dev.omnigraph.console.migrate.MigrationEvent;
import dev.omnigraph.console.migrate.MigrationHome;
import dev.omnigraph.console.migrate.MigrationRequest;
import dev.omnigraph.console.migrate.MigrationSession;
import dev.omnigraph.console.migrate.ProgressSnapshot;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.ui.common.Failures;
import dev.omnigraph.console.ui.task.Job;
import dev.omnigraph.console.ui.task.TaskRunner;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the wizard's steps share: the one engine {@link MigrationSession} (and the copy or verify
 * control running in it), the background runner, "busy" and the latest problem, the newest progress
 * snapshot and the engine's notices. Closing while a job runs waits for the job to end, then closes
 * the session (releasing the source lock).
 */
final class WizardRun {
    /** Opens engine sessions (tests may count or wrap them). */
    @FunctionalInterface
    interface Opener {
        MigrationSession open(MigrationRequest request, MigrationHome home, EventPump pump);
    }

    final ClusterLocation cluster;
    final S3Settings sourceS3;
    final TaskRunner runner;
    final MigrationHome home;
    final Path cwd;
    final Consumer<Runnable> ui;
    final Opener opener;
    final EventPump pump;

    final BooleanProperty busy = new SimpleBooleanProperty();
    final StringProperty busyText = new SimpleStringProperty("");
    final StringProperty problem = new SimpleStringProperty("");
    final BooleanProperty closed = new SimpleBooleanProperty();
    final ObjectProperty<ProgressSnapshot> progress = new SimpleObjectProperty<>();
    final ObservableList<String> notices = FXCollections.observableArrayList();

    MigrationSession session;
    dev.omnigraph.console.migrate.CopyControl control;
    private boolean closeWhenIdle;
    /** Called after every job ends (the navigation re-evaluates). */
    Runnable afterJob = () -> {};
    /** Called when a job fails (a running verify is marked failed). */
    Runnable onJobFailed = () -> {};
    /** The transfers the spinner asks for now: the plan's estimate assumes them (the copy's ceiling stays the spinner's maximum). */
    java.util.function.IntSupplier plannedConcurrency = () -> 0;

    WizardRun(ClusterLocation cluster, S3Settings sourceS3, TaskRunner runner, MigrationHome home, Path cwd, Consumer<Runnable> ui,
              Opener opener) {
        this.cluster = cluster;
        this.sourceS3 = sourceS3;
        this.runner = runner;
        this.home = home;
        this.cwd = cwd;
        this.ui = ui;
        this.opener = opener;
        this.pump = new EventPump(ui, this::accept);
    }

    /** A request for this cluster to {@code target}: pools sized for the most transfers the spinner allows. */
    MigrationRequest request(Endpoint target, String takeOverLockId) {
        int pool = WizardViewModel.MAX_CONCURRENCY * 2 + 8;
        S3Settings src = sourceS3 == null ? null : sourceS3.withMaxConnections(Math.max(sourceS3.maxConnections(), pool));
        Endpoint dest = target.s3() == null ? target : new Endpoint(target.uri(), target.s3().withMaxConnections(Math.max(target.s3()
                .maxConnections(), pool)));
        Optional<String> takeOver = Optional.ofNullable(takeOverLockId).map(String::trim).filter(id -> !id.isEmpty());
        return new MigrationRequest(cluster, src, dest, CopySettings.withConcurrency(WizardViewModel.MAX_CONCURRENCY), false,
                takeOver, plannedConcurrency.getAsInt());
    }

    /** Runs a storage job in the background with "busy" shown; a failure becomes the problem line. */
    <T> void work(String what, Job<T> job, Consumer<T> then) {
        busy.set(true);
        busyText.set(what + "…");
        problem.set("");
        afterJob.run();
        runner.run(what, job, r -> {
            busy.set(false);
            then.accept(r);
            afterJob.run();
            idle();
        }, e -> {
            busy.set(false);
            onJobFailed.run();
            problem.set(what + " failed: " + Failures.describe(e).oneLine());
            afterJob.run();
            idle();
        });
    }

    /** Closes the session in the background (releasing the source lock); errors are ignored. */
    void closeInBackground(MigrationSession old) {
        if (old != null) {
            runner.run("Close the migration session", ctx -> {
                old.close();
                return Boolean.TRUE;
            }, x -> {}, e -> {});
        }
    }

    /** Closes the wizard's run: cancels a copy or verify, and closes the session once nothing runs. */
    void close(boolean working) {
        if (closed.get()) {
            return;
        }
        closed.set(true);
        var c = control;
        if (c != null) {
            c.cancel();
        }
        if (working) {
            closeWhenIdle = true; // the running job ends on the cancel; the session is closed then
            return;
        }
        closeSession();
    }

    void idle() {
        if (closeWhenIdle) {
            closeWhenIdle = false;
            closeSession();
        }
    }

    private void closeSession() {
        MigrationSession s = session;
        session = null;
        if (s != null) {
            try {
                runner.run("Close the migration of " + cluster.name(), ctx -> {
                    s.close();
                    return Boolean.TRUE;
                }, x -> {}, e -> problem.set("Closing the migration failed: " + Failures.describe(e).oneLine()));
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                s.close(); // the console is quitting: release the source lock now, on this thread, rather than leave it
            }
        }
    }

    static void closeQuietly(MigrationSession s) {
        if (s != null) {
            s.close();
        }
    }

    private void accept(EventPump.Batch batch) {
        if (batch.latest() != null) {
            progress.set(batch.latest());
        }
        for (MigrationEvent e : batch.events()) {
            String line = switch (e) {
                case MigrationEvent.PhaseStarted s -> null;
                case MigrationEvent.PhaseFinished f -> f.phase().title() + (f.ok() ? ": " : " did not succeed: ") + f.summary();
                case MigrationEvent.Notice n -> (n.level() == MigrationEvent.Level.INFO ? "" : n.level().name().toLowerCase() + ": ")
                        + n.message();
                case MigrationEvent.Progress p -> null;
            };
            if (line != null) {
                notices.add(line);
            }
        }
        if (notices.size() > WizardViewModel.NOTICES_KEPT) {
            notices.remove(0, notices.size() - WizardViewModel.NOTICES_KEPT);
        }
    }
}
