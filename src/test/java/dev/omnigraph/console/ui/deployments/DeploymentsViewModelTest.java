package dev.omnigraph.console.ui.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.cluster.model.CapturedSources;
import dev.omnigraph.console.cluster.model.Fixtures013;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.testing.Backend;
import dev.omnigraph.console.ui.Sessions;
import dev.omnigraph.console.ui.V013Roots;
import dev.omnigraph.console.ui.common.RawLine;
import dev.omnigraph.console.ui.session.ClusterSession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Deployments page on the v0.13 storage root: receipts, bundles as files, config diffs, refusals. */
class DeploymentsViewModelTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void receiptsNewestFirstWithVerifiedBundlesAndTheirCapturedFiles(Backend backend) throws Exception {
        ClusterSession session = Sessions.open(V013Roots.serving(backend, temp, "receipts"));
        DeploymentsViewModel vm = new DeploymentsViewModel(session);
        vm.activate();
        assertThat(vm.noticeProperty().get()).isEmpty();
        assertThat(vm.rows()).extracting(DeploymentRow::sequence).containsExactly("3", "2", "1");
        assertThat(vm.rows()).allSatisfy(r -> assertThat(r.id()).startsWith(Fixtures013.LEDGER_ID + ":"));
        assertThat(vm.rows().getFirst().acceptedText()).startsWith("2026-").endsWith(" UTC");
        assertThat(vm.selectedProperty().get()).isSameAs(vm.rows().getFirst());
        assertThat(vm.bundleStatusProperty().get()).startsWith("Bundle " + vm.rows().getFirst().bundleDigest() + " verified");
        assertThat(vm.files()).isNotEmpty();
        assertThat(vm.files()).extracting(CapturedSources.File::roles).anySatisfy(roles -> assertThat(roles).isNotEmpty());
        assertThat(vm.selectedFileProperty().get().text()).isNotEmpty();

        vm.compareAProperty().set(vm.rows().get(2));
        vm.compareBProperty().set(vm.rows().get(0));
        vm.compare();
        assertThat(vm.diffSummaryProperty().get()).startsWith("#1 → #3: ");
        assertThat(vm.diff()).anySatisfy(l -> assertThat(l.kind()).isIn(RawLine.Kind.ADDED, RawLine.Kind.REMOVED));

        vm.compareAProperty().set(vm.rows().get(1));
        vm.compareBProperty().set(vm.rows().get(1));
        vm.compare();
        assertThat(vm.diffSummaryProperty().get()).isEqualTo("#2 and #2 captured identical configuration (the same bundle).");
    }

    @Test
    void theOutstandingDeploymentComesFirstWithItsBundle() throws Exception {
        ClusterSession session = Sessions.open(V013Roots.outstanding(Backend.FILE, temp, "outstanding"));
        DeploymentsViewModel vm = new DeploymentsViewModel(session);
        vm.activate();
        DeploymentRow first = vm.rows().getFirst();
        assertThat(first.id()).isEqualTo(Fixtures013.OUTSTANDING_ID);
        assertThat(first.outstanding()).isTrue();
        assertThat(first.state().text()).isEqualTo("outstanding");
        assertThat(first.bundleDigest()).isEqualTo(Fixtures013.OUTSTANDING_BUNDLE);
        assertThat(first.graphs()).matches(".*(not_started|started|settled).*");
        assertThat(vm.bundleStatusProperty().get()).contains("verified");
    }

    @Test
    void aTamperedOrMissingBundleIsRefusedWithUpstreamsCode() throws Exception {
        ObjectStore store = V013Roots.serving(Backend.FILE, temp, "bad-bundles");
        ClusterSession session = Sessions.open(store);
        DeploymentsViewModel vm = new DeploymentsViewModel(session);
        vm.activate();
        DeploymentRow newest = vm.rows().get(0);
        DeploymentRow oldest = vm.rows().get(2);
        byte[] bytes = store.read(newest.bundleKey(), 1 << 24).orElseThrow().bytes();
        V013Roots.replace(store, newest.bundleKey(), (new String(bytes, StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8));
        store.deleteUnconditionally(oldest.bundleKey());

        vm.selectedProperty().set(null);
        vm.selectedProperty().set(newest);
        assertThat(vm.bundleStatusProperty().get()).startsWith("deployment_bundle_digest");
        assertThat(vm.files()).isEmpty();
        vm.selectedProperty().set(oldest);
        assertThat(vm.bundleStatusProperty().get()).startsWith("deployment_bundle_missing");
    }

    @Test
    void aV1RootSaysItHasNoDeployments() throws Exception {
        var store = new dev.omnigraph.console.storage.FileObjectStore(new dev.omnigraph.console.storage.StoreUri.Local(temp.resolve("v1")));
        dev.omnigraph.console.testing.Trees.upload(dev.omnigraph.console.testing.Trees.fixtureStorageRoot(), store);
        DeploymentsViewModel vm = new DeploymentsViewModel(Sessions.open(store));
        vm.activate();
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.noticeProperty().get()).startsWith("This root has a v1 ledger");
    }
}
