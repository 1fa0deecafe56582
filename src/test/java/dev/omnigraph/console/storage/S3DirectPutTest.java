package dev.omnigraph.console.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omnigraph.console.testing.S3TestServer;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link S3DirectPut}: small conditional PUTs sent without the SDK's pipeline on plain http
 * endpoints keep what the SDK path guarantees against the loopback S3 server: create-only and
 * If-Match writes with typed lost races, keys that need encoding, the server checking the payload
 * hash the engine computed, and a wrong key refused as such (not an unknown outcome).
 */
class S3DirectPutTest {

    @Test
    void aHeaderValueWithALineBreakIsNeverSent() {
        java.util.TreeMap<String, String> headers = new java.util.TreeMap<>(java.util.Map.of("host", "127.0.0.1:9000",
                "if-match", "\"abc\"\r\nx-amz-acl: public-read"));
        assertThatThrownBy(() -> S3DirectPut.head("/b/k", headers)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("if-match");
        headers.put("if-match", "\"abc\"");
        assertThat(new String(S3DirectPut.head("/b/k", headers), UTF_8)).startsWith("PUT /b/k HTTP/1.1\r\n")
                .contains("if-match: \"abc\"\r\n").endsWith("\r\n\r\n");
    }

    @Test
    void onlyPlainHttpEndpointsWithoutAPathGoDirect() {
        S3Settings local = S3TestServer.settings();
        var credentials = S3ClientFactory.credentials(local);
        assertThat(S3DirectPut.forSettings(local, credentials, "us-east-1")).isPresent();
        assertThat(S3DirectPut.forSettings(local.withEndpoint("https://s3.example.com"), credentials, "us-east-1")).isEmpty();
        assertThat(S3DirectPut.forSettings(local.withEndpoint("http://127.0.0.1:9000/base"), credentials, "us-east-1")).isEmpty();
        assertThat(S3DirectPut.forSettings(local.withEndpoint(null), credentials, "us-east-1")).as("AWS itself").isEmpty();
        assertThat(S3DirectPut.carries(16 * 1024)).isTrue();
        assertThat(S3DirectPut.carries(ExpectContinueForLargeBodies.MIN_BODY)).as("large bodies keep 100-continue").isFalse();
    }

    @Test
    void createOnlyAndIfMatchWritesAreConditional() throws Exception {
        try (S3ObjectStore store = new S3ObjectStore(S3TestServer.newRoot("direct", "c"), S3TestServer.settings())) {
            assertThat(store.root().direct()).isNotNull();
            byte[] v1 = "first version".getBytes(UTF_8);
            PutResult first = store.put("a/obj.bin", v1, WriteCondition.IF_ABSENT);
            assertThat(first).isInstanceOf(PutResult.Written.class);
            assertThat(((PutResult.Written) first).token()).isEqualTo(Hashing.hex(Hashing.md5().digest(v1)));

            assertThat(store.put("a/obj.bin", "intruder".getBytes(UTF_8), WriteCondition.IF_ABSENT))
                    .isInstanceOf(PutResult.PreconditionFailed.class);
            assertThat(store.put("a/obj.bin", "stale".getBytes(UTF_8), WriteCondition.ifMatch("0123456789abcdef0123456789abcdef")))
                    .isInstanceOf(PutResult.PreconditionFailed.class);
            assertThat(store.put("a/missing.bin", "nothing to match".getBytes(UTF_8),
                    WriteCondition.ifMatch(((PutResult.Written) first).token()))).isInstanceOf(PutResult.PreconditionFailed.class);
            assertThat(store.put("a/obj.bin", "second".getBytes(UTF_8), WriteCondition.ifMatch(((PutResult.Written) first).token())))
                    .isInstanceOf(PutResult.Written.class);

            assertThat(store.read("a/obj.bin", 1024).map(o -> new String(o.bytes(), UTF_8))).contains("second");
            assertThat(store.stat("a/missing.bin")).isEmpty();
        }
    }

    @Test
    void keysThatNeedEncodingLandUnderTheirOwnName() throws Exception {
        List<String> keys = List.of("dir with space/plus+equals=.bin", "ünïcødé/ключ.lance", "odd/tilde~and(paren)'quote'!.bin");
        try (S3ObjectStore store = new S3ObjectStore(S3TestServer.newRoot("direct-keys", "k"), S3TestServer.settings())) {
            for (String key : keys) {
                assertThat(store.put(key, key.getBytes(UTF_8), WriteCondition.IF_ABSENT)).isInstanceOf(PutResult.Written.class);
            }
            for (String key : keys) {
                assertThat(store.read(key, 1024).map(o -> new String(o.bytes(), UTF_8))).contains(key);
            }
        }
    }

    @Test
    void theHashOfTheHashedStreamIsTheSignedPayloadHashAndTheServerChecksIt() throws Exception {
        byte[] body = "hashed once on the way in".getBytes(UTF_8);
        try (S3ObjectStore store = new S3ObjectStore(S3TestServer.newRoot("direct-hash", "h"), S3TestServer.settings())) {
            Sha256InputStream hashed = new Sha256InputStream(new ByteArrayInputStream(body));
            assertThat(store.putStream("ok.bin", hashed, body.length, WriteCondition.IF_ABSENT, null)).isInstanceOf(PutResult.Written.class);
            assertThat(hashed.sha256Hex()).isEqualTo(Hashing.sha256Hex(body));

            S3Uploads uploads = new S3Uploads(store.root(), new S3UnknownOutcome(store), S3ObjectStore.SINGLE_PUT_MAX);
            String wrong = Hashing.sha256Hex("other bytes".getBytes(UTF_8));
            assertThatThrownBy(() -> uploads.put("bad.bin", body, wrong, WriteCondition.IF_ABSENT)).isInstanceOf(StorageException.class);
            assertThat(store.stat("bad.bin")).as("a body that does not match its signed hash is not stored").isEmpty();
        }
    }

    @Test
    void aWrongSecretIsRefusedAsInvalidCredentials() throws Exception {
        S3Settings good = S3TestServer.settings();
        S3Settings wrong = good.withKeys(new S3Settings.StaticKeys(good.keys().accessKeyId(), "not-the-secret", null));
        try (S3ObjectStore store = new S3ObjectStore(S3TestServer.newRoot("direct-keys-wrong", "w"), wrong)) {
            assertThatThrownBy(() -> store.put("x.bin", "x".getBytes(UTF_8), WriteCondition.IF_ABSENT))
                    .isInstanceOfSatisfying(StorageException.class,
                            e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.INVALID_CREDENTIALS));
        }
        try (S3ObjectStore store = new S3ObjectStore(S3TestServer.newRoot("direct-keys-right", "w"), good)) {
            assertThat(store.stat("x.bin")).isEqualTo(Optional.empty());
        }
    }

