package dev.omnigraph.console.migrate.lance;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.lance.Dataset;
import org.lance.Ref;

/**
 * Real Lance datasets written by the Lance Java SDK ({@code org.lance:lance-core}, test scope):
 * plain, with a branch, and a shallow clone of another one.
 */
public final class LanceDatasets {
    static final Schema SCHEMA = new Schema(List.of(
            new Field("id", FieldType.notNullable(new ArrowType.Int(64, true)), null),
            new Field("name", FieldType.nullable(new ArrowType.Utf8()), null)));

    private LanceDatasets() {}

    /** Writes a dataset of {@code rows} rows at {@code dir}. */
    public static void plain(Path dir, int rows) throws IOException {
        try (BufferAllocator allocator = new RootAllocator();
             ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(batch(allocator, rows)), allocator);
             Dataset dataset = Dataset.write().allocator(allocator).reader(reader).uri(dir.toString()).execute()) {
            if (dataset.countRows() != rows) {
                throw new IllegalStateException("Lance wrote " + dataset.countRows() + " rows, not " + rows);
            }
        }
    }

    /** A plain dataset with a branch ({@code _refs/branches/} and {@code tree/<name>/}). */
    public static void branched(Path dir, String branch) throws IOException {
        plain(dir, 3);
        try (Dataset dataset = Dataset.open(dir.toString()); Dataset ignored = dataset.createBranch(branch, Ref.ofMain())) {
            // the branch is written by createBranch
        }
    }

    /** A shallow clone of {@code source} at {@code target}: its manifest records the source's absolute path. */
    public static void shallowClone(Path source, Path target) {
        try (Dataset dataset = Dataset.open(source.toString()); Dataset ignored = dataset.shallowClone(target.toString(), Ref.ofMain())) {
            // the clone is written by shallowClone
        }
    }

    public static long countRowsByScan(Path dir) throws Exception {
        long rows = 0;
        try (BufferAllocator allocator = new RootAllocator();
             Dataset dataset = Dataset.open(dir.toString(), allocator);
             var scanner = dataset.newScan();
             var reader = scanner.scanBatches()) {
            while (reader.loadNextBatch()) {
                rows += reader.getVectorSchemaRoot().getRowCount();
            }
        }
        return rows;
    }

    private static byte[] batch(BufferAllocator allocator, int rows) throws IOException {
        try (VectorSchemaRoot root = VectorSchemaRoot.create(SCHEMA, allocator)) {
            BigIntVector ids = (BigIntVector) root.getVector("id");
            VarCharVector names = (VarCharVector) root.getVector("name");
            ids.allocateNew(rows);
            names.allocateNew(rows);
            for (int i = 0; i < rows; i++) {
                ids.set(i, i);
                names.setSafe(i, ("row " + i).getBytes(StandardCharsets.UTF_8));
            }
            root.setRowCount(rows);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ArrowStreamWriter writer = new ArrowStreamWriter(root, null, out)) {
                writer.start();
                writer.writeBatch();
                writer.end();
            }
            return out.toByteArray();
        }
    }
}
