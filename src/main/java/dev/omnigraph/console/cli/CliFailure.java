package dev.omnigraph.console.cli;

/** A failure a command reports as one sentence with a chosen exit code. */
public final class CliFailure extends Exception {
    private final int exitCode;

    public CliFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
