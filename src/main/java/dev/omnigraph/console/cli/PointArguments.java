package dev.omnigraph.console.cli;

import dev.omnigraph.console.storage.StoreUri;
import picocli.CommandLine.Parameters;

/** {@code LOCATION POINT}: a backup location and one of its restore points (backup verify, backup diff, restore). */
final class PointArguments {
    @Parameters(index = "0", arity = "0..1", paramLabel = "LOCATION",
            description = "the backup location: a folder or s3://bucket/prefix (the S3 options apply to it too)")
    String location;

    @Parameters(index = "1", arity = "0..1", paramLabel = "POINT", description = "the restore point id ('backup list' shows them)")
    String point;

    /** The location, once both words are given. */
    StoreUri location(CliContext ctx) throws UsageException {
        if (location == null || location.isBlank() || point == null || point.isBlank()) {
            throw new UsageException("give LOCATION and POINT");
        }
        return StoreUris.parse(location, ctx);
    }
}
