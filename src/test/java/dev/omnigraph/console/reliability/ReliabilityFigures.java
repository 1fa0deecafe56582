package dev.omnigraph.console.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Appends the figures of a reliability run (rounds, faults injected by kind, objects verified,
 * objects lost) as plain lines to {@code target/reliability-figures.txt}, for docs/reliability.md.
 * Figures only: never a failure of the tests.
 */
final class ReliabilityFigures {
    private static final Path FILE = Path.of("target", "reliability-figures.txt");

    private ReliabilityFigures() {}

    static synchronized void line(String text) {
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, Instant.now() + " " + text + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // figures are a by-product
        }
    }

    static void record(String suite, FaultProxy proxy) {
        line(suite + ": exchanges=" + proxy.exchanges() + " injected=" + proxy.injected() + " total=" + proxy.injectedTotal());
    }

    static void browsing(Fault kind, int loads, int failedLoads) {
        line("browsing " + kind + ": loads=" + loads + " failed-clearly=" + failedLoads);
    }
}
