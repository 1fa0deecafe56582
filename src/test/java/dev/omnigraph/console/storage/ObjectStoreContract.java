package dev.omnigraph.console.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ObjectStore} backend must have. Subclasses supply a fresh, empty
 * root; the same assertions then run against a local folder and a real S3 server.
 */
abstract class ObjectStoreContract {
    protected ObjectStore store;

    protected abstract ObjectStore newStore() throws Exception;

    /** Whether the backend deletes conditionally itself (else it must say it cannot). */
    protected abstract boolean supportsConditionalDelete();

    @BeforeEach
    void open() throws Exception {
        store = newStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void createOnlyPutWritesOnceThenLosesWithATypedOutcome() throws Exception {
        PutResult first = store.put("__cluster/lock.json", "one".getBytes(UTF_8), WriteCondition.IF_ABSENT);
        PutResult second = store.put("__cluster/lock.json", "two".getBytes(UTF_8), WriteCondition.IF_ABSENT);

        assertThat(first).isInstanceOf(PutResult.Written.class);
        assertThat(second).isInstanceOf(PutResult.PreconditionFailed.class);
        StoredObject read = store.read("__cluster/lock.json", 1024).orElseThrow();
        assertThat(new String(read.bytes(), UTF_8)).isEqualTo("one");
        assertThat(read.token()).isEqualTo(((PutResult.Written) first).token());
    }

    @Test
    void ifMatchReplacesOnlyTheVersionThatWasRead() throws Exception {
        String token = ((PutResult.Written) store.put("__cluster/state.json", "v1".getBytes(UTF_8), WriteCondition.IF_ABSENT)).token();

        PutResult replaced = store.put("__cluster/state.json", "v2".getBytes(UTF_8), WriteCondition.ifMatch(token));
        PutResult stale = store.put("__cluster/state.json", "v3".getBytes(UTF_8), WriteCondition.ifMatch(token));
        PutResult absent = store.put("__cluster/none.json", "x".getBytes(UTF_8), WriteCondition.ifMatch(token));

        assertThat(replaced).isInstanceOf(PutResult.Written.class);
        assertThat(((PutResult.Written) replaced).token()).isNotEqualTo(token);
        assertThat(stale).isInstanceOf(PutResult.PreconditionFailed.class);
        assertThat(absent).isInstanceOf(PutResult.PreconditionFailed.class);
        assertThat(new String(store.read("__cluster/state.json", 100).orElseThrow().bytes(), UTF_8)).isEqualTo("v2");
        assertThat(store.stat("__cluster/none.json")).isEmpty();
    }

    @Test
    void statAndReadOfAMissingKeyAreEmpty() throws Exception {
        assertThat(store.stat("nothing/here")).isEmpty();
        assertThat(store.read("nothing/here", 10)).isEmpty();
        assertThat(store.openStream("nothing/here")).isEmpty();
        assertThat(store.readIfChanged("nothing/here", "abc", 10)).isInstanceOf(ConditionalRead.Absent.class);
    }

    @Test
    void statReportsSize() throws Exception {
        store.put("a/b.bin", new byte[1234], WriteCondition.IF_ABSENT);
        ObjectInfo info = store.stat("a/b.bin").orElseThrow();
        assertThat(info.key()).isEqualTo("a/b.bin");
        assertThat(info.size()).isEqualTo(1234);
        assertThat(info.lastModified()).isNotNull();
    }

    @Test
    void conditionalReadSkipsAnUnchangedObjectAndSeesAChangedOne() throws Exception {
        String token = ((PutResult.Written) store.put("k.json", "1".getBytes(UTF_8), WriteCondition.IF_ABSENT)).token();
        assertThat(store.readIfChanged("k.json", token, 100)).isInstanceOf(ConditionalRead.Unchanged.class);

        store.put("k.json", "22".getBytes(UTF_8), WriteCondition.ifMatch(token));
        ConditionalRead after = store.readIfChanged("k.json", token, 100);
        assertThat(after).isInstanceOf(ConditionalRead.Changed.class);
        assertThat(new String(((ConditionalRead.Changed) after).object().bytes(), UTF_8)).isEqualTo("22");
        assertThat(store.readIfChanged("k.json", null, 100)).isInstanceOf(ConditionalRead.Changed.class);
    }

    @Test
    void readRefusesObjectsOverTheCap() throws Exception {
        store.put("big", new byte[5000], WriteCondition.IF_ABSENT);
        assertThatThrownBy(() -> store.read("big", 4999))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.TOO_LARGE));
        assertThat(store.read("big", 5000)).isPresent();
    }

    @Test
    void listingIsInS3KeyOrderAndFiltersByPrefix() throws Exception {
        List<String> keys = List.of("a-b", "a/b", "a.b", "a0", "a/bc/d", "a/b-c", "b", "graphs/x.omni/_versions/1.manifest",
                "graphs/x.omni/data/0.lance", "graphs/y.omni/_schema.pg", "é", "z");
        for (String k : keys) {
            store.put(k, k.getBytes(UTF_8), WriteCondition.IF_ABSENT);
        }
        List<String> expected = keys.stream().sorted(Keys::compare).toList();
        try (Stream<ObjectInfo> all = store.list("")) {
            assertThat(all.map(ObjectInfo::key).toList()).containsExactlyElementsOf(expected);
        }
        try (Stream<ObjectInfo> graphs = store.list("graphs/x.omni/")) {
            assertThat(graphs.map(ObjectInfo::key).toList())
                    .containsExactly("graphs/x.omni/_versions/1.manifest", "graphs/x.omni/data/0.lance");
        }
        try (Stream<ObjectInfo> partial = store.list("a/b")) {
            assertThat(partial.map(ObjectInfo::key).toList()).containsExactly("a/b", "a/b-c", "a/bc/d");
        }
        try (Stream<ObjectInfo> sizes = store.list("a/bc/")) {
            assertThat(sizes.map(ObjectInfo::size).toList()).containsExactly(6L);
        }
    }

    @Test
    void listingPagesThroughMoreThanOneThousandKeys() throws Exception {
        int n = 1_150;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<PutResult>> puts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String key = String.format("many/%05d.bin", i);
                puts.add(pool.submit(() -> store.put(key, new byte[] {1}, WriteCondition.IF_ABSENT)));
            }
            for (Future<PutResult> f : puts) {
                assertThat(f.get()).isInstanceOf(PutResult.Written.class);
            }
        } finally {
            pool.shutdown();
        }
        try (Stream<ObjectInfo> all = store.list("many/")) {
            List<String> listed = all.map(ObjectInfo::key).toList();
            assertThat(listed).hasSize(n).doesNotHaveDuplicates().isSortedAccordingTo(Keys::compare);
        }
    }

    @Test
    void listChildrenSplitsObjectsAndSubPrefixes() throws Exception {
        for (String k : List.of("graphs/a.omni/_schema.pg", "graphs/a.omni/nodes/t/x", "graphs/b.omni/f", "graphs/top.txt")) {
            store.put(k, new byte[] {0}, WriteCondition.IF_ABSENT);
        }
        ObjectStore.Listing listing = store.listChildren("graphs/");
        assertThat(listing.prefixes()).containsExactly("graphs/a.omni/", "graphs/b.omni/");
        assertThat(listing.objects()).extracting(ObjectInfo::key).containsExactly("graphs/top.txt");
        assertThat(store.listChildren("graphs/a.omni/").objects()).extracting(ObjectInfo::key).containsExactly("graphs/a.omni/_schema.pg");
        assertThat(store.listChildren("absent/").objects()).isEmpty();
    }

    @Test
    void streamingPutRoundTripsLargeObjectsAndReportsProgress() throws Exception {
        byte[] data = new byte[20 * 1024 * 1024 + 123];
        new Random(7).nextBytes(data);
        AtomicLong progress = new AtomicLong();
        PutResult r = store.putStream("graphs/g.omni/data/big.lance", new ByteArrayInputStream(data), data.length,
                WriteCondition.IF_ABSENT, progress::addAndGet);
        assertThat(r).isInstanceOf(PutResult.Written.class);
        assertThat(progress.get()).isEqualTo(data.length);
        try (InputStream in = store.openStream("graphs/g.omni/data/big.lance").orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
        PutResult again = store.putStream("graphs/g.omni/data/big.lance", new ByteArrayInputStream(data), data.length,
                WriteCondition.IF_ABSENT, null);
        assertThat(again).isInstanceOf(PutResult.PreconditionFailed.class);
    }

    @Test
    void streamingPutRefusesAShortSource() throws Exception {
        assertThatThrownBy(() -> store.putStream("short", new ByteArrayInputStream(new byte[10]), 11, WriteCondition.IF_ABSENT, null))
                .isInstanceOf(StorageException.class);
        assertThat(store.stat("short")).isEmpty();
    }

    @Test
    void conditionalDeleteIsHonouredOrHonestlyRefused() throws Exception {
        String token = ((PutResult.Written) store.put("__cluster/lock.json", "L".getBytes(UTF_8), WriteCondition.IF_ABSENT)).token();
        DeleteResult wrong = store.deleteIfMatch("__cluster/lock.json", "0123456789abcdef0123456789abcdef");
        if (supportsConditionalDelete()) {
            assertThat(wrong).isInstanceOf(DeleteResult.PreconditionFailed.class);
            assertThat(store.stat("__cluster/lock.json")).isPresent();
            assertThat(store.deleteIfMatch("__cluster/lock.json", token)).isEqualTo(new DeleteResult.Deleted(true));
        } else {
            assertThat(wrong).isInstanceOf(DeleteResult.ConditionNotSupported.class);
            assertThat(store.stat("__cluster/lock.json")).isPresent();
            assertThat(store.deleteUnconditionally("__cluster/lock.json")).isEqualTo(new DeleteResult.Deleted(false));
        }
        assertThat(store.stat("__cluster/lock.json")).isEmpty();
    }

    @Test
    void unsafeKeysAreRefusedBeforeTouchingStorage() {
        for (String bad : List.of("../escape", "a/../../b", "/abs", "a//b", "a\u0000b", "a\nb", "", "x/./y", "a/")) {
            assertThatThrownBy(() -> store.put(bad, new byte[] {1}, WriteCondition.IF_ABSENT))
                    .as(bad)
                    .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.INVALID_KEY));
        }
    }

    @Test
    void createOnlyRaceHasExactlyOneWinnerPerRound() throws Exception {
        int threads = 24;
        int rounds = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < rounds; round++) {
                String key = "__cluster/race-" + round + ".json";
                CountDownLatch go = new CountDownLatch(1);
                List<Future<PutResult>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    byte[] body = ("holder-" + t).getBytes(UTF_8);
                    results.add(pool.submit(() -> {
                        go.await();
                        return store.put(key, body, WriteCondition.IF_ABSENT);
                    }));
                }
                go.countDown();
                List<PutResult> outcomes = new ArrayList<>();
                for (Future<PutResult> f : results) {
                    outcomes.add(f.get());
                }
                assertThat(outcomes.stream().filter(PutResult::written).count()).as("round %d", round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void ifMatchRaceHasExactlyOneWinnerPerRound() throws Exception {
        int threads = 16;
        int rounds = 6;
        String key = "__cluster/state.json";
        String token = ((PutResult.Written) store.put(key, "0".getBytes(UTF_8), WriteCondition.IF_ABSENT)).token();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < rounds; round++) {
                String base = token;
                CountDownLatch go = new CountDownLatch(1);
                List<Future<PutResult>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    byte[] body = ("round-" + round + "-writer-" + t).getBytes(UTF_8);
                    results.add(pool.submit(() -> {
                        go.await();
                        return store.put(key, body, WriteCondition.ifMatch(base));
                    }));
                }
                go.countDown();
                List<PutResult.Written> winners = new ArrayList<>();
                for (Future<PutResult> f : results) {
                    if (f.get() instanceof PutResult.Written w) {
                        winners.add(w);
                    }
                }
                assertThat(winners).as("round %d", round).hasSize(1);
                StoredObject now = store.read(key, 1000).orElseThrow();
                assertThat(now.token()).isEqualTo(winners.get(0).token());
                token = now.token();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void storeUriIsTheRootItServes() {
        assertThat(store.uri()).isNotNull();
        assertThat(store.uri().display()).isNotBlank();
    }

    /** Helper for subclasses: keys as a sorted list. */
    protected List<String> keys(String prefix) throws StorageException {
        try (Stream<ObjectInfo> s = store.list(prefix)) {
            return s.map(ObjectInfo::key).collect(Collectors.toList());
        }
    }

    protected static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    protected Optional<ObjectInfo> stat(String key) throws StorageException {
        return store.stat(key);
    }
}
