package dev.omnigraph.console.ui.preferences;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.prefs.ConsolePreferences;
import dev.omnigraph.console.prefs.PreferencesModel;
import dev.omnigraph.console.prefs.PreferencesStore;
import dev.omnigraph.console.prefs.SavedConnection;
import dev.omnigraph.console.prefs.Theme;
import dev.omnigraph.console.prefs.WindowLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Preferences dialog's state, without a window: every change is saved at once, per user, never a secret. */
class PreferencesViewModelTest {
    @TempDir
    Path home;

    private static SavedConnection s3(String name, String target) {
        return new SavedConnection(name, SavedConnection.Kind.ROOT, target, "http://127.0.0.1:9000", "eu-west-1", true, "ops");
    }

    private PreferencesModel withConnections() throws Exception {
        PreferencesStore store = new PreferencesStore(home);
        store.save(ConsolePreferences.defaults().withSaved(s3("prod", "s3://prod/brain")).withSaved(s3("staging", "s3://stage/brain"))
                .withSaved(new SavedConnection("local", SavedConnection.Kind.CONFIG, "/srv/omnigraph", null, null, null, null)));
        return new PreferencesModel(new PreferencesStore(home));
    }

    @Test
    void changesAreSavedAtOnceAndClamped() throws Exception {
        PreferencesModel prefs = withConnections();
        PreferencesViewModel model = new PreferencesViewModel(prefs);
        assertThat(model.themeProperty().get()).isEqualTo(Theme.SYSTEM);

        model.themeProperty().set(Theme.DARK);
        model.pollSecondsProperty().set(17);
        model.lockStaleMinutesProperty().set(90);
        ConsolePreferences reread = new PreferencesStore(home).load().preferences();
        assertThat(reread.theme()).isEqualTo(Theme.DARK);
        assertThat(reread.pollSeconds()).isEqualTo(17);
        assertThat(reread.lockStaleMinutes()).isEqualTo(90);
        assertThat(Files.readString(new PreferencesStore(home).file())).contains("\"version\" : " + ConsolePreferences.CURRENT_VERSION);

        model.pollSecondsProperty().set(0);
        assertThat(model.pollSecondsProperty().get()).as("clamped value comes back").isEqualTo(ConsolePreferences.MIN_POLL_SECONDS);
        model.lockStaleMinutesProperty().set(Integer.MAX_VALUE);
        assertThat(prefs.get().lockStaleMinutes()).isEqualTo(ConsolePreferences.MAX_LOCK_STALE_MINUTES);
    }

    @Test
    void followsChangesMadeElsewhere() throws Exception {
        PreferencesModel prefs = withConnections();
        PreferencesViewModel model = new PreferencesViewModel(prefs);
        prefs.update(p -> p.withTheme(Theme.LIGHT).withPollSeconds(60).withLockStaleMinutes(5));
        assertThat(model.themeProperty().get()).isEqualTo(Theme.LIGHT);
        assertThat(model.pollSecondsProperty().get()).isEqualTo(60);
        assertThat(model.lockStaleMinutesProperty().get()).isEqualTo(5);
        prefs.update(p -> p.withoutSaved("prod"));
        assertThat(model.savedConnections()).extracting(SavedConnection::name).containsExactly("staging", "local");
    }

    @Test
    void renamesInPlaceRefusesBlankAndDuplicateNamesAndForgets() throws Exception {
        PreferencesModel prefs = withConnections();
        PreferencesViewModel model = new PreferencesViewModel(prefs);
        SavedConnection staging = model.savedConnections().get(1);

        assertThat(model.rename(staging, "  ")).get().asString().contains("Give the connection a name");
        assertThat(model.rename(staging, "prod")).get().asString().contains("already called \u201cprod\u201d");
        assertThat(model.savedConnections()).extracting(SavedConnection::name).containsExactly("prod", "staging", "local");

        assertThat(model.rename(staging, " pre-prod ")).isEmpty();
        assertThat(model.savedConnections()).extracting(SavedConnection::name).containsExactly("prod", "pre-prod", "local");
        SavedConnection renamed = new PreferencesStore(home).load().preferences().savedConnections().get(1);
        assertThat(renamed).isEqualTo(s3("pre-prod", "s3://stage/brain"));

        model.delete(model.savedConnections().getFirst());
        assertThat(new PreferencesStore(home).load().preferences().savedConnections()).extracting(SavedConnection::name)
                .containsExactly("pre-prod", "local");
        assertThat(model.messageProperty().get()).contains("Forgot", "prod", "s3://prod/brain");
    }

