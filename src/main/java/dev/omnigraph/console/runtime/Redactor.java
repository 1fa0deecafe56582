package dev.omnigraph.console.runtime;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
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
 *
 * <p>Known secrets are masked even when a line break splits them, and the pieces of one written
 * over two records are masked too ({@code KnownSecrets}, {@code SecretFragments}); a value shorter
 * than {@value #MIN_SECRET_LENGTH} characters is masked where it stands as a word of its own.
 */
public final class Redactor {
    /** What a removed secret is replaced with. */
    public static final String MASK = "[redacted]";
    /**
     * Registered values this long are masked anywhere, also inside longer words and across line
     * breaks; values guessed from a variable's name ({@link #addFromEnvironment}) must be this long.
     */
    public static final int MIN_SECRET_LENGTH = 6;
    /** Shorter values given as secrets are ignored; values down to this length are masked as whole words. */
    public static final int MIN_SHORT_SECRET_LENGTH = 3;

    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(SECRET|TOKEN|PASSWORD|PASSWD|API_?KEY|ACCESS_?KEY|CREDENTIAL|PRIVATE_?KEY|AUTHORIZATION).*");
    private static final Pattern NOT_A_VALUE_NAME = Pattern.compile("(?i).*(_FILE|_PATH|_DIR|_URL|_URI|_ENDPOINT|_REGION)$");
    private static final Set<String> SDK_PROPERTIES = Set.of("aws.accessKeyId", "aws.secretAccessKey", "aws.secretKey",
            "aws.sessionToken");
    private static final Set<String> SDK_VARIABLES = Set.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN");

    private static final Pattern ACCESS_KEY_ID = Pattern.compile(
            "\\b(AKIA|ASIA|AIDA|AROA|AIPA|ANPA|ANVA|AGPA|ABIA|ACCA|APKA)[A-Z0-9]{16}\\b");
    private static final Pattern NAMED_VALUE = Pattern.compile(
            "(?i)((?:aws_)?secret_access_key|secretaccesskey|secret_?key|aws_session_token|session_?token|security_?token"
                    + "|x-amz-security-token|api[_-]?key|password|passwd|client_secret|access_token|refresh_token|private_key)"
                    + "(\\\\?[\"']?\\s*[:=]\\s*\\\\?[\"']?)([^\\s\"'&,;}\\]\\\\]+)");
    private static final Pattern SIGV4_PARAMETER = Pattern.compile(
            "(?i)(x-amz-(?:credential|signature|security-token)=|signature=|credential=)([^&\\s\"',]+)");
    /** A secret-named command-line option's value, as typed or as a parser echoes it ({@code 'option', 'value'}). */
    private static final Pattern OPTION_VALUE = Pattern.compile(
            "(?i)(--[a-z0-9-]*(?:secret|token|password|passwd|api-key|access-key)[a-z0-9-]*(?:=|\\s+|'?,\\s*'))([^\\s'\",]+)");
    private static final Pattern BEARER = Pattern.compile("(?i)(\\bbearer\\s+)([A-Za-z0-9._~+/=-]{8,})");
    private static final Pattern BASIC = Pattern.compile("(?i)(\\bbasic\\s+)([A-Za-z0-9+/]{4,}={0,2})(?![A-Za-z0-9+/=])");
    private static final Pattern BASE64_RUN = Pattern.compile("(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{40,}={0,2}(?![A-Za-z0-9+/=])");

    private final KnownSecrets known = new KnownSecrets();

    /**
     * Registers one secret the console was given (a key, a token): masked wherever it occurs when
     * it has {@value #MIN_SECRET_LENGTH} characters or more, where it stands as a word of its own
     * when shorter (down to {@value #MIN_SHORT_SECRET_LENGTH}; shorter values are ignored).
     */
    public void addSecret(String secret) {
        register(secret, MIN_SHORT_SECRET_LENGTH);
    }

    /** Registers several secrets (e.g. the parts of S3 keys; nulls ignored). */
    public void addSecrets(String... secrets) {
        for (String s : secrets) {
            addSecret(s);
        }
    }

    /**
     * Registers the AWS keys of an environment and the values of secret-named variables
     * ({@code *SECRET*}, {@code *TOKEN*}, {@code *API_KEY*} …; those only from
     * {@value #MIN_SECRET_LENGTH} characters, since the name is only a guess).
     */
    public void addFromEnvironment(Map<String, String> env) {
        env.forEach((name, value) -> {
            if (SDK_VARIABLES.contains(name)) {
                register(value, MIN_SHORT_SECRET_LENGTH);
            } else if (SECRET_NAME.matcher(name).matches() && !NOT_A_VALUE_NAME.matcher(name).matches()) {
                register(value, MIN_SECRET_LENGTH); // a guess from the name: short values ("true", "off") stay words
            }
        });
    }

    /** Registers the AWS SDK's credential properties and any other secret-named system property. */
    public void addFromSystemProperties(Properties properties) {
        for (String name : properties.stringPropertyNames()) {
            if (SDK_PROPERTIES.contains(name)
                    || (SECRET_NAME.matcher(name).matches() && !NOT_A_VALUE_NAME.matcher(name.replace('.', '_')).matches()
                    && !name.startsWith("java.") && !name.startsWith("jdk.") && !name.startsWith("sun."))) {
                register(properties.getProperty(name), SDK_PROPERTIES.contains(name) ? MIN_SHORT_SECRET_LENGTH : MIN_SECRET_LENGTH);
            }
        }
    }

    /** How many known secrets are registered, encoded forms included (for tests and diagnostics; never the values). */
    public int knownSecretCount() {
        return known.size();
    }

    private void register(String secret, int minLength) {
        if (secret == null) {
            return;
        }
        String value = secret.strip();
        if (value.length() >= minLength) {
            known.add(value);
        }
    }

    /** The text with every known secret and every secret-shaped value replaced by {@value #MASK}. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = known.mask(text);
        out = SecretFragments.mask(out, known.longestFirst());
        out = ACCESS_KEY_ID.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(MASK));
        out = NAMED_VALUE.matcher(out).replaceAll(m -> m.group(3).startsWith("[redacted") || m.group(3).startsWith("***")
                ? Matcher.quoteReplacement(m.group())
                : Matcher.quoteReplacement(m.group(1) + m.group(2) + MASK));
        out = OPTION_VALUE.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        out = SIGV4_PARAMETER.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        out = BEARER.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        out = BASIC.matcher(out).replaceAll(m -> Matcher.quoteReplacement(isUserAndPassword(m.group(2)) ? m.group(1) + MASK : m.group()));
        out = BASE64_RUN.matcher(out).replaceAll(m -> looksLikeSecret(m.group())
                ? Matcher.quoteReplacement(MASK) : Matcher.quoteReplacement(m.group()));
        return out;
    }

    /** Whether {@code base64} is HTTP basic credentials ({@code user:password}): "basic" before an ordinary word stays. */
    private static boolean isUserAndPassword(String base64) {
        try {
            return new String(java.util.Base64.getDecoder().decode(base64), java.nio.charset.StandardCharsets.UTF_8).indexOf(':') > 0;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
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
