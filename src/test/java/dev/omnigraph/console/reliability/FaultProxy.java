package dev.omnigraph.console.reliability;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URLDecoder;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fault-injecting HTTP/1.1 proxy on 127.0.0.1 between an S3 client and a loopback S3 server.
 * The client talks to {@link #endpoint()} exactly as it would to the server (the Host header is
 * passed on unchanged, so SigV4 signatures still hold); a {@link FaultSchedule} decides which
 * exchanges are spoiled, and how ({@link Fault}). Every fault injected is counted by kind, and
 * every write that the server accepted (2xx to a PUT) is counted by path, whatever the client
 * then heard: that is how a test proves "exactly one ledger write".
 *
 * <p>One request per client connection: each answer says {@code Connection: close}. An
 * {@code Expect: 100-continue} is answered by the proxy itself (or refused at once with the
 * injected error, as S3 does). Request bodies (Content-Length or chunked) are read whole and
 * forwarded; the server's answer is read whole before it is passed on or spoiled.
 */
public final class FaultProxy implements AutoCloseable {
    /** How long a stalled exchange is held at most, when the client does not give up first. */
    private static final int STALL_MAX_MILLIS = 15_000;

    private final ServerSocket listener;
    private volatile int upstreamPort;
    private volatile FaultSchedule schedule = FaultSchedule.NONE;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<Fault, AtomicLong> injected = new EnumMap<>(Fault.class);
    private final Map<String, AtomicInteger> occurrences = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> landedWrites = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final AtomicLong exchanges = new AtomicLong();
    private final List<Socket> open = new ArrayList<>();
    private volatile boolean closed;

    private FaultProxy(ServerSocket listener, int upstreamPort) {
        this.listener = listener;
        this.upstreamPort = upstreamPort;
        for (Fault f : Fault.values()) {
            injected.put(f, new AtomicLong());
        }
        Thread accept = Thread.ofPlatform().daemon().name("fault-proxy-accept").start(this::acceptLoop);
        accept.setUncaughtExceptionHandler((t, e) -> { });
    }

    /** A proxy on a free loopback port in front of the server listening on {@code upstreamPort}. */
    public static FaultProxy start(int upstreamPort) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        return new FaultProxy(s, upstreamPort);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Points the proxy at another server (e.g. a restarted one). */
    public void upstream(int port) {
        this.upstreamPort = port;
    }

    /** Replaces the schedule; {@link FaultSchedule#NONE} stops the faults. Occurrence counts start again. */
    public void schedule(FaultSchedule next) {
        occurrences.clear();
        this.schedule = next;
    }

