package dev.omnigraph.console.cluster.doctor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.diff.LedgerJson;
import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.demo.DemoClusterGenerator;
import dev.omnigraph.console.demo.DemoOptions;
import dev.omnigraph.console.storage.FileObjectStore;
import dev.omnigraph.console.storage.ObjectInfo;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.PutResult;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.storage.StoredObject;
import dev.omnigraph.console.storage.WriteCondition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Test helper: the control plane of {@code DemoOptions.small()} (ledger, approvals, the support
 * graph's recovery sidecar, catalog) generated once, written into fresh roots with one small object
 * per graph root, so each test breaks exactly one thing on a real backend without re-generating the
 * demo's graph data.
 */
public final class CraftedCluster {
    public static final String SIDECAR_GRAPH = "support";
    private static Map<String, byte[]> template;

    private CraftedCluster() {}

    private static synchronized Map<String, byte[]> template() {
        if (template == null) {
            try {
                Path dir = Files.createTempDirectory("crafted-demo");
                Map<String, byte[]> out = new TreeMap<>();
                try (ObjectStore store = new FileObjectStore(new StoreUri.Local(dir))) {
                    DemoClusterGenerator.write(store, DemoOptions.small(), Progress.NONE);
                    try (Stream<ObjectInfo> s = store.list(ClusterLayout.CLUSTER_DIR)) {
                        for (ObjectInfo o : s.toList()) {
                            out.put(o.key(), store.read(o.key(), 64L << 20).orElseThrow().bytes());
                        }
                    }
                }
                template = Map.copyOf(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (StorageException e) {
                throw new IllegalStateException(e);
            }
        }
        return template;
    }

    /** Writes the demo's control plane (with or without the support sidecar) and a stand-in object in each graph root. */
    public static void write(ObjectStore store, boolean withSidecar) throws StorageException {
        for (Map.Entry<String, byte[]> e : template().entrySet()) {
            if (!withSidecar && e.getKey().startsWith(ClusterLayout.RECOVERIES)) {
                continue;
            }
            put(store, e.getKey(), e.getValue());
        }
        for (String graph : new String[] {"knowledge", "support", "scratch"}) {
            put(store, ClusterLayout.graphPrefix(graph) + "_schema.pg", ("node X {\n  key: String @key\n}\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    public static void put(ObjectStore store, String key, byte[] bytes) throws StorageException {
        PutResult r = store.put(key, bytes, WriteCondition.IF_ABSENT);
        if (!r.written()) {
            throw new IllegalStateException("could not write " + key + ": " + r);
        }
    }

    /** Replaces an existing object (conditionally on the version just read). */
    public static void replace(ObjectStore store, String key, byte[] bytes) throws StorageException {
        StoredObject current = store.read(key, 64L << 20).orElseThrow();
        PutResult r = store.put(key, bytes, WriteCondition.ifMatch(current.token()));
        if (!r.written()) {
            throw new IllegalStateException("could not replace " + key + ": " + r);
        }
    }

    /** Edits the ledger as JSON and writes it back (conditional on the version read). */
    public static void editLedger(ObjectStore store, Consumer<ObjectNode> edit) throws StorageException {
        ObjectNode tree = LedgerJson.tree(store.read(ClusterLayout.STATE, 64L << 20).orElseThrow().bytes());
        edit.accept(tree);
        replace(store, ClusterLayout.STATE, LedgerJson.bytes(tree));
    }

    /** The template's key for the one sidecar. */
    public static String sidecarKey() {
        return template().keySet().stream().filter(k -> k.startsWith(ClusterLayout.RECOVERIES)).findFirst().orElseThrow();
    }

    /** The template bytes of a key. */
    public static byte[] templateBytes(String key) {
        return template().get(key);
    }

    /** Every template key under a prefix. */
    public static java.util.List<String> templateKeys(String prefix) {
        return template().keySet().stream().filter(k -> k.startsWith(prefix)).toList();
    }
}
