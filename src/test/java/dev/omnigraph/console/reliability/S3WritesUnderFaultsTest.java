package dev.omnigraph.console.reliability;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.PutResult;
import dev.omnigraph.console.storage.S3ObjectStore;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.storage.StoredObject;
import dev.omnigraph.console.storage.WriteCondition;
import dev.omnigraph.console.testing.S3TestServer;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link S3ObjectStore}'s writes when the first exchange of a write is spoiled. A conditional put
 * whose outcome is unknown (the answer reset, a 500 or a stall after the server wrote it) is
 * resolved by re-reading, never by sending it again — which would meet its own write and report a
 * lost precondition. A 409 ConditionalRequestConflict or a 503 SlowDown (the write did not land)
 * is retried. A delete is never re-sent blindly.
 */
class S3WritesUnderFaultsTest {
    private static FaultProxy proxy;
    private static StoreUri.S3 root;
    private static ObjectStore store;
    private static int n;

    @BeforeAll
    static void start() throws Exception {
        proxy = FaultProxy.start(S3TestServer.get().port());
        root = S3TestServer.newRoot("writes-faults", "w");
        store = new S3ObjectStore(root, S3TestServer.settings().withEndpoint(proxy.endpoint()).withReadTimeout(Duration.ofSeconds(2))
                .withMaxAttempts(3));
    }

    @AfterAll
    static void stop() {
        store.close();
        proxy.close();
        ReliabilityFigures.record("s3-writes", proxy);
    }

    private static String spoilFirst(String method, Fault kind) {
        String key = "k" + (++n) + "-" + kind.name().toLowerCase();
        proxy.schedule(new FaultSchedule(1, 1.0, Set.of(kind), 1, method, root.objectKey(key)));
        return key;
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"RESET_MID_BODY", "INTERNAL_ERROR_500", "STALL"})
    void aCreateOnlyPutWhoseAnswerIsLostIsResolvedByRereadingNotResent(Fault kind) throws Exception {
        String key = spoilFirst("PUT", kind);
        byte[] bytes = ("created under " + kind).getBytes(UTF_8);
        long injected = proxy.injected(kind);

        PutResult r = store.put(key, bytes, WriteCondition.IF_ABSENT);

        assertThat(r).as("the write landed: it is ours, not a lost race (PUTs sent: %s, injected: %s)", proxy.requests("PUT", "/" + key),
                proxy.injected(kind) - injected).isInstanceOf(PutResult.Written.class);
        assertThat(proxy.injected(kind)).isEqualTo(injected + 1);
        assertThat(store.read(key, 1024).map(StoredObject::bytes)).contains(bytes);
        assertThat(proxy.requests("PUT", "/" + key)).as("sent once, resolved by re-reading").isEqualTo(1);
        assertThat(proxy.landedWrites("/" + key)).isEqualTo(1);
    }

    @Test
    void anIfMatchPutWhoseAnswerIsResetIsResolvedByRereading() throws Exception {
        String key = "k" + (++n) + "-replace";
        proxy.schedule(FaultSchedule.NONE);
        PutResult first = store.put(key, "v1".getBytes(UTF_8), WriteCondition.IF_ABSENT);
        proxy.schedule(new FaultSchedule(1, 1.0, Set.of(Fault.RESET_MID_BODY), 1, "PUT", root.objectKey(key)));

        PutResult r = store.put(key, "v2".getBytes(UTF_8), WriteCondition.ifMatch(((PutResult.Written) first).token()));

        assertThat(r).isInstanceOf(PutResult.Written.class);
        assertThat(store.read(key, 1024).map(o -> new String(o.bytes(), UTF_8))).contains("v2");
        assertThat(proxy.requests("PUT", "/" + key)).isEqualTo(2); // the create, and the replace sent once
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"CONDITIONAL_CONFLICT_409", "SLOW_DOWN_503"})
    void aWriteTheServerRefusedBeforeActingIsRetried(Fault kind) throws Exception {
        String key = spoilFirst("PUT", kind);
        byte[] bytes = ("retried after " + kind).getBytes(UTF_8);

        PutResult r = store.put(key, bytes, WriteCondition.IF_ABSENT);

        assertThat(r).isInstanceOf(PutResult.Written.class);
        assertThat(store.read(key, 1024).map(StoredObject::bytes)).contains(bytes);
        assertThat(proxy.requests("PUT", "/" + key)).as("refused once, then sent again").isEqualTo(2);
        assertThat(proxy.landedWrites("/" + key)).isEqualTo(1);
    }

    @Test
    void aDeleteWhoseAnswerIsLostIsReportedAsUnknownAndNeverResent() throws Exception {
        String key = "k" + (++n) + "-delete";
        proxy.schedule(FaultSchedule.NONE);
        store.put(key, "doomed".getBytes(UTF_8), WriteCondition.IF_ABSENT);
        proxy.schedule(new FaultSchedule(1, 1.0, Set.of(Fault.RESET_MID_BODY), 1, "DELETE", root.objectKey(key)));

        assertThatThrownBy(() -> store.deleteUnconditionally(key)).isInstanceOfSatisfying(StorageException.class,
                e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.OUTCOME_UNKNOWN));
        assertThat(proxy.requests("DELETE", "/" + key)).as("a delete is never re-sent blindly").isEqualTo(1);
        proxy.schedule(FaultSchedule.NONE);
        assertThat(store.stat(key)).as("it did land").isEmpty();
    }

    @Test
    void aReadWhoseBodyIsCutShortIsReadAgain() throws Exception {
        String key = "k" + (++n) + "-read";
        proxy.schedule(FaultSchedule.NONE);
        byte[] bytes = "0123456789".repeat(100).getBytes(UTF_8);
        store.put(key, bytes, WriteCondition.IF_ABSENT);
        for (Fault kind : new Fault[] {Fault.TRUNCATED_BODY, Fault.RESET_MID_BODY, Fault.STALL, Fault.INTERNAL_ERROR_500}) {
            long before = proxy.injected(kind);
            proxy.schedule(new FaultSchedule(1, 1.0, Set.of(kind), 1, "GET", root.objectKey(key)));
            assertThat(store.read(key, 1 << 20).map(StoredObject::bytes)).as(kind.name()).contains(bytes);
            assertThat(proxy.injected(kind)).isEqualTo(before + 1);
        }
    }
}
