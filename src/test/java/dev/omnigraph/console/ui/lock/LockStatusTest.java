package dev.omnigraph.console.ui.lock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.cluster.LockState;
import dev.omnigraph.console.cluster.model.Diagnostic;
import dev.omnigraph.console.cluster.model.LockFile;
import dev.omnigraph.console.cluster.model.Rfc3339;
import dev.omnigraph.console.demo.DemoOptions;
import dev.omnigraph.console.testing.Backend;
import dev.omnigraph.console.ui.Sessions;
import dev.omnigraph.console.ui.common.LockStatus;
import dev.omnigraph.console.ui.common.Severity;
import dev.omnigraph.console.ui.session.ClusterSession;
import dev.omnigraph.console.ui.session.PollScheduler;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockStatusTest {
    @TempDir
    Path temp;

    private static LockState held(Instant created) {
        LockFile lock = new LockFile(1, "01M84YYK7AQ7XQ1D2CF1X4B9AK", "apply", Rfc3339.format(created), 4242);
        return new LockState.Held(lock, "etag", OptionalLong.empty(), created);
    }

    @Test
    void staleOnlyPastTheThreshold() {
        Instant created = Instant.parse("2026-01-01T10:00:00Z");
        LockStatus young = LockStatus.of(held(created), created.plus(Duration.ofMinutes(29)), Duration.ofMinutes(30));
        LockStatus old = LockStatus.of(held(created), created.plus(Duration.ofMinutes(30)), Duration.ofMinutes(30));
        assertThat(young.stale()).isFalse();
        assertThat(young.badge().text()).isEqualTo("Held by apply for 29m 0s");
        assertThat(young.badge().severity()).isEqualTo(Severity.WARN);
        assertThat(old.stale()).isTrue();
        assertThat(old.badge().severity()).isEqualTo(Severity.DANGER);
        assertThat(old.badge().text()).endsWith("stale?");
        assertThat(old.explanation()).contains("threshold of 30 minutes").contains("no apply is running");
        assertThat(LockStatus.of(held(created), created.plus(Duration.ofHours(3)), Duration.ofHours(4)).stale()).isFalse();
    }

    @Test
    void freeAndUnreadable() {
        LockStatus free = LockStatus.of(new LockState.Free(), Instant.now(), Duration.ofMinutes(30));
        assertThat(free.badge().severity()).isEqualTo(Severity.OK);
        assertThat(free.lock()).isEmpty();
        LockStatus bad = LockStatus.of(new LockState.Unreadable(Diagnostic.warning("invalid_state_lock", "lock", "bad"), "t"),
                Instant.now(), Duration.ofMinutes(30));
        assertThat(bad.badge().severity()).isEqualTo(Severity.DANGER);
        assertThat(bad.explanation()).contains("still blocks every locking command");
    }

    @Test
    void viewModelFollowsTheClockAndTheThreshold() throws Exception {
        var store = Sessions.demo(Backend.FILE.newStore(temp, "lockvm"), DemoOptions.small().withHeldLock(true));
        Instant[] now = {Instant.now()};
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        ClusterSession session = Sessions.open(store, Optional.empty(), clock, PollScheduler.MANUAL);
        LockViewModel vm = new LockViewModel(session);
        vm.activate();
        assertThat(vm.status().stale()).as("DemoOptions.small().withHeldLock: 5 minutes old").isFalse();
        now[0] = now[0].plus(Duration.ofHours(1));
        vm.tick();
        assertThat(vm.status().stale()).isTrue();
        session.settings().lockStaleAfterProperty().set(Duration.ofHours(2));
        assertThat(vm.status().stale()).as("raising the threshold clears the hint at once").isFalse();
    }
}
