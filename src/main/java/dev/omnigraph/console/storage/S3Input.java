package dev.omnigraph.console.storage;

import dev.omnigraph.console.runtime.AppRuntime;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What an admin tells the console about an S3 connection, in one place for every way in: the
 * CLI's options, the window's start-up options, the Connect page, the migration wizard's
 * destination (and the backup/restore forms). Blank fields mean "not given" and leave the
 * underlying settings alone; {@link #over(S3Settings)} is the one way to apply the input over the
 * environment's (or a source's) {@link S3Settings}, after the one validation ({@link #problem()}).
 *
 * <p>Rules, the same everywhere: every text is trimmed (a pasted secret with a trailing newline
 * is the same secret); keys come in pairs (id and secret, or neither; a session token only with
 * them); a named profile replaces inherited keys (otherwise the environment's keys would
 * silently win over the profile the admin chose); typed keys win over both.
 *
 * <p>Secrets: keys and tokens given here become {@link S3Settings.StaticKeys}, which registers
 * them with the redactor ({@link AppRuntime#secrets}) as it is made, so they never reach a log, a
 * crash report or a dialog; keys written into the endpoint URL ({@code http://id:secret@host}) are
 * registered here and refused. {@link #toString()} leaves the keys out.
 */
public record S3Input(String endpoint, String region, String profile, PathStyle pathStyle,
                      String accessKeyId, String secretAccessKey, String sessionToken) {

    /** Nothing given: the underlying settings as they are. */
    public static final S3Input NONE = new S3Input(null, null, null, PathStyle.AUTO, null, null, null);

    /** How path style is chosen: from the settings/environment, forced on, forced off. */
    public enum PathStyle {
        AUTO("Automatic"), PATH("Path style"), VIRTUAL("Virtual-hosted");

        private final String label;

        PathStyle(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }

        /** {@code null} for automatic, else whether path style is forced. */
        public Boolean value() {
            return this == AUTO ? null : this == PATH;
        }

        public static PathStyle of(Boolean forced) {
            return forced == null ? AUTO : forced ? PATH : VIRTUAL;
        }
    }

    public S3Input {
        endpoint = clean(endpoint);
        region = clean(region);
        profile = clean(profile);
        pathStyle = pathStyle == null ? PathStyle.AUTO : pathStyle;
        accessKeyId = clean(accessKeyId);
        secretAccessKey = clean(secretAccessKey);
        sessionToken = clean(sessionToken);
        registerUserInfo(endpoint);
    }

    /**
     * The input given as command-line options {@code --<prefix>endpoint}, {@code region},
     * {@code profile} and {@code path-style true|false}. There are no options for keys: a secret on a
     * command line is visible to every user of the machine (process list, shell history); keys come
     * from the environment or a profile.
     *
     * @throws IllegalArgumentException when {@code path-style} is neither true nor false
     */
    public static S3Input fromOptions(Function<String, Optional<String>> option, String prefix) {
        PathStyle style = PathStyle.AUTO;
        Optional<String> forced = option.apply(prefix + "path-style");
        if (forced.isPresent()) {
            if (!forced.get().equals("true") && !forced.get().equals("false")) {
                throw new IllegalArgumentException("--" + prefix + "path-style takes true or false");
            }
            style = PathStyle.of(Boolean.parseBoolean(forced.get()));
        }
        return new S3Input(option.apply(prefix + "endpoint").orElse(null), option.apply(prefix + "region").orElse(null),
                option.apply(prefix + "profile").orElse(null), style, null, null, null);
    }

    /**
     * The environment's settings (the engine's contract, {@link S3Settings#fromEnvironment(Map)});
     * the keys it carries become {@link S3Settings.StaticKeys} and so are registered as secrets.
     */
    public static S3Settings environment(Map<String, String> env) {
        return S3Settings.fromEnvironment(env);
    }

    /** Whether session keys were given. */
    public boolean hasKeys() {
        return accessKeyId != null || secretAccessKey != null;
    }

    /** What is wrong with the input, as one sentence for the admin, or empty when it can be used. */
    public Optional<String> problem() {
        Optional<String> keysInEndpoint = refusalOfKeysIn(endpoint, "endpoint URL"); // registered when this input was made
        if (keysInEndpoint.isPresent()) {
            return keysInEndpoint;
        }
        if (endpoint != null) {
            try {
                S3Settings.fromEnvironment(Map.of()).withEndpoint(endpoint);
            } catch (IllegalArgumentException e) {
                return Optional.of(e.getMessage());
            }
        }
        if (accessKeyId != null && secretAccessKey == null) {
            return Optional.of("Enter the secret access key that goes with the access key id (or clear both to use the profile).");
        }
        if (secretAccessKey != null && accessKeyId == null) {
            return Optional.of("Enter the access key id that goes with the secret (or clear both).");
        }
        if (sessionToken != null && !hasKeys()) {
            return Optional.of("A session token needs the access key id and secret it was issued with.");
        }
        return Optional.empty();
    }

    /**
     * These fields over {@code base}: validated, then every given field set (typed keys become
     * {@link S3Settings.StaticKeys}, which registers them).
     *
     * @throws IllegalArgumentException with {@link #problem()} when the input cannot be used
     */
    public S3Settings over(S3Settings base) {
        Optional<String> problem = problem();
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        S3Settings s = base;
        if (endpoint != null) {
            s = s.withEndpoint(endpoint);
        }
        if (region != null) {
            s = s.withRegion(region);
        }
        if (pathStyle != PathStyle.AUTO) {
            s = s.withPathStyle(pathStyle.value());
        }
        if (profile != null) {
            s = s.withProfile(profile).withKeys(null);
        }
        if (hasKeys()) {
            s = s.withKeys(new S3Settings.StaticKeys(accessKeyId, secretAccessKey, sessionToken));
        }
        return s;
    }

    @Override
    public String toString() {
        return "S3Input[endpoint=" + endpoint + ", region=" + region + ", profile=" + profile + ", pathStyle=" + pathStyle
                + (hasKeys() ? ", keys=***" : "") + "]";
    }

    /**
     * The {@code user:password} of an endpoint URL as typed (up to the last {@code @}: a secret key
     * may contain {@code /}), or {@code null} when it has none.
     */
    private static String userInfo(String endpoint) {
        int scheme = endpoint.indexOf("://");
        if (scheme < 0) {
            return null;
        }
        int start = scheme + 3;
        int end = start;
        while (end < endpoint.length() && "?#".indexOf(endpoint.charAt(end)) < 0) {
            end++;
        }
        int at = endpoint.lastIndexOf('@', end - 1);
        return at < start ? null : endpoint.substring(start, at);
    }

    /**
     * Keys written into a URL ({@code http://id:secret@host}, {@code s3://id:secret@bucket/prefix}):
     * registered as secrets, whole and in parts, and refused with a sentence that does not repeat
     * them; empty when the URL has none. For every field that takes an endpoint or a storage root:
     * call it before a message can echo what was typed.
     *
     * @param what the field, as the sentence names it ("endpoint URL", "storage root")
     */
    public static Optional<String> keysInUrl(String url, String what) {
        registerUserInfo(url);
        return refusalOfKeysIn(url, what);
    }

    private static Optional<String> refusalOfKeysIn(String url, String what) {
        if (url == null || userInfo(url) == null) {
            return Optional.empty();
        }
        return Optional.of("Remove the keys from the " + what + " and enter them in the access key fields (or use a profile): "
                + "the " + what + " is shown and remembered, keys are not.");
    }

    /** Keys typed into a URL ({@code http://id:secret@host}) are secrets too, whole and in parts. */
    private static void registerUserInfo(String endpoint) {
        String info = endpoint == null ? null : userInfo(endpoint);
        if (info != null) {
            int colon = info.indexOf(':');
            AppRuntime.secrets(info, colon < 0 ? null : info.substring(0, colon), colon < 0 ? null : info.substring(colon + 1));
        }
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
