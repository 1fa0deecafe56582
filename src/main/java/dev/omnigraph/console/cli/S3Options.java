package dev.omnigraph.console.cli;

import dev.omnigraph.console.storage.S3Settings;
import java.util.Set;

/**
 * The S3 connection options every command shares. Unset options fall back to the engine's
 * environment contract ({@link S3Settings#fromEnvironment}). There is deliberately no option
 * for a secret key: credentials come from the environment or a profile.
 */
public final class S3Options {
    public static final Set<String> VALUED = Set.of("endpoint", "region", "profile", "path-style", "max-connections");

    private S3Options() {}

    public static S3Settings from(Args args, CliContext ctx) throws Args.UsageException {
        S3Settings s = S3Settings.fromEnvironment(ctx.env());
        if (args.value("endpoint").isPresent()) {
            try {
                s = s.withEndpoint(args.value("endpoint").get());
            } catch (IllegalArgumentException e) {
                throw new Args.UsageException(e.getMessage());
            }
        }
        if (args.value("region").isPresent()) {
            s = s.withRegion(args.value("region").get());
        }
        if (args.value("profile").isPresent()) {
            s = s.withProfile(args.value("profile").get());
        }
        if (args.value("path-style").isPresent()) {
            String v = args.value("path-style").get();
            if (!v.equals("true") && !v.equals("false")) {
                throw new Args.UsageException("--path-style takes true or false");
            }
            s = s.withPathStyle(Boolean.parseBoolean(v));
        }
        if (args.value("max-connections").isPresent()) {
            s = s.withMaxConnections(args.intValue("max-connections", 64));
        }
        return s;
    }

    public static final String USAGE = String.join("\n",
            "  --endpoint URL       S3-compatible endpoint (default: AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL)",
            "  --region NAME        signing region (default: AWS_REGION, the profile's, us-east-1)",
            "  --profile NAME       AWS profile, SSO profiles included (default: AWS_PROFILE, the default chain)",
            "  --path-style BOOL    path-style requests (default: AWS_S3_FORCE_PATH_STYLE; on for IP/localhost)");
}
