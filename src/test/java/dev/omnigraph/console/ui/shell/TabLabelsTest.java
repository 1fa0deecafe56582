package dev.omnigraph.console.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.storage.StoreUri;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TabLabelsTest {
    private static ClusterLocation at(StoreUri root) {
        return new ClusterLocation(root, Optional.empty(), "analytics");
    }

    @Test
    void aUniqueNameIsEnoughAndTwinsSayWhereTheyLive() {
        ClusterLocation folder = at(new StoreUri.Local(Path.of("/data/analytics")));
        ClusterLocation s3 = at(new StoreUri.S3("omnigraph", "analytics"));
        assertThat(TabLabels.label(folder, List.of(folder))).isEqualTo("analytics");
        assertThat(TabLabels.label(folder, List.of(folder, s3))).isEqualTo("analytics — folder");
        assertThat(TabLabels.label(s3, List.of(folder, s3))).isEqualTo("analytics — s3://omnigraph");
    }

    @Test
    void twinsInTheSameKindOfPlaceShowTheirWholeRoot() {
        ClusterLocation a = at(new StoreUri.Local(Path.of("/a/analytics")));
        ClusterLocation b = at(new StoreUri.Local(Path.of("/b/analytics")));
        assertThat(TabLabels.label(a, List.of(a, b))).isEqualTo("analytics — /a/analytics");
        assertThat(TabLabels.label(b, List.of(a, b))).isEqualTo("analytics — /b/analytics");
    }
}
