package dev.omnigraph.console.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omnigraph.console.testing.S3TestServer;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class S3ObjectStoreContractTest extends ObjectStoreContract {

    @Override
    protected ObjectStore newStore() {
        return new S3ObjectStore(S3TestServer.newRoot("contract", "clusters/company-brain"), S3TestServer.settings());
    }

    @Override
    protected boolean supportsConditionalDelete() {
        return false; // s3proxy answers 501 to DELETE with If-Match
    }

    @Test
    void keysLiveUnderTheRootPrefix() throws Exception {
        store.put("__cluster/state.json", "{}".getBytes(UTF_8), WriteCondition.IF_ABSENT);
        StoreUri.S3 uri = (StoreUri.S3) store.uri();
        try (ObjectStore bucketRoot = new S3ObjectStore(new StoreUri.S3(uri.bucket(), ""), S3TestServer.settings())) {
            assertThat(bucketRoot.stat("clusters/company-brain/__cluster/state.json")).isPresent();
        }
    }

    @Test
    void serverSideCopyWithinOneEndpoint() throws Exception {
        byte[] body = "payload".getBytes(UTF_8);
        store.put("graphs/a.omni/data/1.lance", body, WriteCondition.IF_ABSENT);
        try (ObjectStore dest = new S3ObjectStore(S3TestServer.newRoot("copy-dest", "moved"), S3TestServer.settings())) {
            PutResult r = dest.copyFrom(store, "graphs/a.omni/data/1.lance", "graphs/a.omni/data/1.lance", WriteCondition.IF_ABSENT)
                    .orElseThrow();
            assertThat(r).isInstanceOf(PutResult.Written.class);
            assertThat(dest.read("graphs/a.omni/data/1.lance", 100).orElseThrow().bytes()).isEqualTo(body);
        }
    }

    @Test
    void aMissingBucketIsNamed() {
        try (ObjectStore missing = new S3ObjectStore(new StoreUri.S3("no-such-bucket-here", "x"), S3TestServer.settings())) {
            assertThatThrownBy(() -> missing.read("__cluster/state.json", 100))
                    .isInstanceOfSatisfying(StorageException.class,
                            e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.NO_SUCH_BUCKET));
        }
    }

    @Test
    void wrongCredentialsAreReportedAsSuch() {
        S3Settings bad = S3TestServer.settings().withKeys(new S3Settings.StaticKeys("WRONGKEY1234", "wrong-secret", null));
        try (ObjectStore s = new S3ObjectStore((StoreUri.S3) store.uri(), bad)) {
            assertThatThrownBy(() -> s.read("__cluster/state.json", 100))
                    .isInstanceOfSatisfying(StorageException.class, e -> {
                        assertThat(e.kind()).isIn(StorageException.Kind.INVALID_CREDENTIALS, StorageException.Kind.ACCESS_DENIED);
                        assertThat(e.describe()).doesNotContain("wrong-secret");
                    });
        }
    }

    @Test
    void anUnreachableEndpointFailsFastWithAClearKind() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        S3Settings dead = S3TestServer.settings().withEndpoint("http://127.0.0.1:" + port).withMaxAttempts(2);
        long start = System.nanoTime();
        try (ObjectStore s = new S3ObjectStore(new StoreUri.S3("bucket", ""), dead)) {
            assertThatThrownBy(() -> s.read("__cluster/state.json", 100))
                    .isInstanceOfSatisfying(StorageException.class,
                            e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.UNREACHABLE));
        }
        // a figure, not an assertion (a loaded machine must not fail the suite): target/races-figures.txt
        dev.omnigraph.console.testing.Figures.record("s3-unreachable: refused connection reported as UNREACHABLE in "
                + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms (2 attempts)");
    }
}
