package dev.omnigraph.console.cli;

import dev.omnigraph.console.cluster.CatalogIntegrity;
import dev.omnigraph.console.cluster.CatalogVerifier;
import dev.omnigraph.console.cluster.ClusterReader;
import dev.omnigraph.console.cluster.ClusterSnapshot;
import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.storage.ObjectStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code catalog verify}: hashes every catalog blob; exit 1 when a live payload is tampered, missing or unreadable. */
final class CatalogVerifyCommand extends ClusterCommand {
    @Override
    public String name() {
        return "catalog verify";
    }

    @Override
    public String summary() {
        return "hash every catalog blob and deployment bundle and compare it with its name and the ledger (read-only)";
    }

    @Override
    public String usage() {
        return usageOf("catalog verify (--root URI | --config DIR) [--json]");
    }



    @Override
    public int run(Args args, CliContext ctx) throws Exception {
        RootOptions.Resolved root = RootOptions.resolve(args, ctx);
        CatalogVerifier.Report report;
        ClusterSnapshot snapshot;
        try (ObjectStore store = root.open()) {
            snapshot = ClusterReader.read(store, root.location(), Progress.NONE);
            report = CatalogVerifier.verify(store, snapshot.catalog(), Progress.NONE);
        }
        boolean ok = report.liveProblems().isEmpty()
                && report.results().stream().noneMatch(r -> r.integrity() == CatalogIntegrity.TAMPERED);
        if (args.flag("json")) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("ok", ok);
            out.put("root", root.uri().display());
            Map<String, Long> counts = new LinkedHashMap<>();
            for (CatalogIntegrity i : CatalogIntegrity.values()) {
                counts.put(i.name().toLowerCase(Locale.ROOT), report.count(i));
            }
            out.put("counts", counts);
            out.put("blobs", report.results().stream().map(r -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("key", r.entry().key());
                m.put("address", r.entry().address());
                m.put("digest", r.entry().digest());
                m.put("reference", r.entry().reference().name().toLowerCase(Locale.ROOT));
                m.put("integrity", r.integrity().name().toLowerCase(Locale.ROOT));
                m.put("size", r.entry().size());
                if (r.entry().isBundle()) {
                    m.put("kind", "deployment_bundle");
                    m.put("referenced_by", snapshot.catalog().referencesOf(r.entry().key()));
                }
                if (!r.detail().isEmpty()) {
                    m.put("detail", r.detail());
                }
                return m;
            }).toList());
            Json.print(ctx.out(), out);
        } else {
            for (CatalogVerifier.Result r : report.results()) {
                List<String> refs = snapshot.catalog().referencesOf(r.entry().key());
                ctx.out().printf("%-10s %-7s %s%s%s%n", r.integrity().name().toLowerCase(Locale.ROOT),
                        r.entry().reference().name().toLowerCase(Locale.ROOT), r.entry().key(),
                        refs.isEmpty() ? "" : "\n           bundle of " + String.join(", ", refs),
                        r.detail().isEmpty() ? "" : "\n           " + r.detail());
            }
            ctx.out().printf("%d verified, %d tampered, %d missing, %d unreadable%n", report.count(CatalogIntegrity.VERIFIED),
                    report.count(CatalogIntegrity.TAMPERED), report.count(CatalogIntegrity.MISSING), report.count(CatalogIntegrity.UNREADABLE));
        }
        return ok ? CliMain.OK : CliMain.FINDINGS;
    }
}
