package dev.omnigraph.console.cluster.diff;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnigraph.console.cluster.history.LedgerCopy;
import dev.omnigraph.console.cluster.model.Digests;
import dev.omnigraph.console.common.Format;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Prints how long a structural + raw diff of two large ledgers takes (never asserts a time).
 * Run: {@code mvn -B -o test -Dtest=LedgerDiffBenchmark -Dbench=true}, figures in
 * {@code target/surefire-reports/*LedgerDiffBenchmark-output.txt}.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class LedgerDiffBenchmark {

    private static byte[] ledger(int graphs, int queriesPerGraph, int variant) {
        return LedgerJson.editedState(t -> {
            ObjectNode resources = LedgerJson.resources(t);
            ObjectNode statuses = (ObjectNode) t.path("resource_statuses");
            for (int g = 0; g < graphs; g++) {
                for (int q = 0; q < queriesPerGraph; q++) {
                    String address = "query.g" + g + ".q" + q;
                    // variant 1 changes 1% of digests and drops 0.5% of resources
                    if (variant == 1 && (g * queriesPerGraph + q) % 200 == 7) {
                        continue;
                    }
                    String seed = address + ((variant == 1 && (g * queriesPerGraph + q) % 100 == 3) ? "/v2" : "");
                    resources.putObject(address).put("digest", Digests.sha256Hex(seed));
                    statuses.putObject(address).put("status", "applied");
                }
            }
            t.put("state_revision", 100 + variant);
        });
    }

    @Test
    void diffOfTwoLargeLedgers() {
        for (int[] shape : new int[][] {{100, 20}, {200, 100}}) {
            byte[] a = ledger(shape[0], shape[1], 0);
            byte[] b = ledger(shape[0], shape[1], 1);
            for (int round = 0; round < 3; round++) {
                long t0 = System.nanoTime();
                LedgerCopy ca = LedgerCopy.of("a", a, null, null);
                LedgerCopy cb = LedgerCopy.of("b", b, null, null);
                long t1 = System.nanoTime();
                StructuralDiff s = LedgerDiffer.structural(ca.ledger().orElseThrow(), cb.ledger().orElseThrow());
                long t2 = System.nanoTime();
                TextDiff raw = LineDiff.diff(ca.text(), cb.text(), LineDiff.DEFAULT_CONTEXT, SecretMask::line);
                long t3 = System.nanoTime();
                System.out.printf(Locale.ROOT, "%,d resources, %s vs %s: parse both %.0f ms, structural %.0f ms (%d changes), "
                                + "raw line diff %.0f ms (%d hunks, -%d +%d lines)%n", shape[0] * shape[1],
                        Format.bytes(a.length), Format.bytes(b.length), (t1 - t0) / 1e6, (t2 - t1) / 1e6, s.resources().size(),
                        (t3 - t2) / 1e6, raw.hunks().size(), raw.removed(), raw.added());
            }
        }
    }
}
