package dev.omnigraph.console.storage;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Plain HTTP/1.1 connections to one endpoint, kept alive and reused, for {@link S3DirectPut}: one
 * request written whole, its answer read whole, on the caller's thread (no hand-off to another
 * thread, no pipeline around it). A connection idle for a while is checked before it is reused.
 */
final class S3Connections implements AutoCloseable {
    private static final long CHECK_AFTER_IDLE_NANOS = 1_000_000_000L;
    private static final int ANSWER_MAX = 1024 * 1024;

    /** An answer: status, headers (lower-case names) and body. */
    record Answer(int status, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name);
        }
    }

    /** Writing the request failed: it did not reach the server whole, so the server cannot have acted on it. */
    static final class NotSent extends IOException {
        NotSent(IOException cause) {
            super("the request could not be sent whole (" + cause.getMessage() + ")", cause);
        }
    }

    private record Connection(Socket socket, BufferedInputStream in, OutputStream out, long idleSince) {
        Connection idleNow() {
            return new Connection(socket, in, out, System.nanoTime());
        }

        void closeQuietly() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a connection we give up
            }
        }
    }

    private final String host;
    private final int port;
    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;
    private final int keptIdle;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    S3Connections(String host, int port, Duration connectTimeout, Duration readTimeout, int keptIdle) {
        this.host = host;
        this.port = port;
        this.connectTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis());
        this.readTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, readTimeout.toMillis());
        this.keptIdle = Math.max(1, keptIdle);
    }

    /**
     * Sends {@code head} then {@code body[0, length)} and reads the answer. Throws {@link NotSent}
     * when the request could not be written (nothing reached the server whole); any other
     * {@link IOException} came after the request was sent: its outcome is unknown.
     */
    Answer exchange(byte[] head, byte[] body, int length) throws IOException {
        Connection c = take();
        try {
            try {
                c.out.write(head);
                c.out.write(body, 0, length);
                c.out.flush();
            } catch (IOException e) {
                throw new NotSent(e);
            }
            Answer a = read(c.in);
            if ("close".equalsIgnoreCase(a.header("connection")) || closed || idle.size() >= keptIdle) {
                c.closeQuietly();
            } else {
                idle.push(c.idleNow());
            }
            return a;
        } catch (IOException | RuntimeException e) {
            c.closeQuietly();
            throw e;
        }
    }

    private Connection take() throws IOException {
        for (Connection c = idle.poll(); c != null; c = idle.poll()) {
            if (System.nanoTime() - c.idleSince < CHECK_AFTER_IDLE_NANOS || stillOpen(c)) {
                return c;
            }
            c.closeQuietly();
        }
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.setKeepAlive(true);
            s.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
            s.setSoTimeout(readTimeoutMillis);
            return new Connection(s, new BufferedInputStream(s.getInputStream(), 8192), s.getOutputStream(), System.nanoTime());
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    /** A connection the server closed while it was idle reads end-of-stream at once; an open one has nothing to read. */
    private boolean stillOpen(Connection c) {
        try {
            c.socket.setSoTimeout(1);
            try {
                c.in.read(); // end-of-stream (closed), or a byte that answers nothing: drop the connection either way
                return false;
            } finally {
                c.socket.setSoTimeout(readTimeoutMillis);
            }
        } catch (SocketTimeoutException open) {
            return true;
        } catch (IOException gone) {
            return false;
        }
    }

    private static Answer read(InputStream in) throws IOException {
        String status = line(in);
        if (!status.startsWith("HTTP/1.") || status.length() < 12) {
            throw new IOException("not an HTTP answer: " + (status.length() > 40 ? status.substring(0, 40) : status));
        }
        int code = Integer.parseInt(status.substring(9, 12));
        Map<String, String> headers = new HashMap<>();
        for (String h = line(in); !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
            }
        }
        if (code / 100 == 1) {
            return read(in); // an interim answer (100 Continue without asking, 102 Processing): the final one follows
        }
        if (status.startsWith("HTTP/1.0") && !"keep-alive".equalsIgnoreCase(headers.get("connection"))) {
            headers.put("connection", "close");
        }
        return new Answer(code, headers, body(in, code, headers));
    }

    private static byte[] body(InputStream in, int code, Map<String, String> headers) throws IOException {
        if (code == 204 || code == 304) {
            return new byte[0];
        }
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int n = chunkSize(line(in)); n > 0; n = chunkSize(line(in))) {
                if (out.size() + n > ANSWER_MAX) {
                    throw new IOException("the answer is larger than " + ANSWER_MAX + " bytes");
                }
                out.write(in.readNBytes(n));
                line(in);
            }
            while (!line(in).isEmpty()) {
                // trailers: ignored
            }
            return out.toByteArray();
        }
        String length = headers.get("content-length");
        if (length == null) {
            headers.put("connection", "close");
            return in.readNBytes(ANSWER_MAX);
        }
        long n = Long.parseLong(length);
        if (n > ANSWER_MAX) {
            throw new IOException("the answer is larger than " + ANSWER_MAX + " bytes");
        }
        byte[] b = in.readNBytes((int) n);
        if (b.length != n) {
            throw new EOFException("the answer ended after " + b.length + " of " + n + " bytes");
        }
        return b;
    }

    private static int chunkSize(String line) throws IOException {
        int semi = line.indexOf(';');
        try {
            return Integer.parseInt((semi < 0 ? line : line.substring(0, semi)).trim(), 16);
        } catch (NumberFormatException e) {
            throw new IOException("a malformed chunk in the answer: " + line);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("the connection closed before the answer was complete");
            }
            if (c != '\r') {
                b.append((char) c);
            }
            if (b.length() > 16384) {
                throw new IOException("an answer line longer than 16 KiB");
            }
        }
        return b.toString();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        closed = true;
        for (Connection c = idle.poll(); c != null; c = idle.poll()) {
            c.closeQuietly();
        }
    }
}