    @Test
    void layoutResetKeepsTheRestAndResetAllDeletesTheFile() throws Exception {
        PreferencesModel prefs = withConnections();
        prefs.update(p -> p.withTheme(Theme.DARK).withWindow(p.window().withBounds(10, 20, 1500, 900, true).withSplit("ledger.detail", 0.3)));
        PreferencesViewModel model = new PreferencesViewModel(prefs);

        model.resetLayout();
        ConsolePreferences reread = new PreferencesStore(home).load().preferences();
        assertThat(reread.window()).isEqualTo(WindowLayout.DEFAULT);
        assertThat(reread.theme()).isEqualTo(Theme.DARK);
        assertThat(reread.savedConnections()).hasSize(3);

        assertThat(model.resetAllConsequences()).contains("all 3 saved connections", "theme", "window layout", "Open clusters stay open");
        model.resetAll();
        assertThat(new PreferencesStore(home).file()).doesNotExist();
        assertThat(prefs.get()).isEqualTo(ConsolePreferences.defaults());
        assertThat(model.themeProperty().get()).isEqualTo(Theme.SYSTEM);
        assertThat(model.savedConnections()).isEmpty();
        assertThat(model.whereStored()).contains(home.toString(), "format version " + ConsolePreferences.CURRENT_VERSION);
    }

    @Test
    void resetAllAsksNamingWhatIsForgottenAndDoesNothingWhenDeclined() throws Exception {
        PreferencesModel prefs = withConnections();
        prefs.update(p -> p.withTheme(Theme.DARK));
        dev.omnigraph.console.ui.common.ScriptedDialogs dialogs = new dev.omnigraph.console.ui.common.ScriptedDialogs().answer(false).answer(true);
        PreferencesViewModel model = new PreferencesViewModel(prefs, dialogs);

        assertThat(model.askResetAll()).isFalse();
        assertThat(prefs.get().theme()).isEqualTo(Theme.DARK);
        assertThat(dialogs.asked().getFirst().detail()).contains("all 3 saved connections");
        assertThat(dialogs.asked().getFirst().action()).isEqualTo("Reset all preferences");
        assertThat(dialogs.asked().getFirst().dangerous()).isTrue();

        assertThat(model.askResetAll()).isTrue();
        assertThat(prefs.get()).isEqualTo(ConsolePreferences.defaults());
    }

    @Test
    void aNewerConsolesFileIsKeptWholeWhenThisOneSaves() throws Exception {
        PreferencesStore store = new PreferencesStore(home);
        Files.createDirectories(home);
        String newer = "{\"version\": 7, \"theme\": \"dark\", \"profiles\": {\"a\": 1}}";
        Files.writeString(store.file(), newer, StandardCharsets.UTF_8);
        PreferencesModel prefs = new PreferencesModel(new PreferencesStore(home));
        assertThat(prefs.lastProblem()).get().asString().contains("newer console (version 7)");

        new PreferencesViewModel(prefs).themeProperty().set(Theme.LIGHT);
        assertThat(home.resolve("preferences.json.v7")).hasContent(newer);
        assertThat(new PreferencesStore(home).load().preferences().theme()).isEqualTo(Theme.LIGHT);
    }

    @Test
    void theDialogSaysKeysAreSessionOnlyAndTheFileHoldsNone() throws Exception {
        PreferencesModel prefs = withConnections();
        new PreferencesViewModel(prefs).themeProperty().set(Theme.DARK);
        assertThat(PreferencesViewModel.SECRETS_NOTE).contains("session only", "never written");
        String file = Files.readString(new PreferencesStore(home).file()).toLowerCase(java.util.Locale.ROOT);
        assertThat(file).doesNotContain("secret", "access_key", "session_token", "password");
    }
}
