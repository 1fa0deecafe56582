package dev.omnigraph.console.cli;

import dev.omnigraph.console.storage.S3Input;
import dev.omnigraph.console.storage.S3Settings;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The S3 connection options every command shares, read as an {@link S3Input} over the engine's
 * environment contract ({@link S3Input#environment}, which registers the environment's keys as
 * secrets). There is deliberately no option for a secret key: credentials come from the
 * environment or a profile.
 */
public final class S3Options {
    @Option(names = "--endpoint", paramLabel = "URL", description = "S3-compatible endpoint (default: AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL)")
    String endpoint;

    @Option(names = "--region", paramLabel = "NAME", description = "signing region (default: AWS_REGION, the profile's, us-east-1)")
    String region;

    @Option(names = "--profile", paramLabel = "NAME", description = "AWS profile, SSO profiles included (default: AWS_PROFILE, the default chain)")
    String profile;

    @Option(names = "--path-style", paramLabel = "BOOL", description = "path-style requests: true or false (default: AWS_S3_FORCE_PATH_STYLE; on for IP/localhost)")
    String pathStyle;

    @Option(names = "--max-connections", paramLabel = "N", description = "HTTP connections to S3 at most (default 64)")
    Integer maxConnections;

    /** The environment's settings with these options over them. */
    S3Settings settings(CliContext ctx) throws UsageException {
        S3Settings s = over(S3Input.environment(ctx.env()));
        return maxConnections == null ? s : s.withMaxConnections(maxConnections);
    }

    /** These options over {@code base} (the environment's, or a source's for a destination). */
    S3Settings over(S3Settings base) throws UsageException {
        return over(base, endpoint, region, profile, pathStyle, "");
    }

    /** The {@code --<prefix>endpoint/region/profile/path-style} values over {@code base}, through the one {@link S3Input}. */
    static S3Settings over(S3Settings base, String endpoint, String region, String profile, String pathStyle, String prefix)
            throws UsageException {
        try {
            return S3Input.fromOptions(name -> Optional.ofNullable(switch (name.substring(prefix.length())) {
                case "endpoint" -> endpoint;
                case "region" -> region;
                case "profile" -> profile;
                case "path-style" -> pathStyle;
                default -> null;
            }), prefix).over(base);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
