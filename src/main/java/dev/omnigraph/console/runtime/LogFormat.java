package dev.omnigraph.console.runtime;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One log record per line ({@code 2026-01-05 14:03:07.120 WARNING [thread] logger: message}),
 * optionally followed by the exception chain, with every secret removed by a {@link Redactor}
 * before it is written (the redaction filter of the log file and of standard error).
 */
final class LogFormat extends Formatter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private final Redactor redactor;
    private final boolean stackTraces;

    /**
     * @param redactor    removes secrets from the whole formatted record
     * @param stackTraces the exception chain with frames (log file) or only its messages (stderr)
     */
    LogFormat(Redactor redactor, boolean stackTraces) {
        this.redactor = redactor;
        this.stackTraces = stackTraces;
    }

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(160);
        line.append(TIME.format(Instant.ofEpochMilli(record.getMillis()))).append(' ')
                .append(record.getLevel().getName()).append(" [").append(threadName(record)).append("] ")
                .append(shortName(record.getLoggerName())).append(": ").append(safeMessage(record));
        Throwable thrown = record.getThrown();
        if (thrown != null) {
            if (stackTraces) {
                StringWriter trace = new StringWriter();
                thrown.printStackTrace(new PrintWriter(trace));
                line.append(System.lineSeparator()).append(trace.toString().stripTrailing());
            } else {
                line.append(" (").append(CrashReport.oneLine(thrown)).append(')');
            }
        }
        return redactor.redact(line.toString()) + System.lineSeparator();
    }

    private String safeMessage(LogRecord record) {
        try {
            return formatMessage(record);
        } catch (RuntimeException e) {
            return String.valueOf(record.getMessage());
        }
    }

    private static String threadName(LogRecord record) {
        long id = record.getLongThreadID();
        Thread current = Thread.currentThread();
        return current.threadId() == id ? current.getName() : "thread-" + id;
    }

    /** {@code software.amazon.awssdk.services.s3.S3Client} → {@code s.a.a.s.s3.S3Client}. */
    static String shortName(String logger) {
        if (logger == null || logger.isEmpty()) {
            return "root";
        }
        String[] parts = logger.split("\\.");
        if (parts.length <= 3) {
            return logger;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < parts.length - 2; i++) {
            b.append(parts[i].isEmpty() ? "" : parts[i].substring(0, 1)).append('.');
        }
        return b.append(parts[parts.length - 2]).append('.').append(parts[parts.length - 1]).toString();
    }
}
