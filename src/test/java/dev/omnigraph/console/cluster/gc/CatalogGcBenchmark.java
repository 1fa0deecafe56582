package dev.omnigraph.console.cluster.gc;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.cluster.doctor.CraftedCluster;
import dev.omnigraph.console.cluster.doctor.DoctorReport;
import dev.omnigraph.console.cluster.doctor.ServingDoctor;
import dev.omnigraph.console.cluster.model.Digests;
import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.PutResult;
import dev.omnigraph.console.storage.WriteCondition;
import dev.omnigraph.console.testing.Backend;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Prints the catalog GC's and the doctor's figures on a catalog with many orphans (never asserts a
 * time). Run: {@code mvn -B -o test -Dtest=CatalogGcBenchmark -Dbench=true}.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class CatalogGcBenchmark {
    private static final int ORPHANS = 1_000;

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void collectManyOrphans(Backend backend) throws Exception {
        try (ObjectStore store = backend.newStore(temp, "gcbench")) {
            CraftedCluster.write(store, false);
            try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
                java.util.List<Future<PutResult>> puts = new java.util.ArrayList<>();
                for (int i = 0; i < ORPHANS; i++) {
                    String content = "query old_" + i + "() {}\n" + "x".repeat(2048);
                    String key = ClusterLayout.QUERY_RESOURCES + "knowledge/company_staff/" + Digests.sha256Hex(content.getBytes(UTF_8)) + ".gq";
                    puts.add(pool.submit(() -> store.put(key, content.getBytes(UTF_8), WriteCondition.IF_ABSENT)));
                }
                for (Future<PutResult> f : puts) {
                    f.get();
                }
            }
            ClusterLocation location = ClusterLocation.ofRoot(store.uri());
            long t0 = System.nanoTime();
            DoctorReport doctor = ServingDoctor.run(store, location, Progress.NONE);
            long t1 = System.nanoTime();
            GcPlan plan = CatalogGc.plan(store, location, Progress.NONE);
            long t2 = System.nanoTime();
            GcResult result = CatalogGc.execute(store, plan, backend == Backend.S3, Progress.NONE);
            long t3 = System.nanoTime();
            double seconds = (t3 - t2) / 1e9;
            System.out.printf(Locale.ROOT, "%s: doctor %.2f s (%s); gc plan %.2f s (%d candidates); gc delete %.2f s, %.0f blobs/s, %s%n",
                    backend, (t1 - t0) / 1e9, doctor.summary(), (t2 - t1) / 1e9, plan.candidates().size(), seconds,
                    result.deleted().size() / seconds, result.message());
        }
    }
}
