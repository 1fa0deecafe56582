package dev.omnigraph.console.storage;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * {@link S3Connections}' reading of HTTP answers, against a scripted server on the loopback
 * interface: interim answers are skipped, chunked bodies are joined, a kept-alive connection is
 * reused, an answer cut short is an error after sending (not {@link S3Connections.NotSent}), and a
 * refused connection is a connect failure.
 */
class S3ConnectionsTest {

    /** Answers each request (head + Content-Length body) on a connection with the next scripted answer. */
    private static final class ScriptedServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        final List<Integer> connections = new CopyOnWriteArrayList<>();

        ScriptedServer(List<String> answers) throws IOException {
            Thread t = new Thread(() -> serve(answers), "scripted-http");
            t.setDaemon(true);
            t.start();
        }

        private void serve(List<String> answers) {
            int next = 0;
            try {
                while (next < answers.size()) {
                    try (Socket s = socket.accept()) {
                        connections.add(next);
                        InputStream in = s.getInputStream();
                        while (next < answers.size() && readRequest(in)) {
                            String answer = answers.get(next++);
                            s.getOutputStream().write(answer.getBytes(ISO_8859_1));
                            s.getOutputStream().flush();
                            if (answer.contains("Connection: close") || answer.contains("TRUNCATED")) {
                                break;
                            }
                        }
                    }
                }
            } catch (IOException ignored) {
                // the test is over
            }
        }

        private static boolean readRequest(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int c = in.read();
                if (c < 0) {
                    return false;
                }
                head.append((char) c);
            }
            int at = head.indexOf("content-length: ");
            int length = at < 0 ? 0 : Integer.parseInt(head.substring(at + 16, head.indexOf("\r\n", at)).trim());
            in.readNBytes(length);
            return true;
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static S3Connections to(int port) {
        return new S3Connections("127.0.0.1", port, Duration.ofSeconds(2), Duration.ofSeconds(5), 4);
    }

    private static byte[] request(int bodyLength) {
        return S3Connections.ascii("PUT /b/k HTTP/1.1\r\nhost: x\r\ncontent-length: " + bodyLength + "\r\n\r\n");
    }

    @Test
    void interimAnswersAreSkippedChunkedBodiesJoinedAndTheConnectionReused() throws Exception {
        try (ScriptedServer server = new ScriptedServer(List.of(
                "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nETag: \"e1\"\r\nContent-Length: 0\r\n\r\n",
                "HTTP/1.1 412 Precondition Failed\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n<Code\r\n"
                        + "1a\r\n>PreconditionFailed</Code>\r\n0\r\n\r\n"));
             S3Connections connections = to(server.port())) {
            byte[] body = "abc".getBytes(ISO_8859_1);

            S3Connections.Answer first = connections.exchange(request(3), body, 3);
            S3Connections.Answer second = connections.exchange(request(3), body, 3);

            assertThat(first.status()).isEqualTo(200);
            assertThat(first.header("etag")).isEqualTo("\"e1\"");
            assertThat(second.status()).isEqualTo(412);
            assertThat(new String(second.body(), ISO_8859_1)).isEqualTo("<Code>PreconditionFailed</Code>");
            assertThat(server.connections).as("one kept-alive connection for both").hasSize(1);
        }
    }

    @Test
    void anAnswerCutShortIsAFailureAfterSendingNotAnUnsentRequest() throws Exception {
        try (ScriptedServer server = new ScriptedServer(List.of("HTTP/1.1 200 OK\r\nContent-Length: 40\r\n\r\nTRUNCATED"));
             S3Connections connections = to(server.port())) {
            assertThatThrownBy(() -> connections.exchange(request(0), new byte[0], 0))
                    .isInstanceOf(EOFException.class).isNotInstanceOf(S3Connections.NotSent.class);
        }
    }

    @Test
    void aRefusedConnectionIsAConnectFailure() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        try (S3Connections connections = to(port)) {
            assertThatThrownBy(() -> connections.exchange(request(0), new byte[0], 0)).isInstanceOf(ConnectException.class);
        }
    }
}
