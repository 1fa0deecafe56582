package dev.omnigraph.console.prefs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreferencesStoreTest {
    @TempDir
    Path home;

    @Test
    void roundTripsEverySetting() throws Exception {
        PreferencesStore store = new PreferencesStore(home);
        ConsolePreferences p = ConsolePreferences.defaults()
                .withSaved(new SavedConnection("prod", SavedConnection.Kind.ROOT, "s3://b/prod", "https://minio:9000", "eu-west-1", true, "admin"))
                .withSaved(new SavedConnection("local", SavedConnection.Kind.CONFIG, "/srv/cluster", null, null, null, null))
                .withRecent("s3://b/prod").withRecent("/tmp/x").withRecent("s3://b/prod")
                .withTheme(Theme.DARK).withPollSeconds(15).withLockStaleMinutes(90)
                .withWindow(WindowLayout.DEFAULT.withBounds(10, 20, 1400, 900, true).withSplit("ledger.detail", 0.6));
        store.save(p);
        PreferencesStore.Loaded loaded = new PreferencesStore(home).load();
        assertThat(loaded.problem()).isEmpty();
        assertThat(loaded.preferences()).isEqualTo(p);
        assertThat(loaded.preferences().recentRoots()).containsExactly("s3://b/prod", "/tmp/x");
        assertThat(Files.readString(store.file())).contains("\"version\" : 1");
    }

    @Test
    void replacingASavedConnectionByNameKeepsOrder() {
        ConsolePreferences p = ConsolePreferences.defaults()
                .withSaved(new SavedConnection("a", SavedConnection.Kind.ROOT, "/a", null, null, null, null))
                .withSaved(new SavedConnection("b", SavedConnection.Kind.ROOT, "/b", null, null, null, null))
                .withSaved(new SavedConnection("a", SavedConnection.Kind.ROOT, "/a2", null, null, null, null));
        assertThat(p.savedConnections()).extracting(SavedConnection::target).containsExactly("/a2", "/b");
        assertThat(p.withoutSaved("a").savedConnections()).extracting(SavedConnection::name).containsExactly("b");
        ConsolePreferences many = ConsolePreferences.defaults();
        for (int i = 0; i < 30; i++) {
            many = many.withRecent("/r" + i);
        }
        assertThat(many.recentRoots()).hasSize(ConsolePreferences.MAX_RECENT).first().isEqualTo("/r29");
    }

    @Test
    void unusableFilesGiveDefaultsAndAreKeptAside() throws Exception {
        PreferencesStore store = new PreferencesStore(home);
        Files.writeString(store.file(), "{ not json", StandardCharsets.UTF_8);
        PreferencesStore.Loaded loaded = store.load();
        assertThat(loaded.preferences()).isEqualTo(ConsolePreferences.defaults());
        assertThat(loaded.problem()).get().asString().contains("could not be used").contains("not valid JSON");
        store.save(loaded.preferences().withTheme(Theme.LIGHT));
        assertThat(home.resolve("preferences.json.unreadable")).hasContent("{ not json");
        assertThat(store.load().preferences().theme()).isEqualTo(Theme.LIGHT);

        Files.writeString(store.file(), "{\"version\": 2, \"theme\": \"dark\"}", StandardCharsets.UTF_8);
        PreferencesStore.Loaded future = new PreferencesStore(home).load();
        assertThat(future.preferences().theme()).isEqualTo(Theme.SYSTEM);
        assertThat(future.problem()).get().asString().contains("newer console (version 2)").contains("preferences.json.v2");

        Files.writeString(store.file(), "{\"version\": 1, \"poll_seconds\": -5, \"lock_stale_minutes\": 999999999, \"extra\": true}",
                StandardCharsets.UTF_8);
        ConsolePreferences clamped = new PreferencesStore(home).load().preferences();
        assertThat(clamped.pollSeconds()).isEqualTo(ConsolePreferences.MIN_POLL_SECONDS);
        assertThat(clamped.lockStaleMinutes()).isEqualTo(60 * 24 * 30);
    }

    @Test
    void resetDeletesTheFileAndHomeIsOverridable() throws Exception {
        String before = System.getProperty(PreferencesStore.HOME_PROPERTY);
        try {
            System.setProperty(PreferencesStore.HOME_PROPERTY, home.toString());
            PreferencesStore store = PreferencesStore.forUser();
            assertThat(store.file()).isEqualTo(home.resolve("preferences.json"));
            PreferencesModel model = new PreferencesModel(store);
            model.update(p -> p.withTheme(Theme.DARK));
            assertThat(store.file()).exists();
            model.reset();
            assertThat(store.file()).doesNotExist();
            assertThat(model.get()).isEqualTo(ConsolePreferences.defaults());
        } finally {
            if (before == null) {
                System.clearProperty(PreferencesStore.HOME_PROPERTY);
            } else {
                System.setProperty(PreferencesStore.HOME_PROPERTY, before);
            }
        }
    }
}
