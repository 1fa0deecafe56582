package dev.omnigraph.console.cluster.history;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where one side of a ledger diff comes from, as an admin names it on the command line:
 * {@code current}, {@code cache:<cas-prefix>}, {@code version:<id>} (or a bare S3 version id),
 * {@code file:<path>} (or a bare path to an existing file).
 */
public sealed interface LedgerSource {
    /** The live {@code __cluster/state.json}. */
    record Current() implements LedgerSource {}

    /** One stored version in a versioned bucket. */
    record Version(String versionId) implements LedgerSource {}

    /** One ledger from the console's own observation cache, by CAS prefix. */
    record Cached(String casPrefix) implements LedgerSource {}

    /** A ledger file on this machine (a download, a backup, a fixture). */
    record LocalFile(Path path) implements LedgerSource {}

    /**
     * Reads an admin's spelling. A bare word is a file when such a file exists (relative to
     * {@code cwd}), else an S3 version id.
     *
     * @throws IllegalArgumentException when it is empty or a prefix has nothing after it
     */
    static LedgerSource parse(String text, Path cwd) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a ledger is named by current, cache:<cas-prefix>, version:<id> or a file path");
        }
        String t = text.trim();
        if (t.equals("current")) {
            return new Current();
        }
        if (t.startsWith("cache:")) {
            return new Cached(nonEmpty(t.substring(6), "cache:"));
        }
        if (t.startsWith("version:")) {
            return new Version(nonEmpty(t.substring(8), "version:"));
        }
        if (t.startsWith("file:")) {
            String rest = nonEmpty(t.substring(5), "file:");
            return new LocalFile(cwd.resolve(rest.startsWith("//") ? rest.substring(2) : rest).normalize());
        }
        Path candidate = cwd.resolve(t).normalize();
        if (Files.isRegularFile(candidate)) {
            return new LocalFile(candidate);
        }
        return new Version(t);
    }

    private static String nonEmpty(String value, String prefix) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("'" + prefix + "' needs a value after it");
        }
        return value.trim();
    }
}
