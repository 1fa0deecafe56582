package dev.omnigraph.console.ui.task;

import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/** Runs jobs on the calling thread: for view-model tests. */
public final class ImmediateTaskRunner implements TaskRunner {
    @Override
    public <T> TaskHandle run(String title, Job<T> job, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure,
                              ProgressSink progress) {
        JobContext ctx = new JobContext() {
            @Override
            public void progress(long done, long total, String message) {
                if (progress != null) {
                    progress.update(done, total, message);
                }
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
        T result;
        try {
            result = job.call(ctx);
        } catch (CancellationException e) {
            return TaskHandle.DONE;
        } catch (Exception | Error e) {
            onFailure.accept(e);
            return TaskHandle.DONE;
        }
        onSuccess.accept(result);
        return TaskHandle.DONE;
    }
}
