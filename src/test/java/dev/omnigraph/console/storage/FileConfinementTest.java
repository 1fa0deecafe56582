package dev.omnigraph.console.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omnigraph.console.testing.Figures;
import dev.omnigraph.console.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 6: the file:// backend never reads or writes outside its root, symbolic links and races included. */
class FileConfinementTest {
    /** How many folder-for-link swaps the race test needs to have happened while it operated. */
    private static final int MIN_SWAPS = 10;

    @TempDir
    Path temp;

    Path root;
    Path outside;
    FileObjectStore store;
    Map<String, String> outsideBefore;

    @BeforeEach
    void setUp() throws Exception {
        root = Files.createDirectories(temp.resolve("root"));
        outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("f"), "OUTSIDE-SECRET");
        Files.createDirectories(outside.resolve("sub"));
        Files.writeString(outside.resolve("sub/g"), "OUTSIDE-SECRET");
        store = new FileObjectStore(new StoreUri.Local(root));
        outsideBefore = Trees.snapshot(outside);
    }

    private void assertOutsideUntouched() throws Exception {
        assertThat(Trees.snapshot(outside)).isEqualTo(outsideBefore);
    }

    private static void refusedOrAbsent(ThrowingSupplier<Optional<?>> call) {
        try {
            assertThat(call.get()).isEmpty();
        } catch (StorageException e) {
            assertThat(e.kind()).isIn(StorageException.Kind.INVALID_KEY, StorageException.Kind.IO);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    interface ThrowingSupplier<T> {
        T get() throws Exception;
    }

    @Test
    void aSymlinkedFilePointingOutsideIsNeverReadWrittenOrDeletedThrough() throws Exception {
        Files.createSymbolicLink(root.resolve("link.json"), outside.resolve("f"));
        String outsideToken = Hashing.sha256Hex("OUTSIDE-SECRET".getBytes(UTF_8));
        refusedOrAbsent(() -> store.read("link.json", 100));
        refusedOrAbsent(() -> store.stat("link.json"));
        refusedOrAbsent(() -> store.openStream("link.json"));
        assertThatThrownBy(() -> store.put("link.json", "x".getBytes(UTF_8), WriteCondition.ifMatch(outsideToken)))
                .isInstanceOf(StorageException.class);
        assertThatThrownBy(() -> store.put("link.json", "x".getBytes(UTF_8), WriteCondition.IF_ABSENT)).isInstanceOf(StorageException.class);
        assertThatThrownBy(() -> store.deleteUnconditionally("link.json")).isInstanceOf(StorageException.class);
        assertOutsideUntouched();
        assertThat(Files.isSymbolicLink(root.resolve("link.json"))).isTrue();
    }

    @Test
    void aSymlinkedFolderPointingOutsideIsNeverEntered() throws Exception {
        Files.createSymbolicLink(root.resolve("d"), outside);
        refusedOrAbsent(() -> store.read("d/f", 100));
        refusedOrAbsent(() -> store.stat("d/sub/g"));
        refusedOrAbsent(() -> store.openStream("d/f"));
        assertThatThrownBy(() -> store.put("d/new", "x".getBytes(UTF_8), WriteCondition.IF_ABSENT)).isInstanceOf(StorageException.class);
        assertThatThrownBy(() -> store.put("d/sub/new/deeper", "x".getBytes(UTF_8), WriteCondition.IF_ABSENT))
                .isInstanceOf(StorageException.class);
        assertThatThrownBy(() -> store.deleteUnconditionally("d/f")).isInstanceOf(StorageException.class);
        try (Stream<ObjectInfo> all = store.list("")) {
            assertThat(all.map(ObjectInfo::key)).noneMatch(k -> k.startsWith("d/"));
        }
        assertThatThrownBy(() -> store.listChildren("d/")).isInstanceOf(StorageException.class);
        assertOutsideUntouched();
    }

    @Test
    void theNoFollowWalkRefusesAFolderLinkEvenWhenItsPathResolvesInside() throws Exception {
        // the path check alone would pass (the link's target is inside the root); only the handle walk refuses it,
        // which is what protects a folder swapped for a link after the path check
        Files.createDirectories(root.resolve("real"));
        Files.writeString(root.resolve("real/f"), "inside");
        Files.createSymbolicLink(root.resolve("alias"), root.resolve("real"));
        assertThatThrownBy(() -> store.read("alias/f", 100)).isInstanceOfSatisfying(StorageException.class,
                e -> assertThat(e.getMessage()).contains("alias is a symbolic link"));
        assertThatThrownBy(() -> store.put("alias/g", "x".getBytes(UTF_8), WriteCondition.IF_ABSENT)).isInstanceOf(StorageException.class);
        assertThat(root.resolve("real/g")).doesNotExist();
        assertThat(new String(store.read("real/f", 100).orElseThrow().bytes(), UTF_8)).isEqualTo("inside");
    }

    @Test
    void aRootBehindASymlinkedParentWorksAndStaysInside() throws Exception {
        Path realParent = Files.createDirectories(temp.resolve("real-parent/root"));
        Path linkParent = Files.createSymbolicLink(temp.resolve("link-parent"), temp.resolve("real-parent"));
        FileObjectStore viaLink = new FileObjectStore(new StoreUri.Local(linkParent.resolve("root")));
        assertThat(viaLink.put("__cluster/lock.json", "{}".getBytes(UTF_8), WriteCondition.IF_ABSENT)).isInstanceOf(PutResult.Written.class);
        String token = viaLink.read("__cluster/lock.json", 10).orElseThrow().token();
        assertThat(viaLink.put("__cluster/lock.json", "{1}".getBytes(UTF_8), WriteCondition.ifMatch(token))).isInstanceOf(PutResult.Written.class);
        assertThat(Files.readString(realParent.resolve("__cluster/lock.json"))).isEqualTo("{1}");
        assertThat(viaLink.deleteUnconditionally("__cluster/lock.json")).isInstanceOf(DeleteResult.Deleted.class);
        assertThat(realParent.resolve("__cluster/lock.json")).doesNotExist();
        assertOutsideUntouched();
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../outside/f", "a/../../outside/f", "/etc/passwd", "a//b", "./a", "a/./b", "nul\u0000", "esc\u001b[2J",
        "a/..", "."})
    void dotDotAbsoluteAndControlKeysAreRefusedEverywhere(String key) throws Exception {
        for (ThrowingSupplier<?> call : java.util.List.<ThrowingSupplier<?>>of(
                () -> store.read(key, 100), () -> store.stat(key), () -> store.openStream(key),
                () -> store.put(key, "x".getBytes(UTF_8), WriteCondition.IF_ABSENT), () -> store.deleteUnconditionally(key))) {
            assertThatThrownBy(call::get).isInstanceOfSatisfying(StorageException.class,
                    e -> {
                        assertThat(e.kind()).isEqualTo(StorageException.Kind.INVALID_KEY);
                        assertThat(e.getMessage()).doesNotContain("\u001b").doesNotContain("\u0000");
                    });
        }
        assertOutsideUntouched();
    }

    @Test
    void aFolderSwappedForASymlinkBetweenCheckAndUseNeverLeaksOrWritesOutside() throws Exception {
        Path d = root.resolve("d");
        Path aside = root.resolve("d-aside");
        Files.createDirectories(d);
        Files.writeString(d.resolve("f"), "inside");
        String insideToken = Hashing.sha256Hex("inside".getBytes(UTF_8));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger swaps = new AtomicInteger();
        Thread swapper = new Thread(() -> {
            try {
                while (!stop.get()) {
                    try {
                        Files.move(d, aside, StandardCopyOption.ATOMIC_MOVE);
                        Files.createSymbolicLink(d, outside);
                        Thread.yield();
                        Files.delete(d);
                        Files.move(aside, d, StandardCopyOption.ATOMIC_MOVE);
                        swaps.incrementAndGet();
                    } catch (java.io.IOException e) {
                        // a write of the store re-created d/ while it was aside (the documented
                        // path-based remainder: an empty folder, inside the root here): put it back
                        restoreSwappedFolder(d, aside);
                    }
                    java.util.concurrent.locks.LockSupport.parkNanos(300_000); // let some operations see the real folder
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        int reads = 0;
        int insideReads = 0;
        int refused = 0;
        int leaked = 0;
        int rounds = Integer.getInteger("races.swapRounds", 400);
        swapper.start();
        try {
            // at least the rounds asked for, and on until the swapper has swapped often enough for the
            // race to be real (on an idle machine the rounds can finish before the swapper starts)
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
            for (int i = 0; i < rounds || (swaps.get() < MIN_SWAPS && System.nanoTime() < deadline); i++) {
                try {
                    Optional<StoredObject> o = store.read("d/f", 100);
                    reads++;
                    if (o.isPresent()) {
                        String text = new String(o.get().bytes(), UTF_8);
                        if (text.contains("OUTSIDE")) {
                            leaked++;
                        } else {
                            insideReads++;
                        }
                    }
                    try (var in = store.openStream("d/sub/g").orElse(null)) {
                        if (in != null && new String(in.readAllBytes(), UTF_8).contains("OUTSIDE")) {
                            leaked++;
                        }
                    }
                } catch (StorageException e) {
                    refused++;
                }
                try {
                    // only the outside folder has "sub": listing it would mean the listing left the root
                    if (store.listChildren("d/").prefixes().contains("d/sub/")) {
                        leaked++;
                    }
                    try (Stream<ObjectInfo> all = store.list("d/")) {
                        if (all.anyMatch(o -> o.key().startsWith("d/sub/"))) {
                            leaked++;
                        }
                    }
                } catch (StorageException | UncheckedStorageException e) {
                    refused++;
                }
                try {
                    if (i % 4 == 0) { // writes sync to disk: a quarter of the rounds keeps the test short
                        store.put("d/new-" + i, "x".getBytes(UTF_8), WriteCondition.IF_ABSENT);
                        store.put("d/f", "inside".getBytes(UTF_8), WriteCondition.ifMatch(insideToken));
                    }
                    store.deleteUnconditionally("d/new-" + i);
                } catch (StorageException e) {
                    refused++;
                }
            }
        } finally {
            stop.set(true);
            swapper.join();
        }
        Figures.record("file confinement swap race: rounds=" + rounds + " folder swaps=" + swaps.get() + " reads=" + reads
                + " inside reads=" + insideReads + " refused/failed ops=" + refused + " outside bytes read=" + leaked
                + " outside entries written=" + (Trees.snapshot(outside).equals(outsideBefore) ? 0 : "SOME"));
        assertThat(leaked).isZero();
        assertThat(swaps.get()).as("folder swaps during the operations").isGreaterThanOrEqualTo(MIN_SWAPS);
        assertOutsideUntouched();
    }

    private static void restoreSwappedFolder(Path d, Path aside) throws java.io.IOException {
        if (Files.isSymbolicLink(d)) {
            Files.delete(d);
        } else if (Files.isDirectory(d) && Files.exists(aside)) {
            try (Stream<Path> walk = Files.walk(d)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        if (Files.exists(aside) && !Files.exists(d, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.move(aside, d, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
