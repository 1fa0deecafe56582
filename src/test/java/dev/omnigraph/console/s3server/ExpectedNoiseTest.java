package dev.omnigraph.console.s3server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.ObjectStores;
import dev.omnigraph.console.testing.S3TestServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The local S3 server's expected "Unknown parameters versioning" error stays out of the log; real errors do not. */
class ExpectedNoiseTest {
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            records.add(r);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void listen() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stop() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void askingForVersioningLogsNoSevereRecord() throws Exception {
        S3TestServer.get();
        try (ObjectStore store = ObjectStores.open(S3TestServer.newRoot("noise", "p"), S3TestServer.settings())) {
            store.versioningEnabled();
        }
        assertThat(records).extracting(r -> String.valueOf(r.getMessage())).noneMatch(m -> m.contains("Unknown parameters versioning"));
    }

    @Test
    void otherErrorsOfTheSameLoggerStillReachTheLog() {
        ExpectedNoise.install();
        Logger.getLogger(ExpectedNoise.HANDLER_LOGGER).log(Level.SEVERE, "Unknown parameters acl with URI /b");
        assertThat(records).extracting(LogRecord::getMessage).contains("Unknown parameters acl with URI /b");
    }
}
