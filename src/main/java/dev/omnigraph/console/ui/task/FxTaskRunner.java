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
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicReference<long[]> pendingNumbers = new AtomicReference<>();
        AtomicReference<String> pendingMessage = new AtomicReference<>();
        AtomicBoolean scheduled = new AtomicBoolean();
        JobContext ctx = new JobContext() {
            @Override
            public void progress(long done, long total, String message) {
                pendingNumbers.set(new long[] {done, total});
                pendingMessage.set(message);
                if (scheduled.compareAndSet(false, true)) {
                    Platform.runLater(() -> {
                        scheduled.set(false);
                        long[] p = pendingNumbers.get();
                        String m = pendingMessage.get();
                        activity.update(p[0], p[1], m);
                        if (progress != null && !cancelled.get()) {
                            progress.update(p[0], p[1], m);
                        }
                    });
                }
            }

            @Override
            public boolean cancelled() {
                return cancelled.get() || Thread.currentThread().isInterrupted();
            }
        };
        Future<?> future = pool.submit(() -> {
            try {
                T result = job.call(ctx);
                Platform.runLater(() -> {
                    if (cancelled.get()) {
                        activity.finish(Activity.State.CANCELLED, null);
                        return;
                    }
                    activity.finish(Activity.State.SUCCEEDED, null);
                    onSuccess.accept(result);
                });
            } catch (CancellationException e) {
                Platform.runLater(() -> activity.finish(Activity.State.CANCELLED, null));
            } catch (Throwable e) {
                if (cancelled.get()) {
                    Platform.runLater(() -> activity.finish(Activity.State.CANCELLED, null));
                    return;
                }
                LOG.log(Level.FINE, "job failed: " + title, e);
                Platform.runLater(() -> {
                    activity.finish(Activity.State.FAILED, e.getMessage());
                    onFailure.accept(e);
                });
            }
        });
        TaskHandle handle = new TaskHandle() {
            @Override
            public void cancel() {
                cancelled.set(true);
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
