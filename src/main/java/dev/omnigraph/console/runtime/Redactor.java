package dev.omnigraph.console.runtime;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it reaches the log file, a crash report or a dialog (standard:
 * secrets never reach disk, logs, reports or dialogs). Two layers:
 * <ul>
 *   <li>known secrets, registered exactly: session access keys ({@link #addSecrets}), secret-looking
 *       environment variables and the AWS SDK's system properties ({@link #addFromEnvironment},
 *       {@link #addFromSystemProperties}), anything else the console learns ({@link #addSecret}),
 *       also in their URL-encoded and base64 forms;</li>
 *   <li>shapes: AWS access key ids ({@code AKIA…}, {@code ASIA…}), values of secret-named keys
 *       ({@code api_key}, {@code aws_secret_access_key}, {@code session_token}, {@code password} …,
 *       in {@code key=value}, YAML and JSON form), SigV4 signatures and credentials, bearer tokens,
 *       40-character secret access keys and long session tokens.</li>
 * </ul>
 * Digests (lowercase hex), ULIDs, ETags and object keys are left readable. Thread-safe; the known
 * secrets live in memory only.
 */
public final class Redactor {
    /** What a removed secret is replaced with. */
    public static final String MASK = "[redacted]";
    /** Shorter values are not registered as known secrets (they would mask ordinary words). */
    public static final int MIN_SECRET_LENGTH = 6;

    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(SECRET|TOKEN|PASSWORD|PASSWD|API_?KEY|ACCESS_?KEY|CREDENTIAL|PRIVATE_?KEY|AUTHORIZATION).*");
    private static final Pattern NOT_A_VALUE_NAME = Pattern.compile("(?i).*(_FILE|_PATH|_DIR|_URL|_URI|_ENDPOINT|_REGION)$");
    private static final Set<String> SDK_PROPERTIES = Set.of("aws.accessKeyId", "aws.secretAccessKey", "aws.secretKey",
            "aws.sessionToken");

    private static final Pattern ACCESS_KEY_ID = Pattern.compile(
            "\\b(AKIA|ASIA|AIDA|AROA|AIPA|ANPA|ANVA|AGPA|ABIA|ACCA|APKA)[A-Z0-9]{16}\\b");
    private static final Pattern NAMED_VALUE = Pattern.compile(
            "(?i)((?:aws_)?secret_access_key|secretaccesskey|secret_?key|aws_session_token|session_?token|security_?token"
                    + "|x-amz-security-token|api[_-]?key|password|passwd|client_secret|access_token|refresh_token|private_key)"
                    + "(\\\\?[\"']?\\s*[:=]\\s*\\\\?[\"']?)([^\\s\"'&,;}\\]\\\\]+)");
    private static final Pattern SIGV4_PARAMETER = Pattern.compile(
            "(?i)(x-amz-(?:credential|signature|security-token)=|signature=|credential=)([^&\\s\"',]+)");
    private static final Pattern BEARER = Pattern.compile("(?i)(\\bbearer\\s+)([A-Za-z0-9._~+/=-]{8,})");
    private static final Pattern BASE64_RUN = Pattern.compile("(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{40,}={0,2}(?![A-Za-z0-9+/=])");

    private final Set<String> known = ConcurrentHashMap.newKeySet();
    private volatile List<String> knownLongestFirst = List.of();

    /** Registers one secret value (ignored when shorter than {@value #MIN_SECRET_LENGTH}). */
    public void addSecret(String secret) {
        if (secret == null) {
            return;
        }
        String value = secret.strip();
        if (value.length() < MIN_SECRET_LENGTH) {
            return;
        }
        boolean changed = known.add(value);
        String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
        if (!encoded.equals(value)) {
            changed |= known.add(encoded);
        }
        // the base64 form too (HTTP basic credentials, encoded configuration), with and without padding
        String base64 = Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
        changed |= known.add(base64);
        changed |= known.add(base64.replace("=", ""));
        if (changed) {
            List<String> sorted = new ArrayList<>(known);
            sorted.sort(Comparator.comparingInt(String::length).reversed());
            knownLongestFirst = List.copyOf(sorted);
        }
    }

    /** Registers several secrets (e.g. the parts of S3 keys; nulls ignored). */
    public void addSecrets(String... secrets) {
        for (String s : secrets) {
            addSecret(s);
        }
    }

    /** Registers the values of secret-named variables ({@code *SECRET*}, {@code *TOKEN*}, {@code *API_KEY*} …). */
    public void addFromEnvironment(Map<String, String> env) {
        env.forEach((name, value) -> {
            if (SECRET_NAME.matcher(name).matches() && !NOT_A_VALUE_NAME.matcher(name).matches()) {
                addSecret(value);
            }
        });
    }

    /** Registers the AWS SDK's credential properties and any other secret-named system property. */
    public void addFromSystemProperties(Properties properties) {
        for (String name : properties.stringPropertyNames()) {
            if (SDK_PROPERTIES.contains(name)
                    || (SECRET_NAME.matcher(name).matches() && !NOT_A_VALUE_NAME.matcher(name.replace('.', '_')).matches()
                    && !name.startsWith("java.") && !name.startsWith("jdk.") && !name.startsWith("sun."))) {
                addSecret(properties.getProperty(name));
            }
        }
    }

    /** How many known secrets are registered (for tests and diagnostics; never the values). */
    public int knownSecretCount() {
        return known.size();
    }

    /** The text with every known secret and every secret-shaped value replaced by {@value #MASK}. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : knownLongestFirst) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
        }
        out = ACCESS_KEY_ID.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(MASK));
        out = NAMED_VALUE.matcher(out).replaceAll(m -> m.group(3).startsWith("[redacted") || m.group(3).startsWith("***")
                ? Matcher.quoteReplacement(m.group())
                : Matcher.quoteReplacement(m.group(1) + m.group(2) + MASK));
        out = SIGV4_PARAMETER.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        out = BEARER.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        out = BASE64_RUN.matcher(out).replaceAll(m -> looksLikeSecret(m.group())
                ? Matcher.quoteReplacement(MASK) : Matcher.quoteReplacement(m.group()));
        return out;
    }

    /**
     * A 40-character run (the size of a secret access key) or a run of 100+ characters (a session
     * token) of random-looking base64: both cases and digits. Object keys and hex digests are
     * mostly lowercase and stay readable.
     */
    static boolean looksLikeSecret(String run) {
        String body = run.replace("=", "");
        int upper = 0;
        int lower = 0;
        int digits = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                upper++;
            } else if (c >= 'a' && c <= 'z') {
                lower++;
            } else if (c >= '0' && c <= '9') {
                digits++;
            }
        }
        boolean mixed = upper * 10 >= body.length() && lower * 10 >= body.length()
                && (digits > 0 || body.indexOf('+') >= 0 || body.indexOf('/') >= 0);
        if (body.length() == 40) {
            return mixed && upper >= 5 && lower >= 5;
        }
        return body.length() >= 100 && mixed && body.toLowerCase(Locale.ROOT).chars().distinct().count() >= 20;
    }
}
