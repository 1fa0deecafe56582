package dev.omnigraph.console.storage;

import dev.omnigraph.console.runtime.AppRuntime;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How to reach an S3 or S3-compatible endpoint. Defaults follow the engine's environment
 * contract (spec §9) so the console reaches the same bucket OmniGraph does:
 * endpoint {@code AWS_ENDPOINT_URL_S3} &gt; {@code AWS_ENDPOINT_URL} &gt; {@code AWS_ENDPOINT};
 * path style when {@code AWS_S3_FORCE_PATH_STYLE} is truthy; {@code AWS_ALLOW_HTTP};
 * region {@code AWS_REGION} &gt; {@code AWS_DEFAULT_REGION}; credentials from the default chain
 * (environment, profiles including SSO, container and instance roles). Every field can also be
 * set explicitly per connection.
 *
 * <p>Explicit access keys are kept in memory for the session only; {@link #toString()} and
 * every persisted form leave them out.
 *
 * @param endpoint       custom endpoint (MinIO, RustFS, R2 ...), or {@code null} for AWS
 * @param region         signing region, or {@code null} for the profile's or {@code us-east-1}
 * @param pathStyle      path-style requests; {@code null} = from the environment, and on for IP or
 *                       localhost endpoints, where virtual-hosted style cannot work
 * @param profile        named AWS profile (SSO profiles included), or {@code null} for the default chain
 * @param keys           session-only static keys, or {@code null}
 * @param allowHttp      the engine's {@code AWS_ALLOW_HTTP}; plain http endpoints are allowed anyway
 * @param maxConnections HTTP connection pool size
 * @param connectTimeout TCP connect timeout
 * @param maxAttempts    attempts per request, retries included (throttling and 5xx back off)
 * @param readTimeout    longest wait for the next bytes of a response (a stalled server fails the attempt
 *                       after this long instead of hanging); default 60 s
 */
public record S3Settings(String endpoint, String region, Boolean pathStyle, String profile, StaticKeys keys,
                         boolean allowHttp, int maxConnections, Duration connectTimeout, int maxAttempts, Duration readTimeout) {

    /** The default read timeout: the longest silence tolerated while waiting for a response's bytes. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);

    private static final Set<String> TRUTHY = Set.of("1", "true", "TRUE", "True", "yes", "YES", "on", "ON");

    /**
     * Session-only credentials; never written anywhere. Every key the console uses goes through
     * here (typed in a form via {@link S3Input}, from an environment via {@link #fromEnvironment},
     * from any other code), so this is where they are registered with the redactor
     * ({@link AppRuntime#secrets}): from the moment they exist they never reach a log, a crash
     * report or a dialog.
     */
    public record StaticKeys(String accessKeyId, String secretAccessKey, String sessionToken) {
        public StaticKeys {
            AppRuntime.secrets(accessKeyId, secretAccessKey, sessionToken);
        }

        @Override
        public String toString() {
            return "StaticKeys[accessKeyId=" + redact(accessKeyId) + ", secret=***]";
        }

        private static String redact(String id) {
            return id == null || id.length() < 8 ? "***" : id.substring(0, 4) + "…";
        }
    }

    public S3Settings {
        endpoint = blankToNull(endpoint);
        region = blankToNull(region);
        profile = blankToNull(profile);
        if (maxConnections <= 0) {
            maxConnections = 64;
        }
        if (connectTimeout == null) {
            connectTimeout = Duration.ofSeconds(5);
        }
        if (maxAttempts <= 0) {
            maxAttempts = 4;
        }
        if (readTimeout == null || readTimeout.isNegative() || readTimeout.isZero()) {
            readTimeout = DEFAULT_READ_TIMEOUT;
        }
        if (endpoint != null) {
            URI u = URI.create(endpoint);
            if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https")) || u.getHost() == null) {
                throw new IllegalArgumentException("The endpoint '" + endpoint + "' is not an http:// or https:// URL.");
            }
        }
    }

    /** Settings with the default read timeout. */
    public S3Settings(String endpoint, String region, Boolean pathStyle, String profile, StaticKeys keys,
                      boolean allowHttp, int maxConnections, Duration connectTimeout, int maxAttempts) {
        this(endpoint, region, pathStyle, profile, keys, allowHttp, maxConnections, connectTimeout, maxAttempts, null);
    }

    /** Defaults from the process environment. */
    public static S3Settings fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** Defaults from an environment map (the engine's contract, spec §9). */
    public static S3Settings fromEnvironment(Map<String, String> env) {
        String endpoint = firstNonBlank(env.get("AWS_ENDPOINT_URL_S3"), env.get("AWS_ENDPOINT_URL"), env.get("AWS_ENDPOINT"));
        String region = firstNonBlank(env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION"));
        Boolean pathStyle = env.containsKey("AWS_S3_FORCE_PATH_STYLE") ? truthy(env.get("AWS_S3_FORCE_PATH_STYLE")) : null;
        boolean allowHttp = truthy(env.get("AWS_ALLOW_HTTP"));
        String profile = blankToNull(env.get("AWS_PROFILE"));
        // environment keys win, as in the SDK's default chain; taken from the map given, so a caller's
        // environment (not only this process's) decides, and they stay in memory only
        StaticKeys keys = null;
        String id = blankToNull(env.get("AWS_ACCESS_KEY_ID"));
        String secret = blankToNull(env.get("AWS_SECRET_ACCESS_KEY"));
        if (id != null && secret != null) {
            keys = new StaticKeys(id, secret, blankToNull(env.get("AWS_SESSION_TOKEN")));
        }
        return new S3Settings(endpoint, region, pathStyle, profile, keys, allowHttp, 0, null, 0);
    }

    /** The engine's truthiness: {@code 1|true|TRUE|True|yes|YES|on|ON}. */
    public static boolean truthy(String value) {
        return value != null && TRUTHY.contains(value.trim());
    }

    public S3Settings withEndpoint(String value) {
        return new S3Settings(value, region, pathStyle, profile, keys, allowHttp, maxConnections, connectTimeout, maxAttempts, readTimeout);
    }

    public S3Settings withRegion(String value) {
        return new S3Settings(endpoint, value, pathStyle, profile, keys, allowHttp, maxConnections, connectTimeout, maxAttempts, readTimeout);
    }

    public S3Settings withPathStyle(Boolean value) {
        return new S3Settings(endpoint, region, value, profile, keys, allowHttp, maxConnections, connectTimeout, maxAttempts, readTimeout);
    }

    public S3Settings withProfile(String value) {
        return new S3Settings(endpoint, region, pathStyle, value, keys, allowHttp, maxConnections, connectTimeout, maxAttempts, readTimeout);
    }

    public S3Settings withKeys(StaticKeys value) {
        return new S3Settings(endpoint, region, pathStyle, profile, value, allowHttp, maxConnections, connectTimeout, maxAttempts, readTimeout);
    }

    public S3Settings withMaxConnections(int value) {
        return new S3Settings(endpoint, region, pathStyle, profile, keys, allowHttp, value, connectTimeout, maxAttempts, readTimeout);
    }

    public S3Settings withConnectTimeout(Duration value) {
        return new S3Settings(endpoint, region, pathStyle, profile, keys, allowHttp, maxConnections, value, maxAttempts, readTimeout);
    }

    public S3Settings withMaxAttempts(int value) {
        return new S3Settings(endpoint, region, pathStyle, profile, keys, allowHttp, maxConnections, connectTimeout, value, readTimeout);
    }

    /** The longest wait for the next bytes of a response; a stalled server then fails the attempt (retried) instead of hanging. */
    public S3Settings withReadTimeout(Duration value) {
        return new S3Settings(endpoint, region, pathStyle, profile, keys, allowHttp, maxConnections, connectTimeout, maxAttempts, value);
    }

    /** Path style as it will be used. */
    public boolean effectivePathStyle() {
        if (pathStyle != null) {
            return pathStyle;
        }
        if (endpoint == null) {
            return false;
        }
        String host = URI.create(endpoint).getHost().toLowerCase(Locale.ROOT);
        return host.equals("localhost") || host.matches("[0-9.]+") || host.startsWith("[") || host.contains(":");
    }

    /** The region as it will be used when none is configured anywhere. */
    public String regionOrDefault() {
        return region == null ? "us-east-1" : region;
    }

    /**
     * Identifies the endpoint and principal: two stores with the same identity can copy
     * server-side between each other.
     */
    public String endpointIdentity() {
        String who = keys != null ? "key:" + keys.accessKeyId() : profile != null ? "profile:" + profile : "default-chain";
        return (endpoint == null ? "aws" : endpoint) + "|" + regionOrDefault() + "|" + who;
    }

    @Override
    public String toString() {
        return "S3Settings[endpoint=" + (endpoint == null ? "AWS" : endpoint) + ", region=" + regionOrDefault()
                + ", pathStyle=" + effectivePathStyle() + ", profile=" + (profile == null ? "(default chain)" : profile)
                + (keys == null ? "" : ", keys=" + keys) + "]";
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
