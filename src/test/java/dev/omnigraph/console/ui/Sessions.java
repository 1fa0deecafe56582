package dev.omnigraph.console.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.cluster.model.SerdeJson;
import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.demo.DemoClusterGenerator;
import dev.omnigraph.console.demo.DemoOptions;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.PutResult;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.storage.StoredObject;
import dev.omnigraph.console.storage.WriteCondition;
import dev.omnigraph.console.ui.session.ClusterSession;
import dev.omnigraph.console.ui.session.ConnectionSpec;
import dev.omnigraph.console.ui.session.PollScheduler;
import dev.omnigraph.console.ui.session.SessionSettings;
import dev.omnigraph.console.ui.task.ImmediateTaskRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** Sessions over real stores with the immediate runner: view-models are tested without a window. */
public final class Sessions {
    private Sessions() {}

    public static ObjectStore demo(ObjectStore store, DemoOptions options) throws Exception {
        DemoClusterGenerator.write(store, options, Progress.NONE);
        return store;
    }

    public static ClusterSession open(ObjectStore store, Optional<Path> configDir, Clock clock, PollScheduler scheduler) {
        ClusterLocation location = new ClusterLocation(store.uri(), configDir, ClusterLocation.defaultName(store.uri()));
        ClusterSession s = new ClusterSession(new ConnectionSpec(location, S3Settings.fromEnvironment(Map.of())), store,
                new ImmediateTaskRunner(), scheduler, SessionSettings.defaults(), clock);
        s.refresh();
        return s;
    }

    public static ClusterSession open(ObjectStore store) {
        return open(store, Optional.empty(), Clock.systemUTC(), PollScheduler.MANUAL);
    }

    /** Rewrites the ledger as a writer would: revision + 1, conditional on the current ETag. */
    public static void bumpLedger(ObjectStore store) throws Exception {
        StoredObject current = store.read(ClusterLayout.STATE, 1 << 24).orElseThrow();
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(current.bytes());
        json.put("state_revision", json.path("state_revision").asLong() + 1);
        byte[] next = (SerdeJson.pretty(json) + "\n").getBytes(StandardCharsets.UTF_8);
        PutResult r = store.put(ClusterLayout.STATE, next, WriteCondition.ifMatch(current.token()));
        if (!(r instanceof PutResult.Written)) {
            throw new IllegalStateException("ledger changed under the test");
        }
    }

    /** Replaces a catalog blob's bytes in place (If-Match), so its name no longer matches its hash. */
    public static void tamper(ObjectStore store, String key) throws Exception {
        StoredObject current = store.read(key, 1 << 20).orElseThrow();
        byte[] bytes = (new String(current.bytes(), StandardCharsets.UTF_8) + "\n-- tampered\n").getBytes(StandardCharsets.UTF_8);
        PutResult r = store.put(key, bytes, WriteCondition.ifMatch(current.token()));
        if (!(r instanceof PutResult.Written)) {
            throw new IllegalStateException("blob changed under the test");
        }
    }
}
