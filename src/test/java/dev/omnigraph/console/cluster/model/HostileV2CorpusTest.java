package dev.omnigraph.console.cluster.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every fuzzed v2 ledger, bundle and lock record of {@link HostileV2Corpus} gets a clean verdict from
 * the typed readers: accepted, or one diagnostic with a code, a path and a sentence; never another
 * exception, never a hang. Mutations that change required structure must be refused.
 */
class HostileV2CorpusTest {

    @Test
    void everyFuzzedV2InputGetsAClearVerdict() {
        List<HostileV2Corpus.Input> corpus = HostileV2Corpus.all();
        assertThat(corpus).hasSizeGreaterThan(1000);
        List<String> problems = new ArrayList<>();
        Map<String, int[]> byKind = new TreeMap<>();
        for (HostileV2Corpus.Input in : corpus) {
            HostileCorpus.Verdict v = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> HostileV2Corpus.read(in),
                    () -> "hang on " + in);
            byKind.computeIfAbsent(in.kind().name(), k -> new int[2])[v.accepted() ? 1 : 0]++;
            if (v.accepted()) {
                if (mustFail(in)) {
                    problems.add(in + ": accepted");
                }
                continue;
            }
            Diagnostic d = v.diagnostic();
            if (d.code().isBlank() || d.path().isBlank() || d.message().isBlank() || d.message().length() > 2_000) {
                problems.add(in + ": unclear diagnostic " + d);
            }
        }
        assertThat(problems).isEmpty();
        // every kind has refusals, and the ledgers also have accepted inputs (a wrong type for an optional field)
        assertThat(byKind.get("LEDGER")[0]).isGreaterThan(500);
        assertThat(byKind.get("BUNDLE")[0]).isGreaterThan(50);
        assertThat(byKind.get("LOCK")[0]).isGreaterThan(10);
    }

    private static boolean mustFail(HostileV2Corpus.Input in) {
        String l = in.label();
        boolean freeForm = l.contains("/approval_records") || l.contains("/recovery_records") || l.contains("/observations");
        return (l.contains("unknown key") && !freeForm) || l.contains("raw BEL") || l.contains("truncated") || l.contains("duplicate")
                || l.startsWith("deployment id") || (in.kind() == HostileV2Corpus.Kind.LOCK && !l.contains("pretty"));
    }
}
