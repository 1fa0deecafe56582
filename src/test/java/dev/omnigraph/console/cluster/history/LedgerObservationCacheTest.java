package dev.omnigraph.console.cluster.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.cluster.diff.LedgerJson;
import dev.omnigraph.console.cluster.model.Digests;
import dev.omnigraph.console.cluster.model.Ledger;
import dev.omnigraph.console.storage.StoreUri;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerObservationCacheTest {
    @TempDir
    Path home;

    private static final ClusterLocation ROOT = ClusterLocation.ofRoot(new StoreUri.S3("omnigraph-local", "clusters/company-brain"));

    private static Ledger revision(long r) {
        return LedgerJson.parse(LedgerJson.editedState(t -> t.put("state_revision", r)));
    }

    private LedgerObservationCache session(Instant now, int maxEntries) {
        return new LedgerObservationCache(home, LedgerObservationCache.DEFAULT_MAX_BYTES, maxEntries, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aLaterSessionSeesWhatAnEarlierOneObservedAndCanDiffAgainstIt() throws Exception {
        Instant monday = Instant.parse("2026-08-17T09:00:00Z");
        Instant tuesday = Instant.parse("2026-08-18T09:00:00Z");
        Ledger seenMonday = revision(17);
        LedgerObservationCache first = session(monday, 200);
        assertThat(first.record(ROOT, seenMonday).kind()).isEqualTo(LedgerObservationCache.RecordKind.STORED);
        assertThat(first.record(ROOT, seenMonday).kind()).isEqualTo(LedgerObservationCache.RecordKind.ALREADY_KNOWN);

        Ledger seenTuesday = revision(18);
        LedgerObservationCache second = session(tuesday, 200); // a new process: nothing in memory
        second.record(ROOT, seenTuesday);

        List<CachedLedger> entries = second.entries(ROOT);
        assertThat(entries).extracting(CachedLedger::cas).containsExactly(seenTuesday.cas(), seenMonday.cas());
        assertThat(entries.get(1).revision()).isEqualTo(17);
        assertThat(entries.get(1).firstSeen()).isEqualTo(monday);
        CachedLedger previous = entries.get(1);
        assertThat(previous.cas()).isEqualTo(seenMonday.cas());
        LedgerCopy back = second.read(previous);
        assertThat(back.bytes()).isEqualTo(seenMonday.rawBytes());
        assertThat(back.revision()).contains(17L);
        assertThat(second.find(ROOT, previous.hex().substring(0, 8))).contains(previous);
        assertThat(second.find(ROOT, "sha256:" + previous.hex().substring(0, 8))).contains(previous);

        // the folder is named after the root, and says which root it is
        Path dir = home.resolve("ledger-cache").resolve(Digests.sha256Hex(ROOT.root().display()));
        assertThat(second.directory(ROOT)).isEqualTo(dir);
        assertThat(Files.readString(dir.resolve("root.txt")).trim()).isEqualTo("s3://omnigraph-local/clusters/company-brain");
        assertThat(Files.readAllBytes(dir.resolve(seenMonday.cas().substring(7) + ".json"))).isEqualTo(seenMonday.rawBytes());
    }

    @Test
    void anotherRootHasItsOwnObservations() throws Exception {
        LedgerObservationCache cache = session(Instant.now(), 200);
        cache.record(ROOT, revision(1));
        ClusterLocation other = ClusterLocation.ofRoot(new StoreUri.S3("omnigraph-local", "clusters/other"));
        assertThat(cache.entries(other)).isEmpty();
        assertThat(cache.entries(ROOT)).hasSize(1);
    }

    @Test
    void theLeastRecentlySeenLedgersAreEvictedBeyondTheBound() throws Exception {
        Instant t = Instant.parse("2026-08-01T00:00:00Z");
        for (int r = 1; r <= 4; r++) {
            session(t.plusSeconds(r * 60L), 3).record(ROOT, revision(r));
        }
        // revision 1 seen again: it becomes the most recent, so revision 2 is the oldest
        LedgerObservationCache.RecordOutcome again = session(t.plusSeconds(600), 3).record(ROOT, revision(1));
        assertThat(again.kind()).isEqualTo(LedgerObservationCache.RecordKind.STORED); // it had been evicted at r=4
        List<CachedLedger> entries = session(t.plusSeconds(700), 3).entries(ROOT);
        assertThat(entries).extracting(CachedLedger::revision).containsExactly(1L, 4L, 3L);
        try (Stream<Path> files = Files.list(home.resolve("ledger-cache").resolve(Digests.sha256Hex(ROOT.root().display())))) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".json") && !f.getFileName().toString().endsWith(".meta.json")))
                    .hasSize(3);
        }
    }

    @Test
    void aByteBoundEvictsTooButNeverTheLedgerJustRecorded() throws Exception {
        Ledger big = revision(9);
        LedgerObservationCache tiny = new LedgerObservationCache(home, big.rawBytes().length - 1, 100, Clock.systemUTC());
        LedgerObservationCache.RecordOutcome o = tiny.record(ROOT, big);
        assertThat(o.kind()).isEqualTo(LedgerObservationCache.RecordKind.STORED);
        assertThat(tiny.entries(ROOT)).hasSize(1);
        LedgerObservationCache.RecordOutcome next = tiny.record(ROOT, revision(10));
        assertThat(next.evicted()).extracting(CachedLedger::cas).containsExactly(big.cas());
        assertThat(tiny.entries(ROOT)).extracting(CachedLedger::revision).containsExactly(10L);
    }

    @Test
    void aLedgerWithAnInlineSecretIsNeverWrittenToDisk() throws Exception {
        Ledger leaked = LedgerJson.parse(LedgerJson.editedState(t -> ((ObjectNode) LedgerJson.resource(t, "provider.embedding.default")
                .path("embedding_profile")).put("api_key", "sk-live-SECRET-VALUE")));
        LedgerObservationCache cache = session(Instant.now(), 200);
        LedgerObservationCache.RecordOutcome o = cache.record(ROOT, leaked);
        assertThat(o.kind()).isEqualTo(LedgerObservationCache.RecordKind.REFUSED_SECRET);
        assertThat(o.message()).contains("provider.embedding.default.embedding_profile.api_key").doesNotContain("sk-live");
        assertThat(cache.entries(ROOT)).isEmpty();
        if (Files.exists(home)) {
            try (Stream<Path> all = Files.walk(home)) {
                for (Path p : all.filter(Files::isRegularFile).toList()) {
                    assertThat(Files.readString(p, StandardCharsets.UTF_8)).doesNotContain("sk-live");
                }
            }
        }
    }

    @Test
    void aShortOrAmbiguousPrefixIsRefused() throws Exception {
        LedgerObservationCache cache = session(Instant.now(), 200);
        cache.record(ROOT, revision(1));
        assertThatThrownBy(() -> cache.find(ROOT, "ab")).isInstanceOf(IllegalArgumentException.class);
        assertThat(cache.find(ROOT, "0000")).isEmpty();
    }

    @Test
    void aCacheFileThatNoLongerMatchesItsNameIsRefusedOnRead() throws Exception {
        LedgerObservationCache cache = session(Instant.now(), 200);
        Ledger l = revision(3);
        CachedLedger e = cache.record(ROOT, l).entry().orElseThrow();
        Files.writeString(e.file(), "{}");
        assertThatThrownBy(() -> cache.read(e)).hasMessageContaining("no longer holds the ledger");
    }

    @Test
    void anUnwritableHomeIsReportedNotThrown() throws Exception {
        Path file = Files.writeString(home.resolve("not-a-folder"), "x");
        LedgerObservationCache cache = new LedgerObservationCache(file, 1 << 20, 10, Clock.systemUTC());
        LedgerObservationCache.RecordOutcome o = cache.record(ROOT, revision(1));
        assertThat(o.kind()).isEqualTo(LedgerObservationCache.RecordKind.FAILED);
        assertThat(o.message()).contains("could not write the ledger cache");
    }
}
