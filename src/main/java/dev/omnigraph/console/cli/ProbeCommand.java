package dev.omnigraph.console.cli;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.storage.CapabilityProbe;
import dev.omnigraph.console.storage.ObjectStore;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code probe}: what a storage root can do (list, read, conditional writes and deletes, versioning). */
final class ProbeCommand extends ClusterCommand {
    @Override
    public String name() {
        return "probe";
    }

    @Override
    public String summary() {
        return "check what a storage root supports (writes one scratch object under __cluster/, then removes it)";
    }

    @Override
    public String usage() {
        return usageOf("probe (--root URI | --config DIR) [--json]");
    }



    @Override
    public int run(Args args, CliContext ctx) throws Exception {
        RootOptions.Resolved root = RootOptions.resolve(args, ctx);
        CapabilityProbe.Report report;
        try (ObjectStore store = root.open()) {
            report = CapabilityProbe.run(store, ClusterLayout.PROBE);
        }
        boolean ok = report.canBrowse() && report.canWriteConditionally();
        if (args.flag("json")) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("ok", ok);
            out.put("root", report.root());
            out.put("checks", report.checks().stream().map(c -> Map.of(
                    "name", c.name(), "status", c.status().name().toLowerCase(java.util.Locale.ROOT), "detail", c.detail())).toList());
            out.put("conditional_delete", report.supportsConditionalDelete());
            out.put("versioning", report.versioning().orElse(null));
            Json.print(ctx.out(), out);
        } else {
            ctx.out().println("Capabilities of " + report.root());
            for (CapabilityProbe.Check c : report.checks()) {
                ctx.out().printf("  %-7s %-20s %s%n", "[" + c.status().name().toLowerCase(java.util.Locale.ROOT) + "]", c.name(), c.detail());
            }
        }
        return ok ? CliMain.OK : CliMain.FINDINGS;
    }
}
