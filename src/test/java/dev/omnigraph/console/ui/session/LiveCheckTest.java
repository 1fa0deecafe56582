package dev.omnigraph.console.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.cluster.ClusterSnapshot;
import dev.omnigraph.console.demo.DemoOptions;
import dev.omnigraph.console.storage.ConditionalRead;
import dev.omnigraph.console.storage.ObjectInfo;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.testing.Backend;
import dev.omnigraph.console.testing.ForwardingStore;
import dev.omnigraph.console.ui.Sessions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Live refresh says when it last checked, notices catalog bytes going away, and says when it fails. */
class LiveCheckTest {
    @TempDir
    Path temp;

    /** A clock the test moves. */
    static final class StepClock extends Clock {
        Instant now = Instant.parse("2026-12-07T20:31:04Z");

        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    /** A store whose endpoint can be made unreachable. */
    static final class FlakyStore extends ForwardingStore {
        volatile boolean down;

        FlakyStore(ObjectStore real) {
            super(real);
        }

        private void check(String key) throws StorageException {
            if (down) {
                throw new StorageException(StorageException.Kind.UNREACHABLE, key, "connection refused");
            }
        }

        @Override public ConditionalRead readIfChanged(String key, String token, long maxBytes) throws StorageException {
            check(key);
            return real.readIfChanged(key, token, maxBytes);
        }

        @Override public Stream<ObjectInfo> list(String prefix) throws StorageException {
            check(prefix);
            return real.list(prefix);
        }

        @Override public ObjectStore.Listing listChildren(String prefix) throws StorageException {
            check(prefix);
            return real.listChildren(prefix);
        }
    }

    @Test
    void everyAnsweredPollMovesLastCheckedAndSaysNothingChanged() throws Exception {
        ObjectStore store = Sessions.demo(Backend.FILE.newStore(temp, "checked"), DemoOptions.small());
        StepClock clock = new StepClock();
        ClusterSession session = Sessions.open(store, Optional.empty(), clock, PollScheduler.MANUAL);
        assertThat(session.lastCheckProperty().get().text()).isEqualTo("read in full 2026-12-07 20:31:04 UTC");

        clock.now = clock.now.plus(Duration.ofMinutes(8));
        session.pollOnce();
        LastCheck check = session.lastCheckProperty().get();
        assertThat(check.at()).isEqualTo(Instant.parse("2026-12-07T20:39:04Z"));
        assertThat(check.text()).isEqualTo("checked 2026-12-07 20:39:04 UTC · nothing changed");

        Sessions.bumpLedger(store);
        clock.now = clock.now.plusSeconds(5);
        session.pollOnce();
        assertThat(session.lastCheckProperty().get().fullRead()).as("a change re-reads in full").isTrue();
        assertThat(session.changes()).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void livePollNoticesADeletedCatalogBlob(Backend backend) throws Exception {
        ObjectStore store = Sessions.demo(backend.newStore(temp, "deleted"), DemoOptions.small());
        ClusterSession session = Sessions.open(store);
        ClusterSnapshot before = session.snapshot();
        String victim = before.catalog().entries().stream().filter(e -> e.blob().isPresent()).map(e -> e.key()).sorted().findFirst()
                .orElseThrow();
        store.deleteUnconditionally(victim);

        session.pollOnce();
        assertThat(session.changes()).extracting(LiveChange::text).containsExactly("catalog blob removed: " + victim);
        assertThat(session.changes().getFirst().subject()).isEqualTo(LiveChange.Subject.CATALOG);
        assertThat(session.snapshot()).as("re-read").isNotSameAs(before);
        assertThat(session.snapshot().catalog().entries()).noneMatch(e -> e.key().equals(victim) && e.blob().isPresent());
    }

    @Test
    void aFailedRefreshIsAStateTheShellCanShowAndClearsWhenItWorksAgain() throws Exception {
        FlakyStore store = new FlakyStore(Sessions.demo(Backend.FILE.newStore(temp, "flaky"), DemoOptions.small()));
        ClusterSession session = Sessions.open(store);
        assertThat(session.refreshFailureProperty().get()).isNull();
        assertThat(session.refreshFailureText()).isEmpty();

        store.down = true;
        session.pollOnce();
        assertThat(session.refreshFailureProperty().get()).isNotNull();
        assertThat(session.refreshFailureText()).startsWith("last refresh failed: ").doesNotContain("Exception");
        assertThat(session.snapshot()).as("what was read stays").isNotNull();

        store.down = false;
        session.pollOnce();
        assertThat(session.refreshFailureProperty().get()).isNull();
        assertThat(session.lastCheckProperty().get().text()).contains("nothing changed");
    }
}
