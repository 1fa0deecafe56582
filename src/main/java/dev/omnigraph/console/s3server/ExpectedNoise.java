package dev.omnigraph.console.s3server;

import java.util.List;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * s3proxy logs {@code SEVERE Unknown parameters versioning with URI …} for every GetBucketVersioning
 * request it does not implement, and the capability probe asks that on every run: an expected
 * answer (the probe reports "versioning unknown"), not an error. This filter drops exactly those
 * records from s3proxy's request handler logger; every other record, including other unknown
 * parameters, still reaches the log.
 */
public final class ExpectedNoise implements Filter {
    /** The logger s3proxy's slf4j calls end up in (slf4j-jdk14 keeps the class name). */
    public static final String HANDLER_LOGGER = "org.gaul.s3proxy.S3ProxyHandler";
    /** Query parameters the probe sends that s3proxy does not implement. */
    private static final List<String> EXPECTED = List.of("Unknown parameters versioning ");

    /** JUL keeps loggers weakly: this one is pinned so its filter stays. */
    private static final Logger PINNED = Logger.getLogger(HANDLER_LOGGER);

    private final Filter previous;

    private ExpectedNoise(Filter previous) {
        this.previous = previous;
    }

    /** Installs the filter once (idempotent). */
    public static synchronized void install() {
        if (!(PINNED.getFilter() instanceof ExpectedNoise)) {
            PINNED.setFilter(new ExpectedNoise(PINNED.getFilter()));
        }
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        String message = record.getMessage();
        if (message != null && EXPECTED.stream().anyMatch(message::startsWith)) {
            return false;
        }
        return previous == null || previous.isLoggable(record);
    }
}
