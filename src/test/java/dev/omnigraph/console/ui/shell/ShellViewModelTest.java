package dev.omnigraph.console.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.cluster.model.LedgerGeneration;
import dev.omnigraph.console.prefs.ConsolePreferences;
import dev.omnigraph.console.prefs.PreferencesModel;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.ui.session.ConnectionSpec;
import dev.omnigraph.console.ui.session.PollScheduler;
import dev.omnigraph.console.ui.session.SessionSettings;
import dev.omnigraph.console.ui.task.ImmediateTaskRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellViewModelTest {
    @TempDir
    Path home;

    @Test
    void demosOpenOnceAndTheRecentListRemembersThem() throws Exception {
        PreferencesModel prefs = PreferencesModel.inMemory(ConsolePreferences.defaults());
        AtomicInteger opens = new AtomicInteger();
        ShellViewModel shell = new ShellViewModel(new ImmediateTaskRunner(), prefs, SessionSettings.defaults(), PollScheduler.MANUAL,
                Clock.systemUTC(), spec -> {
                    opens.incrementAndGet();
                    return StoreOpener.DEFAULT.open(spec);
                });
        shell.openDemos(home, S3Settings.fromEnvironment(Map.of()));
        assertThat(shell.sessions()).extracting(s -> s.name())
                .containsExactly("knowledge-hub", "knowledge-rollout", "company-brain", "analytics");
        assertThat(shell.sessions()).allSatisfy(s -> assertThat(s.snapshot().ledger().present()).isTrue());
        assertThat(shell.sessions()).extracting(s -> s.snapshot().ledgerIfPresent().orElseThrow().generation())
                .containsExactly(LedgerGeneration.V2, LedgerGeneration.V2, LedgerGeneration.V1, LedgerGeneration.V1);
        assertThat(shell.sessions().getFirst().snapshot().lock().held()).as("v0.13: the serve lock").isTrue();
        assertThat(shell.sessions().get(2).snapshot().lock().held()).as("showcase: a lock left by a crashed apply").isTrue();
        assertThat(shell.sessions().get(3).snapshot().recoveries()).as("quiet: migration-ready").isEmpty();
        assertThat(prefs.get().recentRoots()).hasSize(4);

        shell.openDemos(home, S3Settings.fromEnvironment(Map.of()));
        assertThat(shell.sessions()).as("already open: selected, not opened twice").hasSize(4);
        assertThat(opens).hasValue(4);

        shell.close(shell.sessions().getFirst());
        assertThat(shell.sessions()).hasSize(3);
        assertThat(shell.sessions()).as("a remaining session stays selected").contains(shell.selectedProperty().get());
    }

    @Test
    void openFailuresAreReadable() {
        ShellViewModel shell = new ShellViewModel(new ImmediateTaskRunner(), PreferencesModel.inMemory(ConsolePreferences.defaults()),
                SessionSettings.defaults(), PollScheduler.MANUAL, Clock.systemUTC(), spec -> {
                    throw new StorageException(StorageException.Kind.ACCESS_DENIED, "s3://b/p", "Access denied listing s3://b/p");
                });
        shell.open(new ConnectionSpec(ClusterLocation.ofRoot(new StoreUri.S3("b", "p")), S3Settings.fromEnvironment(Map.of())));
        assertThat(shell.sessions()).isEmpty();
        assertThat(shell.openErrorProperty().get().title()).isEqualTo("Access denied");
        assertThat(shell.openErrorProperty().get().hint()).contains("IAM policy");
    }

    @Test
    void aFolderThatIsNotAClusterOrATypoDoesNotOpenAndIsNotRemembered() throws Exception {
        PreferencesModel prefs = PreferencesModel.inMemory(ConsolePreferences.defaults());
        ShellViewModel shell = new ShellViewModel(new ImmediateTaskRunner(), prefs, SessionSettings.defaults(), PollScheduler.MANUAL,
                Clock.systemUTC(), StoreOpener.DEFAULT);
        Path share = java.nio.file.Files.createDirectories(home.resolve("share"));
        java.nio.file.Files.writeString(share.resolve("readme.txt"), "not a cluster");
        shell.open(new ConnectionSpec(ClusterLocation.ofRoot(new StoreUri.Local(share)), S3Settings.fromEnvironment(Map.of())));
        assertThat(shell.sessions()).isEmpty();
        assertThat(shell.openErrorProperty().get().detail()).contains("understood as the local folder " + share, "no OmniGraph cluster");
        Path typo = home.resolve("s3/my bucket::?prefix");
        shell.open(new ConnectionSpec(ClusterLocation.ofRoot(new StoreUri.Local(typo)), S3Settings.fromEnvironment(Map.of())));
        assertThat(shell.sessions()).isEmpty();
        assertThat(typo).as("nothing created").doesNotExist();
        try (var files = java.nio.file.Files.list(share)) {
            assertThat(files.toList()).as("nothing created in the folder").hasSize(1);
        }
        assertThat(prefs.get().recentRoots()).isEmpty();
    }

    @Test
    void openingAnOpenRootFromTheConnectTabSwitchesToItsTab() throws Exception {
        PreferencesModel prefs = PreferencesModel.inMemory(ConsolePreferences.defaults());
        ShellViewModel shell = new ShellViewModel(new ImmediateTaskRunner(), prefs, SessionSettings.defaults(), PollScheduler.MANUAL,
                Clock.systemUTC(), StoreOpener.DEFAULT);
        shell.openDemos(home, S3Settings.fromEnvironment(Map.of()));
        var first = shell.sessions().getFirst();
        int open = shell.sessions().size();
        shell.selectedProperty().set(first);
        shell.showConnect();
        assertThat(shell.selectedProperty().get()).isNull();
        shell.open(first.spec());
        assertThat(shell.selectedProperty().get()).isSameAs(first);
        assertThat(shell.sessions()).as("no second tab for the same root").hasSize(open);
    }

    @Test
    void settingsChangesArePersisted() {
        PreferencesModel prefs = PreferencesModel.inMemory(ConsolePreferences.defaults());
        SessionSettings settings = SessionSettings.defaults();
        new ShellViewModel(new ImmediateTaskRunner(), prefs, settings, PollScheduler.MANUAL, Clock.systemUTC(), StoreOpener.DEFAULT);
        settings.pollIntervalProperty().set(Duration.ofSeconds(30));
        settings.lockStaleAfterProperty().set(Duration.ofHours(2));
        assertThat(prefs.get().pollSeconds()).isEqualTo(30);
        assertThat(prefs.get().lockStaleMinutes()).isEqualTo(120);
    }

    @Test
    void startupArgumentsFollowTheCliRules() throws Exception {
        StartupArgs none = StartupArgs.parse(java.util.List.of(), Map.of());
        assertThat(none.namesCluster()).isFalse();
        StartupArgs root = StartupArgs.parse(java.util.List.of("--root", "s3://bucket/p", "--endpoint", "http://127.0.0.1:9000",
                "--path-style", "true", "--region", "eu-west-1"), Map.of());
        assertThat(root.resolve(home).root().display()).isEqualTo("s3://bucket/p");
        assertThat(root.s3().effectivePathStyle()).isTrue();
        assertThat(root.s3().region()).isEqualTo("eu-west-1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StartupArgs.parse(java.util.List.of("--root", "a", "--config", "b"), Map.of()))
                .hasMessageContaining("not both");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StartupArgs.parse(java.util.List.of("--path-style", "yes"), Map.of()))
                .hasMessageContaining("true or false");
    }
}
