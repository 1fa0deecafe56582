package dev.omnigraph.console.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.omnigraph.console.cluster.model.Fixtures013;
import dev.omnigraph.console.cluster.model.HostileCorpus;
import dev.omnigraph.console.cluster.model.HostileV2Corpus;
import dev.omnigraph.console.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code status} and {@code catalog verify} on v0.13 roots holding a fuzzed ledger, bundle or lock
 * record ({@link HostileV2Corpus}, every 7th input plus every lock record): a clear verdict naming
 * upstream's code, a non-zero exit for a refused ledger, nothing written, no raw control characters,
 * no stack trace.
 */
class HostileV2RootCliTest {
    @TempDir
    Path temp;

    @Test
    void statusAndVerifyOnFuzzedV2RootsAreClearAndWriteNothing() throws Exception {
        List<HostileV2Corpus.Input> all = HostileV2Corpus.all();
        List<HostileV2Corpus.Input> sample = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (i % 7 == 0 || all.get(i).kind() == HostileV2Corpus.Kind.LOCK) {
                sample.add(all.get(i));
            }
        }
        List<String> problems = new ArrayList<>();
        int n = 0;
        for (HostileV2Corpus.Input in : sample) {
            Path root = temp.resolve("root-" + n++);
            Files.createDirectories(root.resolve("__cluster/resources/deployment"));
            Files.write(root.resolve("__cluster/state.json"), Fixtures013.bytes("ledgers/state.v2.completed.json"));
            String[] argv = {"status", "--root", root.toString()};
            switch (in.kind()) {
                case LEDGER -> Files.write(root.resolve("__cluster/state.json"), in.bytes());
                case LOCK -> Files.write(root.resolve("__cluster/lock.json"), in.bytes());
                case BUNDLE -> {
                    Files.write(root.resolve("__cluster/resources/deployment/" + in.name() + ".json"), in.bytes());
                    argv = new String[] {"catalog", "verify", "--root", root.toString()};
                }
            }
            Map<String, String> before = Trees.snapshot(root);
            String[] args = argv;
            CliRunner.Outcome out = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> CliRunner.run(temp, args),
                    () -> "hang on " + in);
            String text = out.out() + out.err();
            if (!Trees.snapshot(root).equals(before)) {
                problems.add(in + ": the tree changed");
            }
            if (HostileRootCliTest.firstUnsafe(text) >= 0) {
                problems.add(in + ": raw control character in output");
            }
            if (text.contains("\tat ") || text.contains("Exception:")) {
                problems.add(in + ": a stack trace");
            }
            HostileCorpus.Verdict v = HostileV2Corpus.read(in);
            if (!v.accepted() && !text.contains(v.diagnostic().code())) {
                problems.add(in + ": output does not name " + v.diagnostic().code());
            }
            if (!v.accepted() && in.kind() == HostileV2Corpus.Kind.LEDGER && out.exitCode() == CliMain.OK) {
                problems.add(in + ": exit 0 although " + v.diagnostic().code());
            }
        }
        assertThat(sample.size()).isGreaterThan(200);
        assertThat(problems).isEmpty();
    }
}
