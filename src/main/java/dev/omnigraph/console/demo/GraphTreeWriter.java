package dev.omnigraph.console.demo;

import dev.omnigraph.console.cluster.ClusterLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Plans the objects of a Lance-like graph root ({@code graphs/<id>.omni/}, spec §2.3): schema
 * files, the {@code __manifest/} dataset, one dataset per node and edge type with
 * {@code data/*.lance}, {@code _versions/*.manifest}, {@code _transactions/}, {@code _indices/}
 * and {@code _deletions/}, and the commit-recovery dataset. Contents are deterministic
 * pseudo-random bytes so two runs with one seed write identical trees.
 */
final class GraphTreeWriter {

    /** One object to write: key relative to the root, and its size and content seed. */
    record PlannedObject(String key, long size, long seed, byte[] literal) {
        static PlannedObject literal(String key, String text) {
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            return new PlannedObject(key, b.length, 0, b);
        }
    }

    /** Shape of one graph's data. */
    record GraphShape(String id, String schemaSource, int nodeTables, int edgeTables, int versionsPerTable,
                      int dataFilesPerTable, long smallestData, long largestData, long bigFileBytes) {}

    private GraphTreeWriter() {}

    static List<PlannedObject> plan(GraphShape shape, long seed) {
        Random random = new Random(seed ^ shape.id().hashCode());
        String root = ClusterLayout.graphPrefix(shape.id());
        List<PlannedObject> out = new ArrayList<>();
        out.add(PlannedObject.literal(root + "_schema.pg", shape.schemaSource()));
        out.add(PlannedObject.literal(root + "_schema.ir.json",
                "{\"format_version\":1,\"graph\":\"" + shape.id() + "\",\"types\":" + (shape.nodeTables() + shape.edgeTables()) + "}\n"));
        out.add(PlannedObject.literal(root + "__schema_state.json",
                "{\"format_version\":1,\"schema_shape_hash\":\"" + hex(random, 32) + "\",\"schema_ir_hash\":\"" + hex(random, 32)
                        + "\",\"schema_identity_version\":1,\"schema_identity_domain\":\"omnigraph\"}\n"));
        dataset(out, root + "__manifest/", shape.versionsPerTable() + 2, 2, 2_048, 16_384, random);
        for (int t = 0; t < shape.nodeTables(); t++) {
            dataset(out, root + "nodes/" + hex(random, 8) + "-" + hex(random, 8) + "/", shape.versionsPerTable(),
                    shape.dataFilesPerTable(), shape.smallestData(), shape.largestData(), random);
        }
        for (int t = 0; t < shape.edgeTables(); t++) {
            dataset(out, root + "edges/" + hex(random, 8) + "-" + hex(random, 8) + "/", shape.versionsPerTable(),
                    Math.max(1, shape.dataFilesPerTable() / 2), shape.smallestData(), shape.largestData(), random);
        }
        dataset(out, root + "_graph_commit_recoveries.lance/", 1, 1, 512, 2_048, random);
        if (shape.bigFileBytes() > 0) {
            String table = root + "nodes/" + hex(random, 8) + "-" + hex(random, 8) + "/";
            out.add(new PlannedObject(table + "data/" + uuid(random) + ".lance", shape.bigFileBytes(), random.nextLong(), null));
            out.add(lanceManifest(table + "_versions/1.manifest", 1_024, random.nextLong(), 1));
        }
        return out;
    }

    private static void dataset(List<PlannedObject> out, String base, int versions, int dataFiles, long smallest, long largest,
                                Random random) {
        for (int f = 0; f < dataFiles; f++) {
            long size = smallest + (long) (random.nextDouble() * Math.max(1, largest - smallest));
            out.add(new PlannedObject(base + "data/" + uuid(random) + ".lance", size, random.nextLong(), null));
        }
        for (int v = 1; v <= versions; v++) {
            out.add(new PlannedObject(base + "_transactions/" + (v - 1) + "-" + uuid(random) + ".txn", 200 + random.nextInt(600),
                    random.nextLong(), null));
            out.add(lanceManifest(base + "_versions/" + v + ".manifest", 400 + random.nextInt(1_600), random.nextLong(), v));
        }
        if (dataFiles > 1) {
            out.add(new PlannedObject(base + "_indices/" + uuid(random) + "/index.idx", 4_096 + random.nextInt(60_000),
                    random.nextLong(), null));
            out.add(new PlannedObject(base + "_deletions/" + "0-" + versions + "-" + random.nextInt(1_000_000) + ".arrow",
                    64 + random.nextInt(512), random.nextLong(), null));
        }
    }

    /**
     * A manifest file in Lance's frame (filler where the index and transaction sections go, a u32
     * length, a {@code Manifest} protobuf holding only its version, the footer with the manifest's
     * position and the magic {@code LANC}) of exactly {@code size} bytes: no base path, no branch,
     * so the migration's portability check accepts the demo's datasets as a plain Lance dataset.
     */
    static PlannedObject lanceManifest(String key, int size, long seed, int version) {
        byte[] proto = {3 << 3, (byte) (version & 0x7F)};
        byte[] out = new byte[size];
        int position = size - 16 - 4 - proto.length;
        Random filler = new Random(seed);
        for (int i = 0; i < position; i++) {
            out[i] = (byte) filler.nextInt(256);
        }
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(out, position, size - position).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putInt(proto.length).put(proto).putLong(position).putShort((short) 0).putShort((short) 2).put(new byte[] {'L', 'A', 'N', 'C'});
        return new PlannedObject(key, size, seed, out);
    }

    static String hex(Random random, int bytes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < bytes; i++) {
            sb.append(String.format("%02x", random.nextInt(256)));
        }
        return sb.toString();
    }

    static String uuid(Random random) {
        String h = hex(random, 16);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20) + "-" + h.substring(20);
    }
}
