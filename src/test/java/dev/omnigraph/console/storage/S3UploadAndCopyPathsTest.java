package dev.omnigraph.console.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omnigraph.console.testing.S3TestServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The upload and server-side copy paths of {@link S3ObjectStore} against the loopback S3 server:
 * which requests wait for "100 Continue", multipart uploads, ETag parity of server-side copies
 * (single-part and multipart with the source's part layout) and the checked copy used where copy
 * preconditions are not proven.
 */
class S3UploadAndCopyPathsTest {

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static byte[] readAll(ObjectStore store, String key) throws Exception {
        try (InputStream in = store.openStream(key).orElseThrow()) {
            return in.readAllBytes();
        }
    }

    @Test
    void onlyLargeBodiesWaitForOneHundredContinue() throws Exception {
        try (HeaderRecorder proxy = new HeaderRecorder(S3TestServer.get().endpoint());
             S3ObjectStore store = new S3ObjectStore(S3TestServer.newRoot("expect", "p"), settingsVia(proxy.endpoint()))) {
            store.putStream("small.bin", new ByteArrayInputStream(random(16 * 1024, 1)), 16 * 1024, WriteCondition.IF_ABSENT, null);
            store.putStream("large.bin", new ByteArrayInputStream(random(3 * 1024 * 1024, 2)), 3 * 1024 * 1024,
                    WriteCondition.IF_ABSENT, null);

            String small = proxy.requestTo("/small.bin");
            String large = proxy.requestTo("/large.bin");
            assertThat(small).startsWith("PUT ").doesNotContainIgnoringCase("expect: 100-continue");
            assertThat(large).startsWith("PUT ").containsIgnoringCase("expect: 100-continue");
            assertThat(small).doesNotContainIgnoringCase("aws-chunked"); // a buffered body goes in one piece
            assertThat(readAll(store, "small.bin")).isEqualTo(random(16 * 1024, 1));
            assertThat(readAll(store, "large.bin")).isEqualTo(random(3 * 1024 * 1024, 2));
        }
    }

    @Test
    void aMultipartUploadUsesOneBufferAndLandsWhole() throws Exception {
        byte[] data = random(19 * 1024 * 1024 + 7, 3);
        try (S3ObjectStore store = new S3ObjectStore(S3TestServer.newRoot("multipart", "p"), S3TestServer.settings(), 4L * 1024 * 1024)) {
            PutResult r = store.putStream("big.bin", new ByteArrayInputStream(data), data.length, WriteCondition.IF_ABSENT, null);
            assertThat(r).isInstanceOf(PutResult.Written.class);
            assertThat(((PutResult.Written) r).token()).endsWith("-3"); // 8 MiB parts: 8 + 8 + 3
            assertThat(readAll(store, "big.bin")).isEqualTo(data);
        }
    }

    @Test
    void serverSideCopiesKeepTheSourceETagSingleAndMultipart() throws Exception {
        StoreUri.S3 srcRoot = S3TestServer.newRoot("parity", "src");
        byte[] single = random(2 * 1024 * 1024, 4);
        byte[] multi = random(17 * 1024 * 1024, 5);
        try (S3ObjectStore src = new S3ObjectStore(srcRoot, S3TestServer.settings(), 4L * 1024 * 1024);
             S3ObjectStore dst = new S3ObjectStore(new StoreUri.S3(srcRoot.bucket(), "dst"), S3TestServer.settings())) {
            src.putStream("single.bin", new ByteArrayInputStream(single), single.length, WriteCondition.IF_ABSENT, null);
            src.putStream("multi.bin", new ByteArrayInputStream(multi), multi.length, WriteCondition.IF_ABSENT, null);
            ObjectInfo s = src.stat("single.bin").orElseThrow();
            ObjectInfo m = src.stat("multi.bin").orElseThrow();
            assertThat(m.etag()).endsWith("-3");

            assertThat(dst.copyFrom(src, s, "single.bin", WriteCondition.IF_ABSENT)).containsInstanceOf(PutResult.Written.class);
            assertThat(dst.copyFrom(src, m, "multi.bin", WriteCondition.IF_ABSENT)).containsInstanceOf(PutResult.Written.class);

            assertThat(dst.stat("single.bin").orElseThrow().etag()).isEqualTo(s.etag());
            assertThat(dst.stat("multi.bin").orElseThrow().etag()).isEqualTo(m.etag());
            assertThat(readAll(dst, "multi.bin")).isEqualTo(multi);
        }
    }

    @Test
    void aCheckedCopyIsConfirmedByTheSourceETagAndAStaleListingIsRefused() throws Exception {
        StoreUri.S3 srcRoot = S3TestServer.newRoot("checked", "src");
        byte[] body = random(64 * 1024, 6);
        try (S3ObjectStore src = new S3ObjectStore(srcRoot, S3TestServer.settings());
             S3ObjectStore dst = new S3ObjectStore(new StoreUri.S3(srcRoot.bucket(), "dst"), S3TestServer.settings())) {
            src.put("a.bin", body, WriteCondition.IF_ABSENT);
            ObjectInfo a = src.stat("a.bin").orElseThrow();

            assertThat(dst.copyChecked(src, a, "a.bin")).hasValue(new CheckedCopy.Confirmed(a.etag()));
            assertThat(readAll(dst, "a.bin")).isEqualTo(body);

            // a listing that no longer matches the source (it changed after the plan): the copy is refused, nothing is counted
            ObjectInfo stale = new ObjectInfo("a.bin", a.size(), a.lastModified(), "0123456789abcdef0123456789abcdef");
            assertThatThrownBy(() -> dst.copyChecked(src, stale, "b.bin")).isInstanceOf(StorageException.class)
                    .hasMessageContaining("changed while it was being copied");
            assertThat(dst.stat("b.bin")).isEmpty();
        }
    }

    @Test
    void aFolderCannotCopyServerSide() throws Exception {
        StoreUri.S3 srcRoot = S3TestServer.newRoot("folder", "src");
        try (S3ObjectStore src = new S3ObjectStore(srcRoot, S3TestServer.settings());
             ObjectStore folder = new FileObjectStore(new StoreUri.Local(java.nio.file.Files.createTempDirectory("copy-checked")))) {
            src.put("a.bin", random(10, 7), WriteCondition.IF_ABSENT);
            assertThat(folder.copyChecked(src, src.stat("a.bin").orElseThrow(), "a.bin")).isEmpty();
        }
    }

    private static S3Settings settingsVia(String endpoint) {
        S3Settings s = S3TestServer.settings();
        return new S3Settings(endpoint, "us-east-1", true, null, s.keys(), true, 8, Duration.ofSeconds(5), 5);
    }

    /** A loopback TCP relay that keeps the header block of every request it forwards to the server. */
    private static final class HeaderRecorder implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<String> requests = new CopyOnWriteArrayList<>();
        private final int upstream;

        HeaderRecorder(String upstreamEndpoint) throws IOException {
            this.upstream = java.net.URI.create(upstreamEndpoint).getPort();
            Thread.ofVirtual().start(this::accept);
        }

        String endpoint() {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }

        String requestTo(String pathSuffix) {
            return requests.stream().filter(r -> r.lines().findFirst().orElse("").contains(pathSuffix + " ")
                    || r.lines().findFirst().orElse("").contains(pathSuffix + "?")).filter(r -> r.startsWith("PUT ")).findFirst().orElse("");
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    Socket server = new Socket(InetAddress.getLoopbackAddress(), upstream);
                    Thread.ofVirtual().start(() -> pump(client, server, true));
                    Thread.ofVirtual().start(() -> pump(server, client, false));
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void pump(Socket from, Socket to, boolean record) {
            StringBuilder head = new StringBuilder();
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                byte[] buf = new byte[64 * 1024];
                int n;
                while ((n = in.read(buf)) > 0) {
                    if (record) {
                        collect(head, new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                    }
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException ignored) {
                // one side closed
            } finally {
                try {
                    to.shutdownOutput();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }

        /** Keeps every text that starts like a request line up to its blank line (bodies in between are skipped). */
        private void collect(StringBuilder head, String chunk) {
            for (String line : chunk.split("\r\n", -1)) {
                if (head.isEmpty() && !line.matches("^(GET|PUT|POST|HEAD|DELETE) \\S+ HTTP/1\\.1$")) {
                    continue;
                }
                if (line.isEmpty()) {
                    requests.add(head.toString());
                    head.setLength(0);
                } else {
                    head.append(line).append('\n');
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
