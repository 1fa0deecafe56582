package dev.omnigraph.console.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The header never says "Live" while reads fail. */
class LiveIndicatorTest {
    @Test
    void aFailingReadIsNotLive() {
        assertThat(ClusterWorkspace.liveText(true, false, "5s")).isEqualTo("● Live · every 5s");
        assertThat(ClusterWorkspace.liveText(true, true, "5s")).doesNotContain("Live").contains("retrying every 5s");
        assertThat(ClusterWorkspace.liveText(false, true, "5s")).doesNotContain("Live");
        assertThat(ClusterWorkspace.liveText(false, false, "5s")).isEqualTo("○ Paused");
    }
}
