package dev.omnigraph.console.migrate;

import dev.omnigraph.console.cluster.diff.LineDiff;
import dev.omnigraph.console.cluster.model.ClusterConfig;
import dev.omnigraph.console.cluster.model.ClusterConfigReadResult;
import dev.omnigraph.console.cluster.model.ClusterConfigReader;
import dev.omnigraph.console.cluster.model.Diagnostic;
import dev.omnigraph.console.storage.StoreUri;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Points {@code cluster.yaml} at the new root by editing exactly one line in place: the top-level
 * {@code storage:} value is replaced (its quoting style, trailing comment and every other line
 * kept byte for byte), or, when there is none, a {@code storage:} line is inserted after
 * {@code version:}. The edit is proposed first, with a unified diff; {@link #apply} writes it only
 * if the file is still exactly what the diff was made from, and only after the new text passed the
 * same header checks upstream runs. A {@code storage:} value spread over several lines is not
 * edited automatically (the admin is told to do it by hand).
 */
public final class ConfigEdit {

    /** A proposed edit: the file, its bytes when read, the new text and the diff between them. */
    public record Proposal(Path file, byte[] before, String after, String diff, String storageValue) {
        public Proposal {
            before = before.clone();
        }

        @Override
        public byte[] before() {
            return before.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Proposal p && p.file.equals(file) && Arrays.equals(p.before, before) && p.after.equals(after);
        }

        @Override
        public int hashCode() {
            return file.hashCode() * 31 + after.hashCode();
        }
    }

    /** Why the edit cannot be made automatically. */
    public static final class EditException extends Exception {
        public EditException(String message) {
            super(message);
        }
    }

    private ConfigEdit() {}

    /**
     * Proposes the edit of {@code <configDir>/cluster.yaml} so its storage root becomes {@code destination}.
     *
     * @param cwd where relative local {@code storage:} paths resolve (the engine's rule)
     */
    public static Proposal propose(Path configDir, StoreUri destination, Path cwd) throws EditException {
        Path file = configDir.resolve(ClusterConfigReader.CLUSTER_CONFIG_FILE);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new EditException("cannot read " + file + ": " + e.getMessage());
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r?\n", -1)));
        String value = StorageLine.value(destination);
        String scalar = StorageLine.yamlScalar(value);
        int changed = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("storage:") || line.matches("storage\\s+:.*")) {
                lines.set(i, replaceValue(line, scalar));
                changed = i;
                break;
            }
        }
        if (changed < 0) {
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).matches("version\\s*:.*")) {
                    lines.add(i + 1, "storage: " + scalar);
                    changed = i + 1;
                    break;
                }
            }
        }
        if (changed < 0) {
            throw new EditException(file + " has no top-level version: line to place storage: after; add '" + StorageLine.line(destination)
                    + "' by hand");
        }
        String after = String.join(newline, lines);
        check(configDir, after, destination, cwd);
        String diff = LineDiff.diff(Arrays.asList(text.split("\r?\n", -1)), lines, 2, java.util.function.UnaryOperator.identity())
                .unified(file.toString(), file + " (edited)");
        return new Proposal(file, bytes, after, diff, value);
    }

    /** Writes the proposal if {@code cluster.yaml} is unchanged since it was proposed (temp file + atomic rename). */
    public static void apply(Proposal proposal) throws EditException {
        Path file = proposal.file();
        try {
            byte[] now = Files.readAllBytes(file);
            if (!Arrays.equals(now, proposal.before())) {
                throw new EditException(file + " changed since the edit was proposed: nothing was written; review the new diff");
            }
            Path tmp = file.resolveSibling("." + file.getFileName() + ".omnigraph-edit");
            Files.writeString(tmp, proposal.after(), StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(file));
            } catch (UnsupportedOperationException | IOException ignored) {
                // not a POSIX filesystem: the default permissions stand
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new EditException("cannot write " + file + ": " + e.getMessage());
        }
    }

    /** Replaces the value of a {@code storage: value  # comment} line, keeping the comment and spacing. */
    static String replaceValue(String line, String scalar) throws EditException {
        int colon = line.indexOf(':');
        int start = colon + 1;
        while (start < line.length() && line.charAt(start) == ' ') {
            start++;
        }
        if (start >= line.length() || line.charAt(start) == '#') {
            throw new EditException("storage: has its value on the following lines; edit it by hand");
        }
        char first = line.charAt(start);
        if (first == '|' || first == '>' || first == '&' || first == '*' || first == '!' || first == '[' || first == '{') {
            throw new EditException("storage: uses a YAML form the console does not rewrite (" + first + "); edit it by hand");
        }
        int end;
        if (first == '"') {
            end = start + 1;
            while (end < line.length() && line.charAt(end) != '"') {
                end += line.charAt(end) == '\\' ? 2 : 1;
            }
            if (end >= line.length()) {
                throw new EditException("storage: holds a quoted value spanning several lines; edit it by hand");
            }
            end++;
        } else if (first == '\'') {
            end = start + 1;
            while (end < line.length() && !(line.charAt(end) == '\'' && (end + 1 >= line.length() || line.charAt(end + 1) != '\''))) {
                end += line.charAt(end) == '\'' ? 2 : 1;
            }
            if (end >= line.length()) {
                throw new EditException("storage: holds a quoted value spanning several lines; edit it by hand");
            }
            end++;
        } else {
            int comment = line.indexOf(" #", start);
            end = comment < 0 ? line.length() : comment;
            while (end > start && Character.isWhitespace(line.charAt(end - 1))) {
                end--;
            }
        }
        return line.substring(0, start) + scalar + line.substring(end);
    }

    private static void check(Path configDir, String after, StoreUri destination, Path cwd) throws EditException {
        ClusterConfigReadResult read = ClusterConfigReader.parse(configDir, after.getBytes(StandardCharsets.UTF_8));
        if (!read.ok() || read.parsed().isEmpty()) {
            throw new EditException("the edited cluster.yaml would not pass upstream's checks ("
                    + read.diagnostics().stream().filter(Diagnostic::isError).map(d -> d.code() + ": " + d.message())
                    .collect(Collectors.joining("; ")) + "); edit it by hand");
        }
        ClusterConfig config = read.parsed().get();
        String resolved = StoreUri.parse(config.storageRoot(configDir, cwd).display(), cwd).display();
        if (!resolved.equals(destination.display())) {
            throw new EditException("the edited cluster.yaml would point at " + resolved + ", not " + destination.display()
                    + "; edit it by hand");
        }
    }
}
