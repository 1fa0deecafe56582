package dev.omnigraph.console.storage;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * AWS Signature Version 4 for one S3 request whose payload hash is already known (the body is in
 * memory and was hashed once): the {@code x-amz-content-sha256} header carries it, so the server
 * checks the body against it and the signature covers it. Headers are signed as given (lower-case
 * names); the signing key is kept per day and secret.
 */
final class S3Signer {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private final String region;
    private volatile CachedKey cached;
    private volatile long skewMillis;

    private record CachedKey(String day, String secret, byte[] key) {}

    S3Signer(String region) {
        this.region = region;
    }

    /**
     * Adds {@code x-amz-date}, {@code x-amz-content-sha256}, the session token if any, and
     * {@code authorization} to {@code headers} (lower-case names, values as sent).
     *
     * @param canonicalPath the request path, URI-encoded once ({@link #encodePath})
     */
    void sign(String method, String canonicalPath, TreeMap<String, String> headers, String payloadSha256, AwsCredentials credentials) {
        String stamp = STAMP.format(ZonedDateTime.now(ZoneOffset.UTC).plusNanos(skewMillis * 1_000_000L));
        String day = stamp.substring(0, 8);
        headers.put("x-amz-date", stamp);
        headers.put("x-amz-content-sha256", payloadSha256);
        if (credentials instanceof AwsSessionCredentials session) {
            headers.put("x-amz-security-token", session.sessionToken());
        }
        StringBuilder canonical = new StringBuilder(512).append(method).append('\n').append(canonicalPath).append("\n\n");
        StringBuilder signed = new StringBuilder(160);
        for (Map.Entry<String, String> h : headers.entrySet()) {
            canonical.append(h.getKey()).append(':').append(h.getValue().trim()).append('\n');
            signed.append(signed.isEmpty() ? "" : ";").append(h.getKey());
        }
        canonical.append('\n').append(signed).append('\n').append(payloadSha256);
        String scope = day + "/" + region + "/s3/aws4_request";
        String toSign = "AWS4-HMAC-SHA256\n" + stamp + "\n" + scope + "\n"
                + Hashing.sha256Hex(canonical.toString().getBytes(StandardCharsets.UTF_8));
        String signature = Hashing.hex(hmac(signingKey(day, credentials.secretAccessKey()), toSign));
        headers.put("authorization", "AWS4-HMAC-SHA256 Credential=" + credentials.accessKeyId() + "/" + scope
                + ", SignedHeaders=" + signed + ", Signature=" + signature);
    }

    /**
     * After a RequestTimeTooSkewed refusal: signs with the server's clock from now on ({@code serverDate}
     * its {@code Date} header), as the SDK corrects its clock skew. False when the date cannot be read.
     */
    boolean adoptServerClock(String serverDate) {
        try {
            long server = ZonedDateTime.parse(serverDate, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
            skewMillis = server - System.currentTimeMillis();
            return true;
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    /** How far the server's clock is ahead of ours, as last adopted (0 until a server said otherwise). */
    long skewMillis() {
        return skewMillis;
    }

    private byte[] signingKey(String day, String secret) {
        CachedKey c = cached;
        if (c != null && c.day.equals(day) && c.secret.equals(secret)) {
            return c.key;
        }
        byte[] k = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), day);
        k = hmac(hmac(hmac(k, region), "s3"), "aws4_request");
        cached = new CachedKey(day, secret, k);
        return k;
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** S3's path encoding: every byte but the unreserved characters and '/' as %XX (upper case), once. */
    static String encodePath(String path) {
        byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'
                    || c == '~' || c == '/') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }
}
