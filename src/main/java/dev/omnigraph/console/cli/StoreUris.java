package dev.omnigraph.console.cli;

import dev.omnigraph.console.storage.StoreUri;

/** A URI or folder typed on the command line; a malformed one is a usage mistake (exit 2). */
final class StoreUris {
    private StoreUris() {}

    static StoreUri parse(String text, CliContext ctx) throws UsageException {
        try {
            return StoreUri.parse(text, ctx.cwd());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
