package dev.omnigraph.console.ui.task;

import dev.omnigraph.console.common.Progress;

/** What a running {@link Job} can tell the window, and ask of it: progress and cancellation. */
public interface JobContext extends Progress {
}
