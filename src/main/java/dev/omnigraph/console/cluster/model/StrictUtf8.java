package dev.omnigraph.console.cluster.model;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;

/**
 * Strict UTF-8 decoding with the same acceptance as Rust's {@code String::from_utf8}, which
 * upstream uses for every stored text object ({@code omnigraph-storage::decode_storage_text}) and
 * for config files ({@code fs::read_to_string}): overlong forms, encoded surrogates and code
 * points above U+10FFFF are rejected, never replaced.
 */
final class StrictUtf8 {

    private StrictUtf8() {
    }

    /** Decodes or returns empty; {@link #firstInvalidOffset} tells where it failed. */
    static String decodeOrNull(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Byte offset of the first invalid sequence, if any. */
    static OptionalInt firstInvalidOffset(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(Math.max(16, Math.min(bytes.length, 1 << 16)));
        while (true) {
            var result = decoder.decode(in, out, true);
            if (result.isError()) {
                return OptionalInt.of(in.position());
            }
            if (result.isUnderflow()) {
                var flush = decoder.flush(out);
                return flush.isError() ? OptionalInt.of(in.position()) : OptionalInt.empty();
            }
            out.clear();
        }
    }

    /**
     * Decodes or throws a {@link WireFormatException} with {@code code}.
     *
     * @param what human name of the object, e.g. "state.json"
     */
    static String decode(byte[] bytes, String code, String path, String what) throws WireFormatException {
        String text = decodeOrNull(bytes);
        if (text == null) {
            int offset = firstInvalidOffset(bytes).orElse(0);
            throw new WireFormatException(Diagnostic.error(code, path,
                    what + " is not valid UTF-8 (invalid byte sequence at byte offset " + offset + ")"),
                    new MalformedInputException(1));
        }
        return text;
    }
}
