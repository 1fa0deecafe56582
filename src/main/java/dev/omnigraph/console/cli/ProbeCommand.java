package dev.omnigraph.console.cli;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.storage.CapabilityProbe;
import dev.omnigraph.console.storage.ObjectStore;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code probe}: what a storage root can do (list, read, conditional writes and deletes, versioning). */
@Command(name = "probe", description = "check what a storage root supports (writes one scratch object under __cluster/, then removes it)",
        customSynopsis = "omnigraph-console probe (--root URI | --config DIR) [--json] [S3 options]")
final class ProbeCommand extends CliCommand {
    @Mixin
    RootOptions cluster;

    @Mixin
    JsonOption output;

    ProbeCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    int run() throws Exception {
        RootOptions.Resolved root = cluster.resolve(ctx);
        CapabilityProbe.Report report;
        try (ObjectStore store = root.open()) {
            report = CapabilityProbe.run(store, ClusterLayout.PROBE);
        }
        return Verdicts.report(ctx, output.json, report.canBrowse() && report.canWriteConditionally(), report.root(), out -> {
            out.put("checks", report.checks().stream().map(c -> Map.of(
                    "name", c.name(), "status", status(c), "detail", c.detail())).toList());
            out.put("conditional_delete", report.supportsConditionalDelete());
            out.put("versioning", report.versioning().orElse(null));
        }, out -> {
            out.println("Capabilities of " + report.root());
            for (CapabilityProbe.Check c : report.checks()) {
                out.printf("  %-7s %-20s %s%n", "[" + status(c) + "]", c.name(), c.detail());
            }
        });
    }

    private static String status(CapabilityProbe.Check c) {
        return c.status().name().toLowerCase(Locale.ROOT);
    }
}
