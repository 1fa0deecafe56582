package dev.omnigraph.console.cli;

import dev.omnigraph.console.storage.S3Input;
import dev.omnigraph.console.storage.S3Settings;
import java.util.Set;

/**
 * The S3 connection options every command shares, read as an {@link S3Input} over the engine's
 * environment contract ({@link S3Input#environment}). There is deliberately no option for a
 * secret key: credentials come from the environment or a profile.
 */
public final class S3Options {
    public static final Set<String> VALUED = Set.of("endpoint", "region", "profile", "path-style", "max-connections");

    private S3Options() {}

    public static S3Settings from(Args args, CliContext ctx) throws Args.UsageException {
        S3Settings s = over(S3Input.environment(ctx.env()), args, "");
        if (args.value("max-connections").isPresent()) {
            s = s.withMaxConnections(args.intValue("max-connections", 64));
        }
        return s;
    }

    /** The {@code --<prefix>endpoint/region/profile/path-style} options over {@code base}. */
    public static S3Settings over(S3Settings base, Args args, String prefix) throws Args.UsageException {
        try {
            return S3Input.fromOptions(args::value, prefix).over(base);
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException(e.getMessage());
        }
    }

    public static final String USAGE = String.join("\n",
            "  --endpoint URL       S3-compatible endpoint (default: AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL)",
            "  --region NAME        signing region (default: AWS_REGION, the profile's, us-east-1)",
            "  --profile NAME       AWS profile, SSO profiles included (default: AWS_PROFILE, the default chain)",
            "  --path-style BOOL    path-style requests (default: AWS_S3_FORCE_PATH_STYLE; on for IP/localhost)");
}
