package dev.omnigraph.console.backup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one piece of work per item on a fixed number of worker threads, publishing progress four
 * times a second. Pause holds back new items; cancel interrupts the workers and ends the run with
 * {@link CancellationException}. Each item's work handles its own retries and returns its outcome.
 */
final class ParallelRunner {
    /** The work for one item. */
    interface Work<T, R> {
        R run(T item) throws Exception;
    }

    private ParallelRunner() {}

    static <T, R> List<R> run(List<T> items, int concurrency, BackupControl control, ProgressCounter counter, BackupListener listener,
                              Work<T, R> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, concurrency), daemon("backup-worker"));
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("backup-progress"));
        ticker.scheduleAtFixedRate(() -> listener.progress(counter.snapshot(control.paused(), false)), 0, 250, TimeUnit.MILLISECONDS);
        boolean completed = false;
        try {
            List<Future<R>> futures = new ArrayList<>(items.size());
            for (T item : items) {
                futures.add(pool.submit(() -> {
                    control.awaitRunnable();
                    return work.run(item);
                }));
            }
            List<R> results = new ArrayList<>(items.size());
            for (Future<R> f : futures) {
                results.add(await(f, control));
            }
            completed = true;
            return results;
        } finally {
            pool.shutdownNow();
            ticker.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
            ticker.awaitTermination(5, TimeUnit.SECONDS);
            listener.progress(counter.snapshot(false, completed));
        }
    }

    private static <R> R await(Future<R> f, BackupControl control) throws Exception {
        while (true) {
            try {
                return f.get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (control.cancelled()) {
                    throw new CancellationException("cancelled");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof Exception ex) {
                    throw ex;
                }
                throw new IllegalStateException(cause);
            }
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
