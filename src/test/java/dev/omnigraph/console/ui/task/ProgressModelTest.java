package dev.omnigraph.console.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressModelTest {
    @Test
    void figuresShowThroughputAndEta() {
        long[] now = {0};
        ProgressModel p = new ProgressModel(() -> now[0]);
        boolean[] cancelled = {false};
        p.start("Verifying", ProgressModel.Unit.BYTES, new TaskHandle() {
            @Override
            public void cancel() {
                cancelled[0] = true;
            }

            @Override
            public boolean isDone() {
                return false;
            }
        });
        assertThat(p.isRunning()).isTrue();
        assertThat(p.fractionProperty().get()).isEqualTo(-1);
        p.update(0, 10L * 1024 * 1024, "start");
        now[0] = 1_000_000_000L;
        p.update(2L * 1024 * 1024, 10L * 1024 * 1024, null);
        assertThat(p.fractionProperty().get()).isEqualTo(0.2);
        assertThat(p.figuresProperty().get()).isEqualTo("2.0 MiB of 10.0 MiB · 2.0 MiB/s · about 4s left");
        assertThat(p.messageProperty().get()).isEqualTo("start");
        p.cancel();
        assertThat(cancelled[0]).isTrue();
        assertThat(p.isRunning()).isFalse();
        assertThat(p.messageProperty().get()).isEqualTo("Cancelled");
    }

    @Test
    void unknownTotalsCountItems() {
        long[] now = {0};
        ProgressModel p = new ProgressModel(() -> now[0]);
        p.start("Listing", ProgressModel.Unit.ITEMS, null);
        p.update(1024, -1, "Listed 1024 objects");
        now[0] = 2_000_000_000L;
        p.update(5120, -1, "Listed 5120 objects");
        assertThat(p.fractionProperty().get()).isEqualTo(-1);
        assertThat(p.figuresProperty().get()).isEqualTo("5,120 · 2,048/s");
    }
}
