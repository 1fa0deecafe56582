package dev.omnigraph.console.cli;

import picocli.CommandLine.Option;

/** {@code --no-record} of the ledger commands: leave the local observation cache as it is. */
final class ObservationOption {
    @Option(names = "--no-record", description = "do not add the current ledger to the local observation cache")
    boolean noRecord;
}
