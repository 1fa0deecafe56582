package dev.omnigraph.console.migrate.lance;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decodes the base paths and branch of a Lance manifest file ({@code _versions/*.manifest}).
 *
 * <p>Layout (Lance {@code lance-table/src/io/manifest.rs}): the file ends with a 16-byte footer —
 * the little-endian i64 position of the manifest, two u16 format versions and the magic
 * {@code LANC}. At that position: a little-endian u32 length, then the {@code Manifest} protobuf,
 * which ends where the footer starts. Index and transaction sections before it are skipped.
 *
 * <p>Streaming and bounded: a small file is read once into memory; a larger one is opened twice
 * (the footer, then the manifest) and every field but the two wanted is skipped without being kept.
 */
public final class ManifestReader {
    /** Read in one request below this size; streamed twice above it. */
    static final int WHOLE_FILE_BYTES = 1 << 20;
    /** A manifest file larger than this is not inspected (reported as undecodable). */
    public static final long MAX_FILE_BYTES = 1L << 30;
    static final int MAX_PATH_BYTES = 64 * 1024;
    static final int MAX_BASE_PATHS = 4096;
    private static final int FOOTER = 16;
    private static final byte[] MAGIC = {'L', 'A', 'N', 'C'};
    private static final int FIELD_BASE_PATHS = 18;
    private static final int FIELD_BRANCH = 20;

    /** Opens the manifest file from its first byte; may be called twice. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    private ManifestReader() {}

    public static LanceManifest read(Opener opener, long size) throws IOException, ManifestFormatException {
        if (size < FOOTER + 4) {
            throw new ManifestFormatException("the file is " + size + " bytes, too small to be a Lance manifest");
        }
        if (size > MAX_FILE_BYTES) {
            throw new ManifestFormatException("the file is " + size + " bytes, more than the " + MAX_FILE_BYTES + " inspected");
        }
        if (size <= WHOLE_FILE_BYTES) {
            byte[] whole;
            try (InputStream in = opener.open()) {
                whole = readExactly(in, (int) size);
                if (in.read() >= 0) {
                    throw new ManifestFormatException("the file is longer than its listed size (it changed while it was read)");
                }
            }
            long position = manifestPosition(whole, (int) size - FOOTER, size);
            return decode(new ByteArrayInputStream(whole, (int) position, (int) (size - position)), position, size);
        }
        long position;
        try (InputStream in = opener.open()) {
            skipExactly(in, size - FOOTER);
            position = manifestPosition(readExactly(in, FOOTER), 0, size);
        }
        try (InputStream in = opener.open()) {
            skipExactly(in, position);
            return decode(in, position, size);
        }
    }

    /** Decodes a manifest held in memory (tests, and callers that already read the file). */
    public static LanceManifest read(byte[] file) throws ManifestFormatException {
        try {
            return read(() -> new ByteArrayInputStream(file), file.length);
        } catch (IOException e) {
            throw new ManifestFormatException(e.getMessage());
        }
    }

    private static long manifestPosition(byte[] bytes, int footerStart, long size) throws ManifestFormatException {
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[footerStart + 12 + i] != MAGIC[i]) {
                throw new ManifestFormatException("the file does not end with Lance's magic LANC");
            }
        }
        long position = ByteBuffer.wrap(bytes, footerStart, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (position < 0 || position > size - FOOTER - 4) {
            throw new ManifestFormatException("the footer's manifest position (" + position + ") is outside the file");
        }
        return position;
    }

    /** {@code in} starts at {@code position}: a u32 length, then the protobuf up to the footer. */
    private static LanceManifest decode(InputStream in, long position, long size) throws IOException, ManifestFormatException {
        long recorded = ByteBuffer.wrap(readExactly(in, 4)).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFF_FFFFL;
        long expected = size - FOOTER - position - 4;
        if (recorded != expected) {
            throw new ManifestFormatException("the manifest's recorded length (" + recorded + ") does not match its place in the file ("
                    + expected + ")");
        }
        ProtoReader reader = new ProtoReader(in, recorded);
        List<LanceManifest.BasePath> basePaths = new ArrayList<>();
        Optional<String> branch = Optional.empty();
        while (!reader.atEnd()) {
            int tag = reader.readTag();
            int field = ProtoReader.field(tag);
            if (field == FIELD_BASE_PATHS) {
                expectLengthDelimited(tag, "base_paths");
                if (basePaths.size() == MAX_BASE_PATHS) {
                    throw new ManifestFormatException("more than " + MAX_BASE_PATHS + " base paths");
                }
                basePaths.add(basePath(reader.readBytes(MAX_PATH_BYTES + 1024, "a base path entry")));
            } else if (field == FIELD_BRANCH) {
                expectLengthDelimited(tag, "branch");
                branch = Optional.of(reader.readString(MAX_PATH_BYTES, "the branch name"));
            } else {
                reader.skip(ProtoReader.wireType(tag));
            }
        }
        return new LanceManifest(basePaths, branch);
    }

    private static LanceManifest.BasePath basePath(byte[] message) throws IOException, ManifestFormatException {
        ProtoReader reader = ProtoReader.of(message);
        long id = 0;
        Optional<String> name = Optional.empty();
        boolean datasetRoot = false;
        String path = "";
        while (!reader.atEnd()) {
            int tag = reader.readTag();
            switch (ProtoReader.field(tag)) {
                case 1 -> id = varint(reader, tag, "BasePath.id");
                case 2 -> name = Optional.of(string(reader, tag, "BasePath.name"));
                case 3 -> datasetRoot = varint(reader, tag, "BasePath.is_dataset_root") != 0;
                case 4 -> path = string(reader, tag, "BasePath.path");
                default -> reader.skip(ProtoReader.wireType(tag));
            }
        }
        return new LanceManifest.BasePath(id, name, datasetRoot, path);
    }

    private static long varint(ProtoReader reader, int tag, String what) throws IOException, ManifestFormatException {
        if (ProtoReader.wireType(tag) != ProtoReader.VARINT) {
            throw new ManifestFormatException(what + " has wire type " + ProtoReader.wireType(tag) + ", not a varint");
        }
        return reader.readVarint();
    }

    private static String string(ProtoReader reader, int tag, String what) throws IOException, ManifestFormatException {
        expectLengthDelimited(tag, what);
        return reader.readString(MAX_PATH_BYTES, what);
    }

    private static void expectLengthDelimited(int tag, String what) throws ManifestFormatException {
        if (ProtoReader.wireType(tag) != ProtoReader.LENGTH_DELIMITED) {
            throw new ManifestFormatException(what + " has wire type " + ProtoReader.wireType(tag) + ", not length-delimited");
        }
    }

    private static byte[] readExactly(InputStream in, int n) throws IOException, ManifestFormatException {
        byte[] out = in.readNBytes(n);
        if (out.length != n) {
            throw new ManifestFormatException("the file is shorter than its listed size (it changed while it was read)");
        }
        return out;
    }

    private static void skipExactly(InputStream in, long n) throws IOException, ManifestFormatException {
        try {
            in.skipNBytes(n);
        } catch (EOFException e) {
            throw new ManifestFormatException("the file is shorter than its listed size (it changed while it was read)");
        }
    }
}
