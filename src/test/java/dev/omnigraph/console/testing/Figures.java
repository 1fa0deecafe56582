package dev.omnigraph.console.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Measured figures of the reliability tests: printed and appended to {@code target/races-figures.txt}. */
public final class Figures {
    private static final Path FILE = Path.of("target", "races-figures.txt");

    private Figures() {}

    public static void record(String line) {
        System.out.println("[figures] " + line);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, line + "\n", UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
