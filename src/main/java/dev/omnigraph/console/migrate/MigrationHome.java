package dev.omnigraph.console.migrate;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the console keeps migration records on this machine: {@code <home>/migrations/} for the
 * reports and {@code <home>/migrations/journals/} for the resume journals. {@code <home>} is the
 * system property {@code omnigraph.console.home}, default {@code ~/.omnigraph-console}. Nothing
 * secret is ever written here.
 */
public record MigrationHome(Path root) {
    public static final String PROPERTY = "omnigraph.console.home";

    public MigrationHome {
        root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    public static MigrationHome fromSystem() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return new MigrationHome(Path.of(configured.trim()));
        }
        return new MigrationHome(Path.of(System.getProperty("user.home"), ".omnigraph-console"));
    }

    public Path migrations() {
        return root.resolve("migrations");
    }

    public Path journals() {
        return migrations().resolve("journals");
    }
}
