package dev.omnigraph.console.cli;

import picocli.CommandLine.Option;

/** {@code --json}: machine-readable output on stdout (progress, where there is some, as JSON lines on stderr). */
final class JsonOption {
    @Option(names = "--json", description = "machine-readable output")
    boolean json;
}
