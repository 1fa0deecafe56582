package dev.omnigraph.console.migrate.lance;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A minimal reader of the protobuf wire format over a stream, for the few fields the portability
 * check needs. It never reads past {@code limit} bytes, skips every field it is not asked for
 * without keeping it, and turns every malformed shape (over-long varints, lengths past the limit,
 * groups, unknown wire types, invalid UTF-8) into a {@link ManifestFormatException}.
 */
final class ProtoReader {
    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    private final InputStream in;
    private long remaining;

    ProtoReader(InputStream in, long limit) {
        this.in = in;
        this.remaining = limit;
    }

    static ProtoReader of(byte[] bytes) {
        return new ProtoReader(new java.io.ByteArrayInputStream(bytes), bytes.length);
    }

    boolean atEnd() {
        return remaining == 0;
    }

    /** The next field's tag: {@code field << 3 | wireType}. */
    int readTag() throws IOException, ManifestFormatException {
        long tag = readVarint();
        if (tag >>> 3 == 0 || tag > 0xFFFF_FFFFL) {
            throw new ManifestFormatException("invalid protobuf field tag " + Long.toUnsignedString(tag));
        }
        return (int) tag;
    }

    static int field(int tag) {
        return tag >>> 3;
    }

    static int wireType(int tag) {
        return tag & 7;
    }

    long readVarint() throws IOException, ManifestFormatException {
        long value = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            int b = readByte();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new ManifestFormatException("a protobuf varint is longer than 10 bytes");
    }

    /** A length-delimited value of at most {@code maxBytes}. */
    byte[] readBytes(int maxBytes, String what) throws IOException, ManifestFormatException {
        long length = readLength();
        if (length > maxBytes) {
            throw new ManifestFormatException(what + " is " + length + " bytes, more than the " + maxBytes + " accepted");
        }
        byte[] out = new byte[(int) length];
        readFully(out);
        return out;
    }

    String readString(int maxBytes, String what) throws IOException, ManifestFormatException {
        byte[] bytes = readBytes(maxBytes, what);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ManifestFormatException(what + " is not valid UTF-8");
        }
    }

    /** Skips the value of a field of the given wire type without keeping it. */
    void skip(int wireType) throws IOException, ManifestFormatException {
        switch (wireType) {
            case VARINT -> readVarint();
            case FIXED64 -> skipBytes(8);
            case LENGTH_DELIMITED -> skipBytes(readLength());
            case FIXED32 -> skipBytes(4);
            default -> throw new ManifestFormatException("unsupported protobuf wire type " + wireType);
        }
    }

    private long readLength() throws IOException, ManifestFormatException {
        long length = readVarint();
        if (length < 0 || length > remaining) {
            throw new ManifestFormatException("a protobuf length (" + Long.toUnsignedString(length) + ") runs past the end of its message");
        }
        return length;
    }

    private int readByte() throws IOException, ManifestFormatException {
        if (remaining <= 0) {
            throw new ManifestFormatException("the protobuf message ends in the middle of a field");
        }
        int b = in.read();
        if (b < 0) {
            throw new ManifestFormatException("the manifest file ends before its recorded length");
        }
        remaining--;
        return b;
    }

    private void readFully(byte[] out) throws IOException, ManifestFormatException {
        if (out.length > remaining) {
            throw new ManifestFormatException("a protobuf value runs past the end of its message");
        }
        try {
            new java.io.DataInputStream(in).readFully(out);
        } catch (EOFException e) {
            throw new ManifestFormatException("the manifest file ends before its recorded length");
        }
        remaining -= out.length;
    }

    private void skipBytes(long n) throws IOException, ManifestFormatException {
        if (n > remaining) {
            throw new ManifestFormatException("a protobuf value runs past the end of its message");
        }
        try {
            in.skipNBytes(n);
        } catch (EOFException e) {
            throw new ManifestFormatException("the manifest file ends before its recorded length");
        }
        remaining -= n;
    }
}
