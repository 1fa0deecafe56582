package dev.omnigraph.console.ui.backups;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.backup.BackupCatalog;
import dev.omnigraph.console.backup.BackupTestRoots;
import dev.omnigraph.console.backup.RestorePlan;
import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.storage.FileObjectStore;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.testing.Trees;
import dev.omnigraph.console.ui.Sessions;
import dev.omnigraph.console.ui.common.Severity;
import dev.omnigraph.console.ui.session.ClusterSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Backups page and the restore wizard, without a window (tasks run on the calling thread). */
class BackupsViewModelTest {
    @TempDir
    Path temp;

    @Test
    void takeListVerifyAndRestoreAPointAndDropAVerdictWhenItsPointChanges() throws Exception {
        Path backups = temp.resolve("backups");
        try (ObjectStore store = new FileObjectStore(new StoreUri.Local(temp.resolve("root")))) {
            BackupTestRoots.demo(store, 6);
            Map<String, String> before = Trees.fingerprint(store);
            ClusterSession session = Sessions.open(store);
            BackupsViewModel vm = new BackupsViewModel(session);
            vm.locationProperty().set(backups.toString());

            vm.createPoint();
            assertThat(vm.verdictProperty().get().severity()).isEqualTo(Severity.DANGER);
            assertThat(vm.verdictProperty().get().text()).contains("--writers-stopped");
            vm.writersStoppedProperty().set(true);
            vm.createPoint();
            assertThat(vm.verdictProperty().get().severity()).as(vm.verdictProperty().get().text()).isEqualTo(Severity.OK);
            assertThat(vm.points()).hasSize(1);
            BackupCatalog.Entry entry = vm.points().getFirst();
            assertThat(entry.complete()).isTrue();

            vm.selectedProperty().set(entry);
            vm.verifySelected();
            assertThat(vm.verdictProperty().get().severity()).isEqualTo(Severity.OK);
            assertThat(vm.verdictProperty().get().text()).startsWith("Verified");
            vm.selectedProperty().set(null);
            assertThat(vm.verdictProperty().get()).as("a verdict drops with its point").isNull();

            RestoreWizardViewModel wizard = new RestoreWizardViewModel(session, vm.listedLocation().orElseThrow(), entry.point().orElseThrow());
            wizard.targetProperty().set(temp.resolve("root").toString());
            wizard.plan();
            assertThat(wizard.planProperty().get().verdict()).isEqualTo(RestorePlan.Verdict.REFUSED);
            assertThat(wizard.outcomeProperty().get().text()).contains("already holds a ledger");

            Path target = temp.resolve("restored");
            wizard.targetProperty().set(target.toString());
            assertThat(wizard.planProperty().get()).as("the plan drops with its target").isNull();
            wizard.plan();
            assertThat(wizard.planProperty().get().verdict()).isEqualTo(RestorePlan.Verdict.READY);
            assertThat(wizard.canRestore()).as("not before the point id is typed").isFalse();
            wizard.typedProperty().set("restore");
            assertThat(wizard.canRestore()).isFalse();
            wizard.typedProperty().set(entry.pointId());
            assertThat(wizard.canRestore()).isTrue();
            wizard.restore();

            assertThat(wizard.resultProperty().get().ok()).as(wizard.outcomeProperty().get().text()).isTrue();
            try (ObjectStore restored = new FileObjectStore(new StoreUri.Local(target))) {
                assertThat(Trees.fingerprint(restored)).isEqualTo(before);
            }
            assertThat(Files.exists(target.resolve(ClusterLayout.LOCK))).isFalse();
        }
    }
}
