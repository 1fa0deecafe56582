package dev.omnigraph.console.cli;

import dev.omnigraph.console.cluster.CatalogIntegrity;
import dev.omnigraph.console.cluster.CatalogVerifier;
import dev.omnigraph.console.cluster.ClusterReader;
import dev.omnigraph.console.cluster.ClusterSnapshot;
import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.storage.ObjectStore;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code catalog verify}: hashes every catalog blob; exit 1 when a live payload is tampered, missing or unreadable. */
@Command(name = "verify", description = "hash every catalog blob and deployment bundle and compare it with its name and the ledger (read-only)",
        customSynopsis = "omnigraph-console catalog verify (--root URI | --config DIR) [--json] [S3 options]")
final class CatalogVerifyCommand extends CliCommand {
    @Mixin
    RootOptions cluster;

    @Mixin
    JsonOption output;

    CatalogVerifyCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    int run() throws Exception {
        RootOptions.Resolved root = cluster.resolve(ctx);
        CatalogVerifier.Report report;
        ClusterSnapshot snapshot;
        try (ObjectStore store = root.open()) {
            snapshot = ClusterReader.read(store, root.location(), Progress.NONE);
            report = CatalogVerifier.verify(store, snapshot.catalog(), Progress.NONE);
        }
        boolean ok = report.liveProblems().isEmpty()
                && report.results().stream().noneMatch(r -> r.integrity() == CatalogIntegrity.TAMPERED);
        return Verdicts.report(ctx, output.json, ok, root.uri().display(), out -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (CatalogIntegrity i : CatalogIntegrity.values()) {
                counts.put(lower(i), report.count(i));
            }
            out.put("counts", counts);
            out.put("blobs", report.results().stream().map(r -> blob(r, snapshot)).toList());
        }, out -> text(out, report, snapshot));
    }

    private static Map<String, Object> blob(CatalogVerifier.Result r, ClusterSnapshot snapshot) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", r.entry().key());
        m.put("address", r.entry().address());
        m.put("digest", r.entry().digest());
        m.put("reference", lower(r.entry().reference()));
        m.put("integrity", lower(r.integrity()));
        m.put("size", r.entry().size());
        if (r.entry().isBundle()) {
            m.put("kind", "deployment_bundle");
            m.put("referenced_by", snapshot.catalog().referencesOf(r.entry().key()));
        }
        if (!r.detail().isEmpty()) {
            m.put("detail", r.detail());
        }
        return m;
    }

    private static void text(PrintStream out, CatalogVerifier.Report report, ClusterSnapshot snapshot) {
        for (CatalogVerifier.Result r : report.results()) {
            List<String> refs = snapshot.catalog().referencesOf(r.entry().key());
            out.printf("%-10s %-7s %s%s%s%n", lower(r.integrity()), lower(r.entry().reference()), r.entry().key(),
                    refs.isEmpty() ? "" : "\n           bundle of " + String.join(", ", refs),
                    r.detail().isEmpty() ? "" : "\n           " + r.detail());
        }
        out.printf("%d verified, %d tampered, %d missing, %d unreadable%n", report.count(CatalogIntegrity.VERIFIED),
                report.count(CatalogIntegrity.TAMPERED), report.count(CatalogIntegrity.MISSING), report.count(CatalogIntegrity.UNREADABLE));
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
