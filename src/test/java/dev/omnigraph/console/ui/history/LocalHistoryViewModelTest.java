package dev.omnigraph.console.ui.history;

import dev.omnigraph.console.ui.common.RawLine;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.cluster.diff.ChangeKind;
import dev.omnigraph.console.cluster.diff.LedgerJson;
import dev.omnigraph.console.cluster.doctor.CraftedCluster;
import dev.omnigraph.console.cluster.history.HistoryAvailability;
import dev.omnigraph.console.cluster.history.LedgerObservationCache;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.testing.Backend;
import dev.omnigraph.console.ui.session.ClusterSession;
import dev.omnigraph.console.ui.session.ConnectionSpec;
import dev.omnigraph.console.ui.session.PollScheduler;
import dev.omnigraph.console.ui.session.SessionSettings;
import dev.omnigraph.console.ui.task.ImmediateTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The History page's view-model on a local folder: no storage history, so the banner says why and
 * the page compares the ledgers the session itself recorded in the observation cache.
 */
class LocalHistoryViewModelTest {
    private static final String APPROVAL = "01M0000000000000000000APPR";

    @TempDir
    Path temp;

    static ClusterSession session(ObjectStore store, LedgerObservationCache cache) {
        ClusterLocation location = ClusterLocation.ofRoot(store.uri());
        ClusterSession s = new ClusterSession(new ConnectionSpec(location, S3Settings.fromEnvironment(Map.of())), store,
                new ImmediateTaskRunner(), PollScheduler.MANUAL, SessionSettings.defaults(), Clock.systemUTC(), cache);
        s.refresh();
        return s;
    }

    @Test
    void withoutStorageHistoryTheSessionsObservationsAreComparedSinceTheLastLook() throws Exception {
        try (ObjectStore store = Backend.FILE.newStore(temp, "local-history")) {
            CraftedCluster.write(store, false);
            LedgerObservationCache cache = new LedgerObservationCache(temp.resolve("home"));
            ClusterSession session = session(store, cache);
            assertThat(session.lastObservationProperty().get().kind()).isEqualTo(LedgerObservationCache.RecordKind.STORED);

            LedgerHistoryViewModel vm = new LedgerHistoryViewModel(session);
            vm.activate();
            HistoryListing first = vm.listingProperty().get();
            assertThat(first.availability()).isEqualTo(HistoryAvailability.LOCAL_FOLDER);
            assertThat(first.unavailableBanner()).hasValueSatisfying(b -> assertThat(b)
                    .startsWith("History unavailable because a local folder keeps no versions").contains("observed"));
            assertThat(vm.entries()).extracting(HistoryEntry::kind)
                    .containsExactly(HistoryEntry.Kind.CURRENT, HistoryEntry.Kind.OBSERVED);
            assertThat(vm.entries().get(1).current()).as("the one observation is the current ledger").isTrue();
            assertThat(vm.sideAProperty().get()).as("nothing older to compare with yet").isNull();
            assertThat(vm.summaryProperty().get()).startsWith("Nothing to compare yet");

            // an apply elsewhere: a new approval record, one payload digest changed, revision + 1
            long before = vm.entries().get(0).revision().orElseThrow();
            CraftedCluster.editLedger(store, t -> {
                t.put("state_revision", before + 1);
                ((ObjectNode) t.path("approval_records")).putObject(APPROVAL).put("consumed_by_operation", "apply");
                LedgerJson.resource(t, "query.knowledge.company_staff").put("digest", "ab".repeat(32));
            });
            session.refresh(); // the session records the new ledger; the page re-lists because the CAS moved

            assertThat(vm.entries()).extracting(HistoryEntry::kind).containsExactly(HistoryEntry.Kind.CURRENT,
                    HistoryEntry.Kind.OBSERVED, HistoryEntry.Kind.OBSERVED);
            HistoryListing second = vm.listingProperty().get();
            assertThat(second.sinceLastLook()).isPresent();
            assertThat(vm.sideAProperty().get()).isEqualTo(second.sinceLastLook().get());
            assertThat(vm.sideAProperty().get().revision()).contains(before);
            assertThat(vm.sideAProperty().get().note()).startsWith("since you last looked");
            assertThat(vm.sideBProperty().get().id()).isEqualTo("current");

            assertThat(vm.diffProperty().get()).isNotNull();
            assertThat(vm.rows()).anySatisfy(r -> {
                assertThat(r.entry()).isEqualTo("state_revision");
                assertThat(r.before()).isEqualTo(Long.toString(before));
                assertThat(r.after()).isEqualTo(Long.toString(before + 1));
            });
            assertThat(vm.rows()).anySatisfy(r -> {
                assertThat(r.section()).isEqualTo("Resources");
                assertThat(r.entry()).isEqualTo("query.knowledge.company_staff");
                assertThat(r.change()).isEqualTo(ChangeKind.CHANGED);
                assertThat(r.field()).isEqualTo("digest");
                assertThat(r.after()).startsWith("abababababab…");
            });
            assertThat(vm.rows()).anySatisfy(r -> {
                assertThat(r.section()).isEqualTo("Approval records");
                assertThat(r.entry()).isEqualTo(APPROVAL);
                assertThat(r.change()).isEqualTo(ChangeKind.ADDED);
            });
            assertThat(vm.raw()).anyMatch(l -> l.kind() == RawLine.Kind.REMOVED && l.text().contains("\"state_revision\""));
            assertThat(vm.raw()).anyMatch(l -> l.kind() == RawLine.Kind.ADDED && l.text().contains(APPROVAL));
            assertThat(vm.summaryProperty().get()).contains("Revision " + before + " → " + (before + 1))
                    .contains("1 changed").contains("Approval records: 1 differ");

            // restoring is guidance only: the exact conditional steps and what it would invalidate
            assertThat(vm.restoreProperty().get()).isNotNull();
            assertThat(vm.restoreProperty().get().summary()).contains("is not offered as an action");
            assertThat(vm.restoreProperty().get().commands()).isNotEmpty()
                    .anyMatch(c -> c.contains(vm.sideAProperty().get().cas().orElseThrow().substring(7)));
            assertThat(vm.restoreProperty().get().consequences()).anyMatch(c -> c.startsWith("state_revision goes back from "
                    + (before + 1) + " to " + before));

            // swapping sides: neither is "current" any more on side A, guidance follows side B
            vm.swap();
            assertThat(vm.sideAProperty().get().id()).isEqualTo("current");
            assertThat(vm.rows()).anySatisfy(r -> assertThat(r.change()).isEqualTo(ChangeKind.REMOVED));
            // two observations (neither is the live object): no restore guidance, a hint instead
            assertThat(vm.pick(true, vm.entries().get(2).id())).isTrue();
            assertThat(vm.pick(false, vm.entries().get(1).id())).isTrue();
            vm.compare();
            assertThat(vm.restoreProperty().get()).isNull();
            assertThat(vm.restoreHintProperty().get()).contains("current");
        }
    }

