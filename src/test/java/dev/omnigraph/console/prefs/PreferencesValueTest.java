package dev.omnigraph.console.prefs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The toolkit-free watchable preferences: what the window's listeners hear. */
class PreferencesValueTest {
    @Test
    void listenersHearRealChangesOnlyWithBeforeAndAfter() {
        PreferencesModel model = PreferencesModel.inMemory(ConsolePreferences.defaults());
        List<String> heard = new ArrayList<>();
        PreferencesValue.Listener strong = (source, before, now) -> heard.add(before.recentRoots() + "->" + now.recentRoots());
        PreferencesValue.Listener weak = (source, before, now) -> heard.add("weak:" + now.recentRoots());
        model.property().addListener(strong);
        model.property().addWeakListener(weak);

        model.update(p -> p.withRecent("s3://bucket/a"));
        model.update(p -> p);                                   // no change: nobody is called
        model.property().removeListener(strong);
        model.update(p -> p.withRecent("s3://bucket/b"));

        assertThat(heard).containsExactly("[]->[s3://bucket/a]", "weak:[s3://bucket/a]", "weak:[s3://bucket/b, s3://bucket/a]");
        assertThat(model.property().get().recentRoots()).containsExactly("s3://bucket/b", "s3://bucket/a");
        assertThat(weak).isNotNull(); // held strongly until here
    }
}
