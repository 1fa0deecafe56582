package dev.omnigraph.console.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.demo.DemoOptions;
import dev.omnigraph.console.prefs.ConsolePreferences;
import dev.omnigraph.console.prefs.PreferencesModel;
import dev.omnigraph.console.prefs.PreferencesStore;
import dev.omnigraph.console.storage.FileObjectStore;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.ui.Sessions;
import dev.omnigraph.console.ui.lock.LockViewModel;
import dev.omnigraph.console.ui.preferences.PreferencesViewModel;
import dev.omnigraph.console.ui.session.ClusterSession;
import dev.omnigraph.console.ui.session.ConnectionSpec;
import dev.omnigraph.console.ui.session.PollScheduler;
import dev.omnigraph.console.ui.session.SessionSettings;
import dev.omnigraph.console.ui.task.ImmediateTaskRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The polling interval and the lock staleness threshold come from the preferences and follow them
 * live: what the Preferences dialog (or a reset) sets is what an open session polls at and what the
 * Lock page's staleness hint uses.
 */
class PreferencesDriveSessionsTest {
    @TempDir
    Path temp;

    /** Records schedules: the interval of each start, and how many run. */
    static final class RecordingScheduler implements PollScheduler {
        final List<Duration> started = new ArrayList<>();
        int running;

        @Override
        public Cancellable every(Duration interval, Runnable tick) {
            started.add(interval);
            running++;
            return () -> running--;
        }
    }

    @Test
    void pollingAndTheStalenessHintFollowThePreferences() throws Exception {
        Path dir = temp.resolve("cluster");
        // a lock taken 5 minutes ago by a crashed apply
        Sessions.demo(new FileObjectStore(new StoreUri.Local(dir)), DemoOptions.small().withHeldLock(true));
        PreferencesStore store = new PreferencesStore(temp.resolve("home"));
        store.save(ConsolePreferences.defaults().withPollSeconds(12).withLockStaleMinutes(30));
        PreferencesModel prefs = new PreferencesModel(store);
        ConsolePreferences saved = prefs.get();
        RecordingScheduler scheduler = new RecordingScheduler();
        // as ConsoleWindow builds it: the settings start from the saved preferences
        ShellViewModel shell = new ShellViewModel(new ImmediateTaskRunner(), prefs,
                new SessionSettings(saved.pollInterval(), saved.lockStaleAfter()), scheduler, Clock.systemUTC(), StoreOpener.DEFAULT);
        shell.open(new ConnectionSpec(ClusterLocation.ofRoot(new StoreUri.Local(dir)), S3Settings.fromEnvironment(Map.of())));
        ClusterSession session = shell.sessions().getFirst();
        session.activate();
        assertThat(scheduler.started).as("the saved interval").containsExactly(Duration.ofSeconds(12));

        LockViewModel lock = new LockViewModel(session);
        lock.activate();
        assertThat(lock.status().lock()).isPresent();
        assertThat(lock.status().stale()).as("5 minutes old, threshold 30 minutes").isFalse();

        PreferencesViewModel dialog = new PreferencesViewModel(prefs);
        dialog.pollSecondsProperty().set(45);
        dialog.lockStaleMinutesProperty().set(2);
        assertThat(scheduler.started).containsExactly(Duration.ofSeconds(12), Duration.ofSeconds(45));
        assertThat(scheduler.running).as("restarted, not doubled").isEqualTo(1);
        assertThat(lock.status().stale()).as("5 minutes old, threshold now 2 minutes").isTrue();
        assertThat(lock.status().staleAfter()).isEqualTo(Duration.ofMinutes(2));
        assertThat(new PreferencesStore(temp.resolve("home")).load().preferences().pollSeconds()).isEqualTo(45);

        dialog.resetAll();
        assertThat(session.settings().pollIntervalProperty().get()).isEqualTo(ConsolePreferences.defaults().pollInterval());
        assertThat(scheduler.started).last().isEqualTo(Duration.ofSeconds(5));
        assertThat(lock.status().stale()).as("back to the default 30 minutes").isFalse();
        assertThat(store.file()).as("a reset stays a reset: pushing the defaults into the sessions saves nothing").doesNotExist();
        session.close();
    }
}
