package dev.omnigraph.console.cluster.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import dev.omnigraph.console.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6, "Hostile input": every input of {@link HostileCorpus} through the typed readers. Each
 * ends in a value or a diagnostic with a code and a path, within a generous time limit, without
 * any other exception (no stack overflow, no out-of-memory under surefire's -Xmx1g).
 */
class HostileCorpusTest {
    @TempDir
    Path configDir;

    @Test
    void everyHostileInputGetsAClearVerdictFromTheTypedReaders() throws Exception {
        Trees.copy(HostileCorpus.fixturesDir().resolve("config"), configDir);
        List<HostileCorpus.Input> corpus = HostileCorpus.all();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(200);
        Map<String, int[]> byCategory = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        Map<String, Long> nanos = new TreeMap<>();
        for (HostileCorpus.Input in : corpus) {
            long start = System.nanoTime();
            HostileCorpus.Verdict v = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> HostileCorpus.read(in, configDir), () -> "hang on " + in);
            nanos.merge(in.category(), System.nanoTime() - start, Long::sum);
            int[] counts = byCategory.computeIfAbsent(in.category(), k -> new int[2]);
            counts[v.accepted() ? 1 : 0]++;
            if (v.accepted()) {
                if (in.mustFail()) {
                    problems.add(in + ": accepted");
                }
                continue;
            }
            Diagnostic d = v.diagnostic();
            if (d.code() == null || d.code().isBlank() || d.path() == null || d.path().isBlank() || d.message() == null || d.message().isBlank()) {
                problems.add(in + ": unclear diagnostic " + d);
            }
            if (d.message().length() > 2_000) {
                problems.add(in + ": message of " + d.message().length() + " chars");
            }
        }
        StringBuilder figures = new StringBuilder("readers: inputs=" + corpus.size());
        byCategory.forEach((k, c) -> figures.append(' ').append(k).append('=').append(c[0] + c[1]).append(" (rejected ")
                .append(c[0]).append(", ").append(nanos.get(k) / 1_000_000).append(" ms)"));
        dev.omnigraph.console.testing.Figures.record(figures.toString());
        assertThat(problems).isEmpty();
    }
}