    @Test
    void aLedgerWithAnInlineSecretIsNeverCached() throws Exception {
        try (ObjectStore store = Backend.FILE.newStore(temp, "secret")) {
            CraftedCluster.write(store, false);
            CraftedCluster.editLedger(store, t -> ((ObjectNode) LedgerJson.resource(t, "provider.embedding.default")
                    .path("embedding_profile")).put("api_key", "sk-live-SECRET-VALUE"));
            LedgerObservationCache cache = new LedgerObservationCache(temp.resolve("home"));
            ClusterSession session = session(store, cache);
            assertThat(session.lastObservationProperty().get().kind()).isEqualTo(LedgerObservationCache.RecordKind.REFUSED_SECRET);
            assertThat(cache.entries(session.location())).isEmpty();
            Files.createDirectories(temp.resolve("home"));
            try (var files = Files.walk(temp.resolve("home"))) {
                assertThat(files.filter(Files::isRegularFile).map(f -> {
                    try {
                        return Files.readString(f);
                    } catch (java.io.IOException e) {
                        return "";
                    }
                })).noneMatch(text -> text.contains("sk-live"));
            }
            LedgerHistoryViewModel vm = new LedgerHistoryViewModel(session);
            vm.activate();
            assertThat(vm.entries()).extracting(HistoryEntry::kind).containsExactly(HistoryEntry.Kind.CURRENT);
        }
    }

    /** A runner that keeps jobs waiting, so a test can look at the page while they run and cancel them. */
    static final class HeldRunner implements dev.omnigraph.console.ui.task.TaskRunner {
        final java.util.List<String> titles = new java.util.ArrayList<>();
        final java.util.List<boolean[]> cancelled = new java.util.ArrayList<>();

        @Override
        public <T> dev.omnigraph.console.ui.task.TaskHandle run(String title, dev.omnigraph.console.ui.task.Job<T> job,
                java.util.function.Consumer<? super T> onSuccess, java.util.function.Consumer<Throwable> onFailure, ProgressSink progress) {
            titles.add(title);
            boolean[] flag = new boolean[1];
            cancelled.add(flag);
            return new dev.omnigraph.console.ui.task.TaskHandle() {
                @Override
                public void cancel() {
                    flag[0] = true;
                }

                @Override
                public boolean isDone() {
                    return flag[0];
                }
            };
        }
    }

    @Test
    void listingRunsInTheBackgroundWithProgressAndCanBeCancelled() throws Exception {
        try (ObjectStore store = Backend.FILE.newStore(temp, "cancel")) {
            CraftedCluster.write(store, false);
            HeldRunner runner = new HeldRunner();
            ClusterSession session = new ClusterSession(new ConnectionSpec(ClusterLocation.ofRoot(store.uri()),
                    S3Settings.fromEnvironment(Map.of())), store, runner, PollScheduler.MANUAL, SessionSettings.defaults(),
                    Clock.systemUTC(), new LedgerObservationCache(temp.resolve("home")));
            LedgerHistoryViewModel vm = new LedgerHistoryViewModel(session);
            vm.activate();
            vm.reload();
            assertThat(runner.titles).last().asString().startsWith("Ledger history of ");
            assertThat(vm.progress().isRunning()).isTrue();
            assertThat(vm.progress().messageProperty().get()).startsWith("Listing the ledger's history");
            vm.cancel();
            assertThat(runner.cancelled.get(runner.cancelled.size() - 1)[0]).as("the job was cancelled").isTrue();
            assertThat(vm.progress().isRunning()).isFalse();
            assertThat(vm.progress().messageProperty().get()).isEqualTo("Cancelled");
            assertThat(vm.listingProperty().get()).isNull();
        }
    }
}