    /** Faults injected so far, by kind. */
    public Map<Fault, Long> injected() {
        Map<Fault, Long> out = new EnumMap<>(Fault.class);
        injected.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    public long injected(Fault kind) {
        return injected.get(kind).get();
    }

    public long injectedTotal() {
        return injected.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** Exchanges seen so far. */
    public long exchanges() {
        return exchanges.get();
    }

    /** Writes (PUTs) the server accepted on a path ending with {@code suffix}, however the client heard about them. */
    public int landedWrites(String suffix) {
        return landedWrites.entrySet().stream().filter(e -> e.getKey().endsWith(suffix)).mapToInt(e -> e.getValue().get()).sum();
    }

    /** Requests with this method on a path ending with {@code suffix} that reached the proxy (spoiled or not). */
    public int requests(String method, String suffix) {
        return requests.entrySet().stream().filter(e -> e.getKey().startsWith(method + " ") && e.getKey().endsWith(suffix))
                .mapToInt(e -> e.getValue().get()).sum();
    }

    // ---- the exchange -----------------------------------------------------------------------

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                synchronized (open) {
                    open.add(client);
                }
                workers.execute(() -> {
                    try (client) {
                        exchange(client);
                    } catch (IOException | RuntimeException ignored) {
                        // the client went away, or the proxy is closing
                    } finally {
                        synchronized (open) {
                            open.remove(client);
                        }
                    }
                });
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private record Head(String requestLine, List<String> headers) {
        String method() {
            return requestLine.split(" ", 2)[0];
        }

        String target() {
            String[] parts = requestLine.split(" ");
            return parts.length > 1 ? parts[1] : "/";
        }

        Optional<String> header(String name) {
            for (String h : headers) {
                int colon = h.indexOf(':');
                if (colon > 0 && h.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return Optional.of(h.substring(colon + 1).trim());
                }
            }
            return Optional.empty();
        }
    }

    private void exchange(Socket client) throws IOException {
        client.setSoTimeout(30_000);
        InputStream in = new BufferedInputStream(client.getInputStream());
        OutputStream out = client.getOutputStream();
        Head head = readHead(in);
        if (head == null) {
            return;
        }
        exchanges.incrementAndGet();
        String method = head.method();
        String target = head.target();
        boolean conditionalWrite = (method.equals("PUT") || method.equals("POST"))
                && (head.header("If-Match").isPresent() || head.header("If-None-Match").isPresent());
        requests.computeIfAbsent(method + " " + decodedPath(target), k -> new AtomicInteger()).incrementAndGet();
        int occurrence = occurrences.computeIfAbsent(method + " " + target, k -> new AtomicInteger()).incrementAndGet();
        Optional<Fault> fault = schedule.decide(method, target, conditionalWrite, occurrence);
        boolean expectContinue = head.header("Expect").map(v -> v.equalsIgnoreCase("100-continue")).orElse(false);

        if (fault.isPresent() && (fault.get() == Fault.SLOW_DOWN_503 || fault.get() == Fault.CONDITIONAL_CONFLICT_409)) {
            if (!expectContinue) {
                readBody(in, head); // the client sends it anyway; take it before answering
            }
            count(fault.get());
            if (fault.get() == Fault.SLOW_DOWN_503) {
                sendError(out, 503, "Service Unavailable", "SlowDown", "Please reduce your request rate.");
            } else {
                sendError(out, 409, "Conflict", "ConditionalRequestConflict",
                        "A conflicting conditional operation is currently in progress against this resource. Please try again.");
            }
            return;
        }
        if (expectContinue) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(ISO_8859_1));
            out.flush();
        }
        byte[] body = readBody(in, head);
        byte[] answer = forward(head, body);
        int split = indexOfBlankLine(answer);
        if (split < 0) {
            client.setSoLinger(true, 0); // the server's answer was malformed: pass the failure on as a reset
            return;
        }
        String answerHead = new String(answer, 0, split, ISO_8859_1);
        int status = statusOf(answerHead);
        if (method.equals("PUT") && status >= 200 && status < 300) {
            landedWrites.computeIfAbsent(decodedPath(target), k -> new AtomicInteger()).incrementAndGet();
        }
        int bodyStart = split + 4;
        int bodyLength = answer.length - bodyStart;
        byte[] rewrittenHead = rewriteHead(answerHead);

        if (fault.isEmpty() || (fault.get() == Fault.TRUNCATED_BODY && (bodyLength < 2 || method.equals("HEAD")))) {
            out.write(rewrittenHead);
            out.write(answer, bodyStart, bodyLength);
            out.flush();
            client.shutdownOutput();
            return;
        }
        count(fault.get());
        switch (fault.get()) {
            case INTERNAL_ERROR_500 -> sendError(out, 500, "Internal Server Error", "InternalError",
                    "We encountered an internal error. Please try again.");
            case RESET_MID_BODY -> {
                if (bodyLength > 1) {
                    out.write(rewrittenHead);
                    out.write(answer, bodyStart, bodyLength / 2);
                    out.flush();
                }
                client.setSoLinger(true, 0); // close() now sends RST
            }
            case STALL -> {
                client.setSoTimeout(STALL_MAX_MILLIS);
                try {
                    while (in.read() >= 0) {
                        // hold the exchange until the client gives up (or the cap)
                    }
                } catch (IOException timedOutOrReset) {
                    // either way the client never got an answer
                }
                client.setSoLinger(true, 0);
            }
            case TRUNCATED_BODY -> {
                out.write(rewrittenHead);
                out.write(answer, bodyStart, bodyLength / 2);
                out.flush();
                client.shutdownOutput();
            }
            default -> throw new IllegalStateException("not injected after forwarding: " + fault.get());
        }
    }

    private void count(Fault f) {
        injected.get(f).incrementAndGet();
    }

