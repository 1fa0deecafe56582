package dev.omnigraph.console.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.cluster.ClusterReader;
import dev.omnigraph.console.cluster.ClusterSnapshot;
import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.demo.DemoClusterGenerator;
import dev.omnigraph.console.demo.DemoOptions;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.S3ObjectStore;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.testing.S3TestServer;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Opening a cluster through the {@link FaultProxy}, one kind of fault at a time: the load either
 * gives exactly the fault-free snapshot (the client retried through the faults) or fails with a
 * typed {@link StorageException} that says what happened — never a hang (a stalled answer ends at
 * the 1 s read timeout) and never a wrong snapshot. Once the faults stop, the next load equals the
 * fault-free snapshot.
 */
class BrowsingUnderFaultsTest {
    /** The kinds a failed load may report: transient, server-side, or "outcome unknown" (never credentials, keys or bad data). */
    private static final Set<StorageException.Kind> TRANSIENT = EnumSet.of(StorageException.Kind.THROTTLED,
            StorageException.Kind.SERVER_ERROR, StorageException.Kind.TIMEOUT, StorageException.Kind.UNREACHABLE);

    private static StoreUri.S3 root;
    private static String baseline;
    private static FaultProxy proxy;

    @BeforeAll
    static void demoCluster() throws Exception {
        root = S3TestServer.newRoot("browse-faults", "clusters/browse");
        try (ObjectStore direct = new S3ObjectStore(root, S3TestServer.settings())) {
            DemoClusterGenerator.write(direct, new DemoOptions("browse", true, false, Duration.ZERO, 0, 40, 4096, 0, 0, 5), Progress.NONE);
            baseline = fingerprint(ClusterReader.read(direct, ClusterLocation.ofRoot(root), Progress.NONE));
        }
        proxy = FaultProxy.start(S3TestServer.get().port());
    }

    @AfterAll
    static void stop() {
        if (proxy != null) {
            proxy.close();
            ReliabilityFigures.record("browsing", proxy);
        }
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void aLoadUnderFaultsIsRightOrFailsClearlyAndTheNextLoadRecovers(Fault kind) throws Exception {
        long before = proxy.injected(kind);
        proxy.schedule(FaultSchedule.of(kind.ordinal() * 7919L + 17, kind == Fault.STALL ? 0.08 : 0.3, 2, kind));
        // a stall costs one read timeout; elsewhere a longer one keeps a loaded machine from adding timeouts of its own
        S3Settings settings = S3TestServer.settings().withEndpoint(proxy.endpoint())
                .withReadTimeout(Duration.ofSeconds(kind == Fault.STALL ? 1 : 2)).withMaxAttempts(3);
        int loads = 0;
        int failures = 0;
        try (ObjectStore store = new S3ObjectStore(root, settings)) {
            // two loads, and more (up to eight) until the schedule has really hit a request: which
            // requests a load makes varies a little (parallel listings), so a rare fault may miss two
            boolean writes = kind == Fault.CONDITIONAL_CONFLICT_409;
            for (int round = 0; round < 2 || (!writes && proxy.injected(kind) == before && round < 8); round++) {
                loads++;
                try {
                    assertThat(fingerprint(ClusterReader.read(store, ClusterLocation.ofRoot(root), Progress.NONE)))
                            .as("a snapshot read through %s faults is the fault-free one", kind).isEqualTo(baseline);
                } catch (StorageException e) {
                    failures++;
                    ReliabilityFigures.line("browsing " + kind + " failed: " + e.describe() + " cause " + e.getCause());
                    assertThat(e.kind()).as(e.describe()).isIn(TRANSIENT);
                    assertThat(e.describe()).contains(root.bucket()).contains(e.kind().hint());
                }
                proxy.schedule(FaultSchedule.of(kind.ordinal() * 7919L + 17 + round + 1, kind == Fault.STALL ? 0.08 : 0.3, 2, kind));
            }
            if (kind != Fault.CONDITIONAL_CONFLICT_409) {
                assertThat(proxy.injected(kind) - before).as("faults of kind %s were injected", kind).isPositive();
            } else {
                assertThat(proxy.injected(kind) - before).as("browsing never writes").isZero();
            }

            proxy.schedule(FaultSchedule.NONE);
            assertThat(fingerprint(ClusterReader.read(store, ClusterLocation.ofRoot(root), Progress.NONE)))
                    .as("the first load after the faults stopped").isEqualTo(baseline);
        }
        ReliabilityFigures.browsing(kind, loads + 1, failures);
    }

    /** What the console shows of a snapshot, without the moment and duration of the read. */
    static String fingerprint(ClusterSnapshot s) {
        return String.join("\n",
                "ledger " + s.ledgerIfPresent().map(l -> l.cas()).orElse(s.ledger().getClass().getSimpleName()),
                "lock " + s.lock().getClass().getSimpleName(),
                "approvals " + s.approvals().stream().map(a -> a.key() + "=" + a.parse().artifact().isPresent()).collect(Collectors.joining(",")),
                "recoveries " + s.recoveries().stream().map(a -> a.key() + "=" + a.parse().artifact().isPresent()).collect(Collectors.joining(",")),
                "catalog " + s.catalog().entries(),
                "graphs " + s.graphs(),
                "diagnostics " + s.diagnostics(),
                "listed " + s.objectsListed());
    }
}
