package dev.omnigraph.console.ui.task;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Runs jobs on a bounded pool of daemon threads and hands results to the JavaFX application
 * thread. Progress updates are coalesced: at most one pending UI update per job at any time.
 * Every job is listed in {@link #activities()} (running and finished, kept for the session) so
 * the admin can see and cancel what runs. {@link #shutdown()} cancels everything.
 */
public final class FxTaskRunner implements TaskRunner {
    private static final Logger LOG = Logger.getLogger(FxTaskRunner.class.getName());

    private final ExecutorService pool;
    private final ObservableList<Activity> activities = FXCollections.observableArrayList();

    public FxTaskRunner(int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "console-task-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newFixedThreadPool(threads, factory);
    }

    /** Every job of the session, newest last (read on the FX thread). */
    public ObservableList<Activity> activities() {
        return activities;
    }

    @Override
    public <T> TaskHandle run(String title, Job<T> job, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure,
                              ProgressSink progress) {
        Activity activity = new Activity(title);
        onFx(() -> activities.add(activity));
        RunningJob<T> running = new RunningJob<>(activity, progress);
        Future<?> future = pool.submit(() -> running.execute(job, onSuccess, onFailure));
        TaskHandle handle = new TaskHandle() {
            @Override
            public void cancel() {
                running.cancelled.set(true);
                future.cancel(true);
            }

            @Override
            public boolean isDone() {
                return future.isDone();
            }
        };
        activity.setCanceller(handle::cancel);
        return handle;
    }

    /**
     * One submitted job: its context (progress coalesced to at most one pending FX update), and
     * the hand-over of its result, failure or cancellation to the FX thread and its activity.
     */
    private static final class RunningJob<T> implements JobContext {
        private final Activity activity;
        private final ProgressSink progress;
        final AtomicBoolean cancelled = new AtomicBoolean();
        private final AtomicReference<long[]> pendingNumbers = new AtomicReference<>();
        private final AtomicReference<String> pendingMessage = new AtomicReference<>();
        private final AtomicBoolean scheduled = new AtomicBoolean();

        RunningJob(Activity activity, ProgressSink progress) {
            this.activity = activity;
            this.progress = progress;
        }

        @Override
        public void progress(long done, long total, String message) {
            pendingNumbers.set(new long[] {done, total});
            pendingMessage.set(message);
            if (scheduled.compareAndSet(false, true)) {
                Platform.runLater(this::showProgress);
            }
        }

        private void showProgress() {
            scheduled.set(false);
            long[] p = pendingNumbers.get();
            String m = pendingMessage.get();
            activity.update(p[0], p[1], m);
            if (progress != null && !cancelled.get()) {
                progress.update(p[0], p[1], m);
            }
        }

        @Override
        public boolean cancelled() {
            return cancelled.get() || Thread.currentThread().isInterrupted();
        }

        void execute(Job<T> job, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
            try {
                T result = job.call(this);
                Platform.runLater(() -> succeeded(result, onSuccess));
            } catch (CancellationException e) {
                Platform.runLater(() -> activity.finish(Activity.State.CANCELLED, null));
            } catch (Throwable e) {
                failed(e, onFailure);
            }
        }

        private void succeeded(T result, Consumer<? super T> onSuccess) {
            if (cancelled.get()) {
                activity.finish(Activity.State.CANCELLED, null);
                return;
            }
            activity.finish(Activity.State.SUCCEEDED, null);
            onSuccess.accept(result);
        }

        private void failed(Throwable e, Consumer<Throwable> onFailure) {
            if (cancelled.get()) {
                Platform.runLater(() -> activity.finish(Activity.State.CANCELLED, null));
                return;
            }
            LOG.log(Level.FINE, "job failed: " + activity.title(), e);
            Platform.runLater(() -> {
                activity.finish(Activity.State.FAILED, e.getMessage());
                onFailure.accept(e);
            });
        }
    }

    public void shutdown() {
        pool.shutdownNow();
    }

    private static void onFx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }
}
