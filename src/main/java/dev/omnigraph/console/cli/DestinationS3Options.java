package dev.omnigraph.console.cli;

import dev.omnigraph.console.storage.S3Settings;
import picocli.CommandLine.Option;

/** {@code --to-endpoint/--to-region/--to-profile/--to-path-style}: a destination's S3 options over the source's, through the same {@code S3Input}. */
final class DestinationS3Options {
    @Option(names = "--to-endpoint", paramLabel = "URL", description = "S3 endpoint of the destination (default: the source's)")
    String endpoint;

    @Option(names = "--to-region", paramLabel = "NAME", description = "signing region of the destination")
    String region;

    @Option(names = "--to-profile", paramLabel = "NAME", description = "AWS profile for the destination")
    String profile;

    @Option(names = "--to-path-style", paramLabel = "BOOL", description = "path-style requests at the destination: true or false")
    String pathStyle;

    S3Settings over(S3Settings source) throws UsageException {
        return S3Options.over(source, endpoint, region, profile, pathStyle, "to-");
    }
}