    /** Sends the request to the server on a fresh connection and reads its whole answer. */
    private byte[] forward(Head head, byte[] body) throws IOException {
        try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
            upstream.setSoTimeout(60_000);
            StringBuilder sb = new StringBuilder(head.requestLine()).append("\r\n");
            for (String h : head.headers()) {
                String name = h.substring(0, Math.max(0, h.indexOf(':'))).trim();
                if (name.equalsIgnoreCase("Expect") || name.equalsIgnoreCase("Connection") || name.equalsIgnoreCase("Keep-Alive")) {
                    continue;
                }
                sb.append(h).append("\r\n");
            }
            sb.append("Connection: close\r\n\r\n");
            OutputStream up = upstream.getOutputStream();
            up.write(sb.toString().getBytes(ISO_8859_1));
            up.write(body);
            up.flush();
            return upstream.getInputStream().readAllBytes();
        }
    }

    private static byte[] rewriteHead(String answerHead) {
        StringBuilder sb = new StringBuilder();
        String[] lines = answerHead.split("\r\n");
        for (int i = 0; i < lines.length; i++) {
            String name = i == 0 ? "" : lines[i].substring(0, Math.max(0, lines[i].indexOf(':'))).trim();
            if (name.equalsIgnoreCase("Connection") || name.equalsIgnoreCase("Keep-Alive")) {
                continue;
            }
            sb.append(lines[i]).append("\r\n");
        }
        sb.append("Connection: close\r\n\r\n");
        return sb.toString().getBytes(ISO_8859_1);
    }

    private static void sendError(OutputStream out, int status, String reason, String code, String message) throws IOException {
        byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message
                + "</Message><RequestId>fault-proxy</RequestId></Error>").getBytes(UTF_8);
        out.write(("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: application/xml\r\nContent-Length: " + xml.length
                + "\r\nConnection: close\r\n\r\n").getBytes(ISO_8859_1));
        out.write(xml);
        out.flush();
    }

    private static int statusOf(String head) {
        String[] parts = head.split(" ", 3);
        try {
            return parts.length > 1 ? Integer.parseInt(parts[1].trim()) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String decodedPath(String target) {
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        return URLDecoder.decode(path.replace("+", "%2B"), UTF_8);
    }

    private static int indexOfBlankLine(byte[] b) {
        for (int i = 0; i + 3 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static Head readHead(InputStream in) throws IOException {
        String requestLine = readLine(in);
        if (requestLine == null || requestLine.isEmpty()) {
            return null;
        }
        List<String> headers = new ArrayList<>();
        for (String line; (line = readLine(in)) != null && !line.isEmpty(); ) {
            headers.add(line);
        }
        return new Head(requestLine, headers);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                byte[] b = line.toByteArray();
                int n = b.length > 0 && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
                return new String(b, 0, n, ISO_8859_1);
            }
            line.write(c);
        }
        return line.size() == 0 ? null : line.toString(ISO_8859_1);
    }

    /** The request body as sent (chunked bodies keep their framing, which is forwarded as is). */
    private static byte[] readBody(InputStream in, Head head) throws IOException {
        Optional<String> length = head.header("Content-Length");
        if (head.header("Transfer-Encoding").map(v -> v.toLowerCase(Locale.ROOT).contains("chunked")).orElse(false)) {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = readLine(in);
                if (sizeLine == null) {
                    throw new SocketException("the request body ended early");
                }
                raw.write((sizeLine + "\r\n").getBytes(ISO_8859_1));
                int size = Integer.parseInt(sizeLine.split(";", 2)[0].trim(), 16);
                if (size == 0) {
                    for (String t; (t = readLine(in)) != null; ) {
                        raw.write((t + "\r\n").getBytes(ISO_8859_1));
                        if (t.isEmpty()) {
                            break;
                        }
                    }
                    return raw.toByteArray();
                }
                raw.write(in.readNBytes(size));
                raw.write((readLine(in) + "\r\n").getBytes(ISO_8859_1));
            }
        }
        if (length.isPresent()) {
            long n = Long.parseLong(length.get());
            byte[] b = in.readNBytes((int) n);
            if (b.length != n) {
                throw new SocketException("the request body ended early");
            }
            return b;
        }
        return new byte[0];
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        synchronized (open) {
            for (Socket s : open) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }
        workers.shutdownNow();
    }

    @Override
    public String toString() {
        return "FaultProxy[" + endpoint() + " -> 127.0.0.1:" + upstreamPort + ", injected " + injected() + "]";
    }
}
