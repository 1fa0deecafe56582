package dev.omnigraph.console.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileObjectStoreContractTest extends ObjectStoreContract {
    @TempDir
    Path temp;

    Path root;
    Path outside;

    @Override
    protected ObjectStore newStore() throws Exception {
        root = Files.createDirectories(temp.resolve("root"));
        outside = Files.createDirectories(temp.resolve("outside"));
        return new FileObjectStore(new StoreUri.Local(root));
    }

    @Override
    protected boolean supportsConditionalDelete() {
        return false;
    }

    @Test
    void aSymlinkPointingOutsideIsNeitherReadNorWrittenThrough() throws Exception {
        Files.writeString(outside.resolve("secret.txt"), "outside");
        Files.createSymbolicLink(root.resolve("link.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("dir"), outside);

        assertThatThrownBy(() -> store.read("link.txt", 100)).isInstanceOf(StorageException.class)
                .satisfies(e -> assertThat(((StorageException) e).kind()).isEqualTo(StorageException.Kind.INVALID_KEY));
        assertThatThrownBy(() -> store.read("dir/secret.txt", 100)).isInstanceOf(StorageException.class);
        assertThatThrownBy(() -> store.put("dir/new.txt", "x".getBytes(UTF_8), WriteCondition.IF_ABSENT))
                .isInstanceOf(StorageException.class);
        assertThat(outside.resolve("new.txt")).doesNotExist();
        assertThat(keys("")).doesNotContain("dir/secret.txt");
    }

    @Test
    void aSymlinkInsideTheRootIsFollowed() throws Exception {
        Files.writeString(root.resolve("real.txt"), "inside");
        Files.createSymbolicLink(root.resolve("alias.txt"), root.resolve("real.txt"));
        assertThat(new String(store.read("alias.txt", 100).orElseThrow().bytes(), UTF_8)).isEqualTo("inside");
    }

    @Test
    void theVersionTokenIsTheContentHashAsTheEngineComputesIt() throws Exception {
        store.put("x", "abc".getBytes(UTF_8), WriteCondition.IF_ABSENT);
        assertThat(store.read("x", 10).orElseThrow().token())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void createOnlyLeavesNoTempFilesBehindAndPublishesWholeContent() throws Exception {
        store.put("__cluster/lock.json", "{}".getBytes(UTF_8), WriteCondition.IF_ABSENT);
        store.put("__cluster/lock.json", "{}{}".getBytes(UTF_8), WriteCondition.IF_ABSENT);
        try (var files = Files.list(root.resolve("__cluster"))) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("lock.json");
        }
    }

    @Test
    void versioningIsReportedAsOff() throws Exception {
        assertThat(store.versioningEnabled()).contains(false);
        assertThat(store.listVersions("__cluster/state.json")).isEmpty();
    }
}
