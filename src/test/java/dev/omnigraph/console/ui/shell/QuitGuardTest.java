package dev.omnigraph.console.ui.shell;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.s3server.LocalS3Server;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.ObjectStores;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.storage.WriteCondition;
import dev.omnigraph.console.testing.S3TestServer;
import dev.omnigraph.console.ui.common.ScriptedDialogs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Quitting while the in-memory local S3 endpoint holds data names what is lost and asks. */
class QuitGuardTest {
    @Test
    void nothingHeldQuitsWithoutAQuestion() {
        ScriptedDialogs dialogs = new ScriptedDialogs(); // any question would fail the test
        assertThat(new QuitGuard(() -> dialogs, List::of).mayQuit()).isTrue();
        assertThat(dialogs.asked()).isEmpty();
    }

    @Test
    void heldDataIsNamedAndTheAnswerDecides() {
        ScriptedDialogs dialogs = new ScriptedDialogs().answer(false).answer(true);
        QuitGuard guard = new QuitGuard(() -> dialogs, () -> List.of("s3://omnigraph/analytics"));
        assertThat(guard.mayQuit()).isFalse();
        assertThat(guard.mayQuit()).isTrue();
        assertThat(dialogs.asked()).hasSize(2);
        assertThat(dialogs.asked().getFirst().detail()).contains("s3://omnigraph/analytics", "only copy");
        assertThat(dialogs.asked().getFirst().action()).contains("lose");
        assertThat(dialogs.asked().getFirst().dangerous()).isTrue();
    }

    @Test
    void theLocalServerSaysWhichRootsItHolds() throws Exception {
        LocalS3Server server = S3TestServer.get();
        String bucket = S3TestServer.newBucket("quit");
        assertThat(server.topLevelNames(bucket, 10)).isEmpty();
        try (ObjectStore store = ObjectStores.open(new StoreUri.S3(bucket, "analytics"), S3TestServer.settings())) {
            store.put("__cluster/state.json", "{}".getBytes(UTF_8), WriteCondition.IF_ABSENT);
        }
        try (ObjectStore store = ObjectStores.open(new StoreUri.S3(bucket, "brain"), S3TestServer.settings())) {
            store.put("graphs/x", "x".getBytes(UTF_8), WriteCondition.IF_ABSENT);
        }
        assertThat(server.topLevelNames(bucket, 10)).containsExactly("analytics", "brain");
        assertThat(server.topLevelNames("no-such-bucket-q", 10)).isEmpty();
    }
}
