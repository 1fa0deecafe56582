package dev.omnigraph.console.backup;

/** One object could not be backed up or restored, for a reason retrying will not change. Nothing was overwritten. */
final class TransferFailure extends Exception {
    TransferFailure(String message) {
        super(message);
    }
}
