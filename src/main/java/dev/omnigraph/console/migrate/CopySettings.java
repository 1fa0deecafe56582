package dev.omnigraph.console.migrate;

import java.time.Duration;

/**
 * How hard the copy and verify phases push.
 *
 * @param concurrency   transfers in flight at once
 * @param maxAttempts   attempts per object (retries included) on throttling, 5xx, resets and unknown outcomes
 * @param firstBackoff  the first retry's delay; each further retry doubles it (with jitter) up to {@link #MAX_BACKOFF}
 * @param memoryBudget  bytes of buffers that streamed transfers may hold at once (large objects wait their turn)
 * @param tick          how often progress snapshots are published
 */
public record CopySettings(int concurrency, int maxAttempts, Duration firstBackoff, long memoryBudget, Duration tick) {
    public static final int DEFAULT_CONCURRENCY = 16;
    public static final int MAX_CONCURRENCY = 256;
    static final Duration MAX_BACKOFF = Duration.ofSeconds(8);

    public CopySettings {
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new IllegalArgumentException("concurrency must be between 1 and " + MAX_CONCURRENCY + ", not " + concurrency);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** Defaults sized for the running JVM: a quarter of the maximum heap for buffers, at least 32 MiB. */
    public static CopySettings defaults() {
        return withConcurrency(DEFAULT_CONCURRENCY);
    }

    public static CopySettings withConcurrency(int concurrency) {
        long budget = Math.max(32L << 20, Runtime.getRuntime().maxMemory() / 4);
        return new CopySettings(concurrency, 5, Duration.ofMillis(250), budget, Duration.ofMillis(250));
    }

    public CopySettings withAttempts(int attempts, Duration first) {
        return new CopySettings(concurrency, attempts, first, memoryBudget, tick);
    }

    /** The delay before retry number {@code retry} (1-based): exponential with full jitter. */
    long backoffMillis(int retry) {
        long cap = Math.min(MAX_BACKOFF.toMillis(), firstBackoff.toMillis() << Math.min(20, retry - 1));
        return (long) (cap / 2 + Math.random() * cap / 2);
    }
}
