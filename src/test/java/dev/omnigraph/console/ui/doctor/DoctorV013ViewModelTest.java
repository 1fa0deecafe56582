package dev.omnigraph.console.ui.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.testing.Backend;
import dev.omnigraph.console.ui.Sessions;
import dev.omnigraph.console.ui.V013Roots;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Doctor page on v0.13 roots shows the generation and v0.13 findings with v0.13 remedies. */
class DoctorV013ViewModelTest {
    @TempDir
    Path temp;

    @Test
    void theGenerationAndTheOutstandingDeploymentAreOnThePage() throws Exception {
        DoctorViewModel vm = new DoctorViewModel(Sessions.open(V013Roots.outstanding(Backend.FILE, temp, "doctor")));
        vm.follow();
        assertThat(vm.generationProperty().get()).startsWith("v2 ledger (v0.13)").contains("served by");
        assertThat(vm.findings()).extracting(FindingRow::code).contains("cluster_deployment_outstanding");
        assertThat(vm.findings()).allSatisfy(f -> assertThat(f.remedy()).doesNotContain("cluster refresh").doesNotContain("cluster approve"));
        assertThat(vm.verdictProperty().get().text()).isEqualTo("Server would refuse to boot");
        assertThat(vm.detailProperty().get()).isEqualTo(DoctorViewModel.NO_SELECTION);
    }
}
