package dev.omnigraph.console.storage;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Conditional PUTs sent without the SDK's request pipeline: a small body held in memory, or a
 * server-side copy (CopyObject) of a single-part object. One
 * request on a kept-alive connection ({@link S3Connections}), signed with SigV4 over the payload
 * hash the caller already has ({@link S3Signer}), Content-MD5 checked by the server. Used for plain
 * http endpoints (where the SDK hashes and signs every payload itself and its per-request work is
 * most of a small object's cost), bodies below {@link ExpectContinueForLargeBodies#MIN_BODY}.
 *
 * <p>It answers as the SDK's {@code putObject} does, so {@link S3Uploads} keeps every guarantee:
 * the ETag, or an {@link S3Exception} with the server's status and error code (412, 409
 * ConditionalRequestConflict, 404 NoSuchKey ... are typed lost races there), or an
 * {@link SdkClientException} for a transport failure after the request was sent (an unknown
 * outcome, resolved by re-reading). Retried here, as the SDK's write client does, only what the
 * server provably did not act on: 503 SlowDown / 429 (with backoff), 400 RequestTimeout, and a
 * request that could not be written whole.
 */
final class S3DirectPut implements AutoCloseable {
    /** {@code -Domnigraph.s3.direct=false} sends every PUT through the SDK (for comparisons). */
    static final String SWITCH = "omnigraph.s3.direct";
    private static final Pattern CODE = Pattern.compile("<Code>([^<]*)</Code>");
    private static final Pattern MESSAGE = Pattern.compile("<Message>([^<]*)</Message>");
    private static final Pattern ETAG = Pattern.compile("<ETag>([^<]*)</ETag>");
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private final S3Connections connections;
    private final S3Signer signer;
    private final AwsCredentialsProvider credentials;
    private final String host;
    private final boolean pathStyle;
    private final int maxAttempts;

    private S3DirectPut(URI endpoint, S3Settings settings, AwsCredentialsProvider credentials, String region) {
        int port = endpoint.getPort() < 0 ? 80 : endpoint.getPort();
        this.connections = new S3Connections(endpoint.getHost(), port, settings.connectTimeout(), settings.readTimeout(),
                settings.maxConnections());
        this.signer = new S3Signer(region);
        this.credentials = credentials;
        this.host = endpoint.getHost() + (port == 80 ? "" : ":" + port);
        this.pathStyle = settings.effectivePathStyle();
        this.maxAttempts = Math.max(1, settings.maxAttempts());
    }

    /**
     * For a plain http endpoint without a path, reached without a proxy; empty otherwise (TLS,
     * AWS's own endpoints, proxies: the SDK's client), or when switched off.
     */
    static Optional<S3DirectPut> forSettings(S3Settings settings, AwsCredentialsProvider credentials, String region) {
        if (settings.endpoint() == null || "false".equalsIgnoreCase(System.getProperty(SWITCH)) || proxied()) {
            return Optional.empty();
        }
        URI u = URI.create(settings.endpoint());
        boolean plain = "http".equalsIgnoreCase(u.getScheme()) && u.getHost() != null && u.getRawUserInfo() == null
                && (u.getRawPath() == null || u.getRawPath().isEmpty() || u.getRawPath().equals("/")) && u.getRawQuery() == null;
        return plain ? Optional.of(new S3DirectPut(u, settings, credentials, region)) : Optional.empty();
    }

    private static boolean proxied() {
        Map<String, String> env = System.getenv();
        return System.getProperty("http.proxyHost") != null || env.get("HTTP_PROXY") != null || env.get("http_proxy") != null;
    }

    /** Whether a body of this length goes this way (smaller bodies are sent without "Expect: 100-continue"). */
    static boolean carries(long length) {
        return length < ExpectContinueForLargeBodies.MIN_BODY;
    }

    /** Sends the PUT of {@code content} to {@code bucket}/{@code fullKey} with its condition; returns the ETag the server gave. */
    String put(String bucket, String fullKey, byte[] content, String md5Base64, String sha256Hex, WriteCondition condition) {
        TreeMap<String, String> headers = new TreeMap<>();
        headers.put("content-length", Integer.toString(content.length));
        headers.put("content-md5", md5Base64);
        headers.put("content-type", "application/octet-stream");
        S3Uploads.applyCondition(condition, v -> headers.put("if-none-match", v), v -> headers.put("if-match", v));
        return send(bucket, fullKey, headers, content, sha256Hex).header("etag");
    }

