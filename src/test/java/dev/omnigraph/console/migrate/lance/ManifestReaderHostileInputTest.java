package dev.omnigraph.console.migrate.lance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Hand-made manifests from Lance's public proto: the two fields decoded, everything malformed refused with a reason. */
class ManifestReaderHostileInputTest {

    private static void varint(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private static void bytesField(ByteArrayOutputStream out, int field, byte[] value) {
        varint(out, (long) field << 3 | 2);
        varint(out, value.length);
        out.writeBytes(value);
    }

    private static byte[] basePath(int id, String path) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        varint(out, 1 << 3);
        varint(out, id);
        varint(out, 3 << 3);
        varint(out, 1);
        bytesField(out, 4, path.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** A manifest file: {@code prefix} (index/transaction sections), u32 length, protobuf, footer. */
    private static byte[] file(byte[] prefix, byte[] proto) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(prefix);
        long position = out.size();
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(proto.length).array());
        out.writeBytes(proto);
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(position).array());
        out.writeBytes(new byte[] {0, 0, 2, 0, 'L', 'A', 'N', 'C'});
        return out.toByteArray();
    }

    private static byte[] manifest(byte[] skippedPayload) {
        ByteArrayOutputStream proto = new ByteArrayOutputStream();
        varint(proto, 3 << 3); // version = 7
        varint(proto, 7);
        bytesField(proto, 2, skippedPayload); // a fragment: skipped, never kept
        bytesField(proto, 18, basePath(0, "s3://old-bucket/cluster/graphs/g.omni/__manifest"));
        bytesField(proto, 20, "feature".getBytes(StandardCharsets.UTF_8));
        varint(proto, 9 << 3 | 1); // a fixed64 field
        proto.writeBytes(new byte[8]);
        return proto.toByteArray();
    }

    @Test
    void decodesBasePathsAndBranchSkippingEverythingElse() throws Exception {
        LanceManifest m = ManifestReader.read(file(new byte[100], manifest(new byte[300])));
        assertThat(m.basePaths()).singleElement().satisfies(b -> {
            assertThat(b.id()).isZero();
            assertThat(b.isDatasetRoot()).isTrue();
            assertThat(b.path()).isEqualTo("s3://old-bucket/cluster/graphs/g.omni/__manifest");
        });
        assertThat(m.branch()).contains("feature");
    }

    @Test
    void aLargeFileIsStreamedInTwoPassesAndGivesTheSameAnswer() throws Exception {
        byte[] big = file(new byte[3 << 20], manifest(new byte[2 << 20]));
        AtomicInteger opens = new AtomicInteger();
        LanceManifest m = ManifestReader.read(() -> {
            opens.incrementAndGet();
            return new ByteArrayInputStream(big);
        }, big.length);
        assertThat(opens).hasValue(2);
        assertThat(m.basePaths()).hasSize(1);
        assertThat(m.branch()).contains("feature");
    }

    @Test
    void refusesFilesThatAreNotManifests() {
        byte[] good = file(new byte[10], manifest(new byte[10]));
        byte[] badMagic = good.clone();
        badMagic[badMagic.length - 1] = 'X';
        assertThatThrownBy(() -> ManifestReader.read(badMagic)).isInstanceOf(ManifestFormatException.class).hasMessageContaining("LANC");
        assertThatThrownBy(() -> ManifestReader.read(new byte[12])).isInstanceOf(ManifestFormatException.class).hasMessageContaining("too small");
        byte[] farPosition = good.clone();
        ByteBuffer.wrap(farPosition, farPosition.length - 16, 8).order(ByteOrder.LITTLE_ENDIAN).putLong(Long.MAX_VALUE);
        assertThatThrownBy(() -> ManifestReader.read(farPosition)).hasMessageContaining("outside the file");
        byte[] wrongLength = good.clone();
        wrongLength[10] = (byte) (wrongLength[10] + 1);
        assertThatThrownBy(() -> ManifestReader.read(wrongLength)).hasMessageContaining("recorded length");
    }

    @Test
    void refusesMalformedProtobuf() {
        assertThatThrownBy(() -> ManifestReader.read(file(new byte[0], new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80,
                (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 1})))
                .isInstanceOf(ManifestFormatException.class).hasMessageContaining("varint");
        assertThatThrownBy(() -> ManifestReader.read(file(new byte[0], new byte[] {(byte) (2 << 3 | 2), 100, 1, 2})))
                .hasMessageContaining("runs past the end");
        assertThatThrownBy(() -> ManifestReader.read(file(new byte[0], new byte[] {(byte) (2 << 3 | 3)})))
                .hasMessageContaining("wire type 3");
        ByteArrayOutputStream badUtf8 = new ByteArrayOutputStream();
        bytesField(badUtf8, 20, new byte[] {(byte) 0xC3, (byte) 0x28});
        assertThatThrownBy(() -> ManifestReader.read(file(new byte[0], badUtf8.toByteArray()))).hasMessageContaining("UTF-8");
        ByteArrayOutputStream wrongType = new ByteArrayOutputStream();
        varint(wrongType, 18 << 3);
        varint(wrongType, 1);
        assertThatThrownBy(() -> ManifestReader.read(file(new byte[0], wrongType.toByteArray()))).hasMessageContaining("base_paths");
        ByteArrayOutputStream hugePath = new ByteArrayOutputStream();
        bytesField(hugePath, 18, basePath(1, "x".repeat(ManifestReader.MAX_PATH_BYTES + 1)));
        assertThatThrownBy(() -> ManifestReader.read(file(new byte[0], hugePath.toByteArray()))).hasMessageContaining("accepted");
    }

    @Test
    void refusesTooManyBasePathsAndAFileThatChangedWhileRead() {
        ByteArrayOutputStream many = new ByteArrayOutputStream();
        for (int i = 0; i <= ManifestReader.MAX_BASE_PATHS; i++) {
            bytesField(many, 18, basePath(i, "/p"));
        }
        assertThatThrownBy(() -> ManifestReader.read(file(new byte[0], many.toByteArray()))).hasMessageContaining("more than");
        byte[] good = file(new byte[10], manifest(new byte[10]));
        assertThatThrownBy(() -> ManifestReader.read(() -> new ByteArrayInputStream(good, 0, good.length - 3), good.length))
                .hasMessageContaining("changed while it was read");
    }

    @Test
    void randomCorruptionOnlyEverGivesAFormatError() {
        byte[] good = file(new byte[64], manifest(new byte[64]));
        Random random = new Random(20261207L);
        for (int round = 0; round < 5_000; round++) {
            byte[] bad = good.clone();
            int flips = 1 + random.nextInt(4);
            for (int i = 0; i < flips; i++) {
                bad[random.nextInt(bad.length)] = (byte) random.nextInt(256);
            }
            try {
                ManifestReader.read(bad);
            } catch (ManifestFormatException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }
}
