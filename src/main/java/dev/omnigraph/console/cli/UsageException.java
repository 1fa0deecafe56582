package dev.omnigraph.console.cli;

/**
 * A command-line mistake found after parsing (two exclusive options, a malformed URI, a value out
 * of range): one line on stderr with a hint to the command's {@code --help}, exit code 2. Mistakes
 * picocli finds while parsing take the same way ({@link CliErrors}).
 */
public final class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