    /**
     * A server-side copy (CopyObject, a PUT with {@code x-amz-copy-source}) of the source version
     * whose ETag is {@code sourceEtag} ({@code x-amz-copy-source-if-match}) onto {@code bucket}/{@code fullKey}
     * with its condition; returns the ETag of the new object from the answer's body.
     */
    String copy(String sourceBucket, String sourceFullKey, String sourceEtag, String bucket, String fullKey, WriteCondition condition) {
        TreeMap<String, String> headers = new TreeMap<>();
        headers.put("content-length", "0");
        headers.put("x-amz-copy-source", S3Signer.encodePath(sourceBucket + "/" + sourceFullKey));
        headers.put("x-amz-copy-source-if-match", S3Root.quote(sourceEtag));
        S3Uploads.applyCondition(condition, v -> headers.put("if-none-match", v), v -> headers.put("if-match", v));
        S3Connections.Answer answer = send(bucket, fullKey, headers, new byte[0], EMPTY_SHA256);
        String xml = new String(answer.body(), StandardCharsets.UTF_8);
        String etag = first(ETAG, xml);
        if (xml.contains("<Error>") || etag == null) {
            // S3 may report a failed copy in a 200 answer; an answer without the new ETag cannot be trusted either
            throw SdkClientException.builder().message("Could not parse XML response of the copy: " + (xml.length() > 200
                    ? xml.substring(0, 200) : xml)).build();
        }
        return etag.replace("&quot;", "\"").replace("&#34;", "\"");
    }

    /** Signs and sends one request (headers: those of the request itself), retrying what the server did not act on; a 2xx answer. */
    private S3Connections.Answer send(String bucket, String fullKey, Map<String, String> own, byte[] body, String sha256Hex) {
        String path = S3Signer.encodePath(pathStyle ? "/" + bucket + "/" + fullKey : "/" + fullKey);
        String hostHeader = pathStyle ? host : bucket + "." + host;
        for (int attempt = 1; ; attempt++) {
            TreeMap<String, String> headers = new TreeMap<>(own);
            headers.put("host", hostHeader);
            signer.sign("PUT", path, headers, sha256Hex, credentials.resolveCredentials());
            S3Connections.Answer answer;
            try {
                answer = connections.exchange(head(path, headers), body, body.length);
            } catch (S3Connections.NotSent e) {
                if (attempt >= maxAttempts) {
                    throw transport(e);
                }
                continue; // nothing reached the server whole: sending again is safe
            } catch (IOException e) {
                throw transport(e);
            }
            if (answer.status() / 100 == 2) {
                return answer;
            }
            S3Exception refused = refusal(answer);
            if (attempt < maxAttempts && "RequestTimeTooSkewed".equals(S3Errors.code(refused)) && answer.header("date") != null
                    && signer.adoptServerClock(answer.header("date"))) {
                continue; // refused for our clock, before acting: signed again with the server's
            }
            if (attempt >= maxAttempts || !refusedBeforeActing(refused)) {
                throw refused;
            }
            backoff(attempt);
        }
    }

    /** The request line and headers; a value with a line break (an ETag a hostile listing gave) is refused, never sent. */
    static byte[] head(String path, Map<String, String> headers) {
        StringBuilder b = new StringBuilder(768).append("PUT ").append(path).append(" HTTP/1.1\r\n");
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (h.getValue().indexOf('\r') >= 0 || h.getValue().indexOf('\n') >= 0) {
                throw new IllegalArgumentException("the " + h.getKey() + " header would hold a line break: the request is not sent");
            }
            b.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        return S3Connections.ascii(b.append("user-agent: omnigraph-console\r\n\r\n").toString());
    }

    /** 503 SlowDown / 429 (throttled) and 400 RequestTimeout (the body did not arrive): the server did not act. */
    private static boolean refusedBeforeActing(S3Exception e) {
        return e.statusCode() == 503 || e.statusCode() == 429 || (e.statusCode() == 400 && "RequestTimeout".equals(S3Errors.code(e)));
    }

    private static S3Exception refusal(S3Connections.Answer answer) {
        String xml = new String(answer.body(), StandardCharsets.UTF_8);
        String code = first(CODE, xml);
        String message = first(MESSAGE, xml);
        String text = (message == null ? "HTTP " + answer.status() : message) + " (Service: S3, Status Code: " + answer.status() + ")";
        return (S3Exception) S3Exception.builder().statusCode(answer.status()).message(text)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).serviceName("S3")
                        .sdkHttpResponse(SdkHttpResponse.builder().statusCode(answer.status()).build()).build())
                .build();
    }

    private static String first(Pattern p, String xml) {
        Matcher m = p.matcher(xml);
        return m.find() ? m.group(1) : null;
    }

    private static SdkClientException transport(IOException e) {
        return SdkClientException.builder().message("Unable to execute HTTP request: " + e.getMessage()).cause(e).build();
    }

    private static void backoff(int attempt) {
        long millis = Math.min(Duration.ofSeconds(5).toMillis(), 200L << Math.min(attempt - 1, 5));
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AbortedException.builder().message("interrupted while waiting to send a write again").cause(e).build();
        }
    }

    S3Signer signer() {
        return signer;
    }

    @Override
    public void close() {
        connections.close();
    }
}
