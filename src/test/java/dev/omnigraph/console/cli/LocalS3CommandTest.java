package dev.omnigraph.console.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.storage.PutResult;
import dev.omnigraph.console.storage.S3ObjectStore;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.storage.WriteCondition;
import java.io.BufferedReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code local-s3}: a working loopback endpoint with printed credentials, objects on disk, stopped by an interrupt. */
class LocalS3CommandTest {
    @TempDir
    Path temp;

    @Test
    void servesABucketOnLoopbackWithThePrintedCredentialsUntilInterrupted() throws Exception {
        PipedInputStream pipe = new PipedInputStream(1 << 16);
        PrintStream out = new PrintStream(new PipedOutputStream(pipe), true, UTF_8);
        CliContext ctx = new CliContext(out, new PrintStream(java.io.OutputStream.nullOutputStream()), new BufferedReader(new StringReader("")),
                Map.of(), temp, false);
        Path data = temp.resolve("s3data");
        CompletableFuture<Integer> code = new CompletableFuture<>();
        Thread server = new Thread(() -> code.complete(CliMain.run(new String[] {"local-s3", "--data", data.toString(), "--bucket", "try-it"}, ctx)));
        server.start();
        Map<String, String> exports = new HashMap<>();
        BufferedReader lines = new BufferedReader(new java.io.InputStreamReader(pipe, UTF_8));
        for (String line; (line = lines.readLine()) != null && !line.startsWith("Serving"); ) {
            for (String part : line.trim().replace("export ", "").split(" ")) {
                int eq = part.indexOf('=');
                if (eq > 0 && part.startsWith("AWS_")) {
                    exports.put(part.substring(0, eq), part.substring(eq + 1));
                }
            }
        }
        String endpoint = exports.get("AWS_ENDPOINT_URL");
        assertThat(endpoint).startsWith("http://127.0.0.1:");
        S3Settings settings = S3Settings.fromEnvironment(exports).withKeys(new S3Settings.StaticKeys(exports.get("AWS_ACCESS_KEY_ID"),
                exports.get("AWS_SECRET_ACCESS_KEY"), null)).withConnectTimeout(Duration.ofSeconds(2)).withMaxAttempts(1);
        try (S3ObjectStore store = new S3ObjectStore(new StoreUri.S3("try-it", "demo"), settings)) {
            assertThat(store.put("hello.txt", "hi".getBytes(UTF_8), WriteCondition.IF_ABSENT)).isInstanceOf(PutResult.Written.class);
            assertThat(store.put("hello.txt", "again".getBytes(UTF_8), WriteCondition.IF_ABSENT)).isInstanceOf(PutResult.PreconditionFailed.class);
            assertThat(store.read("hello.txt", 100).orElseThrow().bytes()).isEqualTo("hi".getBytes(UTF_8));
        }
        try (var files = Files.walk(data)) {
            assertThat(files.filter(Files::isRegularFile).count()).isPositive();
        }

        server.interrupt();
        assertThat(code.get(20, TimeUnit.SECONDS)).isZero();
        int port = Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
        boolean stillListening;
        try (Socket s = new Socket("127.0.0.1", port)) {
            stillListening = true;
        } catch (java.io.IOException refused) {
            stillListening = false;
        }
        assertThat(stillListening).isFalse();
    }
}
