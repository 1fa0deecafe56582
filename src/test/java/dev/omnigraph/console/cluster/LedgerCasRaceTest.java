package dev.omnigraph.console.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.WriteCondition;
import dev.omnigraph.console.testing.Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Issue 6, "Ledger CAS": an If-Match write of state.json with a stale token never lands; the loser sees the newer ledger. */
class LedgerCasRaceTest {
    static final int ROUNDS = Integer.getInteger("races.casRounds", 20);

    @TempDir
    Path temp;

    static byte[] ledger(long revision) {
        return ("{\n  \"version\": 1,\n  \"state_revision\": " + revision + ",\n  \"applied_revision\": {}\n}").getBytes(UTF_8);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void staleTokensNeverLandAndTheLoserSeesTheNewerLedger(Backend backend) throws Exception {
        int writers = 3;
        int conflicts = 0;
        int staleRefused = 0;
        try (ObjectStore store = backend.newStore(temp, "ledger-cas")) {
            store.put(ClusterLayout.STATE, ledger(0), WriteCondition.IF_ABSENT);
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            try {
                for (int round = 1; round <= ROUNDS; round++) {
                    LedgerState.Present read = (LedgerState.Present) ClusterReader.readLedger(store);
                    String token = read.token();
                    CountDownLatch go = new CountDownLatch(1);
                    List<Future<LedgerWriter.Outcome>> all = new ArrayList<>();
                    for (int w = 0; w < writers; w++) {
                        long revision = round * 10L + w;
                        all.add(pool.submit(() -> {
                            go.await();
                            return new LedgerWriter(store).replace(token, ledger(revision));
                        }));
                    }
                    go.countDown();
                    List<LedgerWriter.Outcome> outcomes = new ArrayList<>();
                    for (Future<LedgerWriter.Outcome> f : all) {
                        outcomes.add(f.get());
                    }
                    List<Integer> winners = new ArrayList<>();
                    for (int w = 0; w < writers; w++) {
                        if (outcomes.get(w) instanceof LedgerWriter.Outcome.Replaced) {
                            winners.add(w);
                        }
                    }
                    assertThat(winners).as("round %d", round).hasSize(1);
                    long winning = round * 10L + winners.get(0);
                    assertThat(store.read(ClusterLayout.STATE, 1 << 20).orElseThrow().bytes()).isEqualTo(ledger(winning));
                    for (LedgerWriter.Outcome o : outcomes) {
                        if (o instanceof LedgerWriter.Outcome.Conflict c) {
                            conflicts++;
                            // the loser can show the newer ledger: the winner's revision (or one written after it)
                            assertThat(c.newer()).isInstanceOfSatisfying(LedgerState.Present.class,
                                    p -> assertThat(p.ledger().stateRevision()).isEqualTo(winning));
                            assertThat(c.message()).contains("revision " + winning).contains("nothing was written");
                        }
                    }
                    // a late writer quoting the token from before the round never lands
                    LedgerWriter.Outcome late = new LedgerWriter(store).replace(token, ledger(999_999));
                    assertThat(late).isInstanceOf(LedgerWriter.Outcome.Conflict.class);
                    staleRefused++;
                    assertThat(store.read(ClusterLayout.STATE, 1 << 20).orElseThrow().bytes()).isEqualTo(ledger(winning));
                }
            } finally {
                pool.shutdownNow();
            }
        }
        LockRaceTest.figure(backend + " ledger CAS: rounds=" + ROUNDS + " writers=" + writers + " conflicts reported=" + conflicts
                + " stale late writes refused=" + staleRefused + " stale writes landed=0");
    }
}