    @Test
    void aServerSideCopyReturnsTheNewETagAndPinsTheSourceVersion() throws Exception {
        StoreUri.S3 srcRoot = S3TestServer.newRoot("direct-copy", "src");
        try (S3ObjectStore src = new S3ObjectStore(srcRoot, S3TestServer.settings());
             S3ObjectStore dst = new S3ObjectStore(new StoreUri.S3(srcRoot.bucket(), "dst"), S3TestServer.settings())) {
            byte[] body = "copied by the server".getBytes(UTF_8);
            src.put("dir with space/a+b.bin", body, WriteCondition.IF_ABSENT);
            ObjectInfo info = src.stat("dir with space/a+b.bin").orElseThrow();

            Optional<CheckedCopy> copied = dst.copyChecked(src, info, "dir with space/a+b.bin");

            assertThat(copied).containsInstanceOf(CheckedCopy.Confirmed.class);
            assertThat(((CheckedCopy.Confirmed) copied.get()).etag()).isEqualTo(info.etag());
            assertThat(dst.read("dir with space/a+b.bin", 1024).map(StoredObject::bytes)).contains(body);

            ObjectInfo stale = new ObjectInfo(info.key(), info.size(), info.lastModified(), "0123456789abcdef0123456789abcdef");
            assertThatThrownBy(() -> dst.copyFrom(src, stale, "other.bin", WriteCondition.IF_ABSENT))
                    .as("x-amz-copy-source-if-match pins the listed version").isInstanceOf(StorageException.class)
                    .hasMessageContaining("changed while it was being copied");
            assertThat(dst.stat("other.bin")).isEmpty();
        }
    }

    @Test
    void aWriteRefusedForOurClockIsSignedAgainWithTheServers() throws Exception {
        try (S3ObjectStore store = new S3ObjectStore(S3TestServer.newRoot("direct-skew", "s"), S3TestServer.settings())) {
            S3Signer signer = store.root().direct().signer();
            String anHourAgo = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).minusHours(1));
            assertThat(signer.adoptServerClock(anHourAgo)).isTrue();

            assertThat(store.put("late.bin", "signed an hour late".getBytes(UTF_8), WriteCondition.IF_ABSENT))
                    .isInstanceOf(PutResult.Written.class);

            assertThat(Math.abs(signer.skewMillis())).as("the server's Date was adopted").isLessThan(5 * 60_000L);
            assertThat(store.read("late.bin", 1024).map(o -> new String(o.bytes(), UTF_8))).contains("signed an hour late");
        }
    }
}
