package dev.omnigraph.console.cluster.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * File access for config sources, with upstream's semantics: {@code config.rs::resolve_config_path}
 * (absolute paths as-is, others joined to the config dir, no normalization) and
 * {@code fs::read_to_string} (the bytes must be UTF-8; failure is reported as "could not read").
 * Reads are capped at {@link WireLimits#CONFIG_SOURCE_MAX_BYTES}.
 */
final class ConfigFiles {

    /** Raw bytes plus their UTF-8 text. */
    record Source(byte[] bytes, String text) {
    }

    private ConfigFiles() {
    }

    static Path resolve(Path configDir, String declared) {
        try {
            Path path = Path.of(declared);
            return path.isAbsolute() ? path : configDir.resolve(path);
        } catch (InvalidPathException e) {
            return configDir.resolve(declared.replace('\0', '_'));
        }
    }

    /** Reads a source file; the IOException message is what the diagnostic shows. */
    static Source read(Path path) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, WireLimits.CONFIG_SOURCE_MAX_BYTES + 1));
        }
        if (bytes.length > WireLimits.CONFIG_SOURCE_MAX_BYTES) {
            throw new IOException("file is larger than the console's limit of " + WireLimits.CONFIG_SOURCE_MAX_BYTES
                    + " bytes");
        }
        String text = StrictUtf8.decodeOrNull(bytes);
        if (text == null) {
            throw new IOException("stream did not contain valid UTF-8");
        }
        return new Source(bytes, text);
    }
}
