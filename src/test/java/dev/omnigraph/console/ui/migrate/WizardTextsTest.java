package dev.omnigraph.console.ui.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.migrate.Endpoint;
import dev.omnigraph.console.migrate.MigrationPlan;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.storage.StoreUri;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the wizard says about a plan, and what "Open destination" opens. */
class WizardTextsTest {
    private static MigrationPlan plan(long objects, Duration estimate) {
        MigrationPlan.Totals t = new MigrationPlan.Totals(objects, objects * 1000);
        MigrationPlan.Totals none = new MigrationPlan.Totals(0, 0);
        return new MigrationPlan(t, t, none, none, none, List.of(), List.of(), List.of(), List.of(), false, Duration.ZERO, estimate, null);
    }

    @Test
    void theEstimateNeverSaysAboutZeroSeconds() {
        assertThat(WizardViewModel.estimateText(plan(192, Duration.ofMillis(300)))).isEqualTo("under a second");
        assertThat(WizardViewModel.estimateText(plan(0, Duration.ZERO))).isEqualTo("nothing to write");
        assertThat(WizardViewModel.estimateText(plan(5000, Duration.ofSeconds(90)))).isEqualTo("about 1m 30s");
    }

    @Test
    void openDestinationUsesTheMigrationsSettingsAndKeysUnderTheClustersName() {
        ClusterLocation source = ClusterLocation.ofRoot(new StoreUri.Local(Path.of("/data/analytics")));
        S3Settings dest = S3Settings.fromEnvironment(Map.of()).withEndpoint("http://127.0.0.1:9000")
                .withKeys(new S3Settings.StaticKeys("AKIAX", "secret", null));
        var spec = DestinationTab.spec(source, new Endpoint(new StoreUri.S3("omnigraph", "analytics"), dest), null);
        assertThat(spec.location().root()).isEqualTo(new StoreUri.S3("omnigraph", "analytics"));
        assertThat(spec.location().name()).isEqualTo("analytics");
        assertThat(spec.location().configDir()).isEqualTo(Optional.empty());
        assertThat(spec.s3().endpoint()).isEqualTo("http://127.0.0.1:9000");
        assertThat(spec.s3().keys().accessKeyId()).isEqualTo("AKIAX");
        assertThat(spec.recentEntry()).doesNotContain("AKIAX").doesNotContain("secret");
    }
}
