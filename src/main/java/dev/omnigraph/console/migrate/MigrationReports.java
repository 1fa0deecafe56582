package dev.omnigraph.console.migrate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.omnigraph.console.common.Format;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Saves {@link MigrationReport}s as {@code <name>.json} and {@code <name>.md} under {@code <home>/migrations/}, lists and loads them. */
public final class MigrationReports {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private MigrationReports() {}

    /** Writes both files (each via a temp file and a rename) and returns the JSON one. */
    public static Path save(MigrationHome home, MigrationReport report) throws IOException {
        Path dir = Files.createDirectories(home.migrations());
        String stem = report.startedAt().replace(":", "").replace("-", "").replaceAll("\\.\\d+", "") + "-" + report.id();
        Path json = dir.resolve(stem + ".json");
        write(json, MAPPER.writeValueAsString(report) + "\n");
        write(dir.resolve(stem + ".md"), markdown(report));
        return json;
    }

    public static MigrationReport load(Path json) throws IOException {
        MigrationReport r = MAPPER.readValue(json.toFile(), MigrationReport.class);
        if (r.formatVersion() != MigrationReport.FORMAT_VERSION) {
            throw new IOException(json + " is a migration report of format " + r.formatVersion() + "; this console reads format "
                    + MigrationReport.FORMAT_VERSION);
        }
        return r;
    }

    /** Every saved report, oldest first. */
    public static List<Path> list(MigrationHome home) throws IOException {
        if (!Files.isDirectory(home.migrations())) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(home.migrations())) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }

    private static void write(Path target, String text) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The human version of a report. */
    public static String markdown(MigrationReport r) {
        StringBuilder md = new StringBuilder();
        md.append("# Storage migration ").append(r.id()).append(" — ").append(r.outcome()).append("\n\n");
        md.append(r.message()).append("\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "Cluster", r.cluster());
        row(md, "Source", r.source());
        row(md, "Destination", r.destination());
        row(md, "Started", r.startedAt());
        row(md, "Finished", r.finishedAt());
        row(md, "Run by", r.who() + " on " + r.host());
        if (r.storageLine() != null) {
            row(md, "cluster.yaml", "`" + r.storageLine() + "`");
        }
        if (r.sourceLock() != null) {
            MigrationReport.SourceLockLeft l = r.sourceLock();
            row(md, "Source lock", l.lockId() == null ? "not left locked: " + l.problem()
                    : "left locked as `" + l.operation() + "` (lock `" + l.lockId() + "`): no server or deployment starts on the old root. "
                    + "Rollback: `" + l.undo() + "`");
        }
        MigrationReport.Counts c = r.counts();
        md.append("\n## Objects\n\n| | objects | bytes |\n|---|---:|---:|\n");
        md.append("| in scope at the source | ").append(Format.count(c.planned())).append(" | ").append(Format.bytes(c.plannedBytes())).append(" |\n");
        md.append("| copied | ").append(Format.count(c.copied())).append(" | ").append(Format.bytes(c.copiedBytes())).append(" |\n");
        md.append("| of which server-side | ").append(Format.count(c.serverSide())).append(" | |\n");
        md.append("| already identical (skipped) | ").append(Format.count(c.identical())).append(" | ").append(Format.bytes(c.identicalBytes()))
                .append(" |\n");
        md.append("| replaced (left different by an earlier attempt) | ").append(Format.count(c.overwritten())).append(" | |\n");
        md.append("| found already there while resolving | ").append(Format.count(c.alreadyThere())).append(" | |\n");
        md.append("| destination-only, left alone | ").append(Format.count(c.extras())).append(" | |\n");
        md.append("| failed | ").append(Format.count(c.failed())).append(" | |\n");
        md.append("| verified | ").append(Format.count(c.verified())).append(" | |\n");
        md.append("\nRetries: ").append(c.retries()).append(". Copy throughput: ").append(Format.rate(c.copyBytesPerSecond())).append(", ")
                .append(String.format(java.util.Locale.ROOT, "%.0f", c.copyObjectsPerSecond())).append(" objects/s.\n");
        md.append("\n## Phases\n\n| phase | took |\n|---|---:|\n");
        Map<String, Long> phases = new TreeMap<>((a, b) -> Integer.compare(order(a), order(b)));
        phases.putAll(r.phaseMillis());
        phases.forEach((phase, ms) -> md.append("| ").append(phase).append(" | ").append(Format.seconds(Duration.ofMillis(ms))).append(" |\n"));
        MigrationReport.Checksums k = r.checksums();
        md.append("\n## Checksums\n\n");
        md.append("- source ledger: `").append(k.sourceLedgerCas()).append("`\n");
        md.append("- destination ledger: `").append(k.destinationLedgerCas()).append("`\n");
        md.append("- verified tree: `").append(k.treeDigest()).append("`").append(k.deepVerify() ? " (deep: every destination object re-read)" : "")
                .append("\n");
        section(md, "Warnings", r.warnings());
        section(md, "Problems", r.problems());
        return md.toString();
    }

    private static int order(String phaseTitle) {
        for (MigrationPhase p : MigrationPhase.values()) {
            if (p.title().equals(phaseTitle)) {
                return p.ordinal();
            }
        }
        return 99;
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value == null ? "–" : value.replace("|", "\\|")).append(" |\n");
    }

    private static void section(StringBuilder md, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        md.append("\n## ").append(title).append("\n\n");
        List<String> shown = new ArrayList<>(lines);
        shown.forEach(l -> md.append("- ").append(l).append('\n'));
    }
}
