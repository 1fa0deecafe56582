package dev.omnigraph.console.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What the CLI prints passes through here, so text read from storage (keys, ids, messages, lock
 * operations) can never drive the terminal: C0 controls but newline and tab, a carriage return not
 * followed by a newline, DEL, C1 controls (U+0080..U+009F) and the bidirectional overrides
 * (U+202A..U+202E, U+2066..U+2069) are printed as visible escapes ({@code \x1b}, {@code \u202e}).
 * The progress bar, which draws with carriage return and ESC [K on purpose, writes to {@link #raw}.
 */
final class TerminalSafeOutput extends OutputStream {
    private final OutputStream out;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream(4);

    private TerminalSafeOutput(OutputStream out) {
        this.out = out;
    }

    /** A print stream that escapes control sequences before they reach {@code target}. */
    static PrintStream wrap(PrintStream target) {
        if (target instanceof SafePrintStream) {
            return target;
        }
        return new SafePrintStream(target);
    }

    /** The unfiltered stream behind a wrapped one (for deliberate terminal control), else the stream itself. */
    static PrintStream raw(PrintStream stream) {
        return stream instanceof SafePrintStream s ? s.raw : stream;
    }

    private static final class SafePrintStream extends PrintStream {
        private final PrintStream raw;

        SafePrintStream(PrintStream raw) {
            super(new TerminalSafeOutput(raw), true, StandardCharsets.UTF_8);
            this.raw = raw;
        }
    }

    @Override
    public void write(int b) throws IOException {
        b &= 0xFF;
        if (pending.size() > 0) {
            pending.write(b);
            resolvePending();
            return;
        }
        if (b == '\n' || b == '\t') {
            out.write(b);
        } else if (b < 0x20 || b == 0x7F) {
            if (b == '\r') {
                pending.write(b);
            } else {
                escapeByte(b);
            }
        } else if (b == 0xC2 || b == 0xE2) {
            pending.write(b);
        } else {
            out.write(b);
        }
    }

    private void resolvePending() throws IOException {
        byte[] p = pending.toByteArray();
        int a = p[0] & 0xFF;
        int b = p[1] & 0xFF;
        if (a == '\r') {
            pending.reset();
            if (b == '\n') {
                out.write('\r');
                out.write('\n');
            } else {
                escapeByte('\r');
                write(b);
            }
            return;
        }
        if (a == 0xC2) {
            pending.reset();
            if (b >= 0x80 && b <= 0x9F) {
                escapeCodePoint(b); // U+0080..U+009F
            } else {
                out.write(a);
                write(b);
            }
            return;
        }
        // a == 0xE2: U+202A..U+202E are E2 80 AA..AE, U+2066..U+2069 are E2 81 A6..A9
        if (p.length == 2) {
            if (b != 0x80 && b != 0x81) {
                pending.reset();
                out.write(a);
                write(b);
            }
            return;
        }
        int c = p[2] & 0xFF;
        pending.reset();
        boolean bidi = (b == 0x80 && c >= 0xAA && c <= 0xAE) || (b == 0x81 && c >= 0xA6 && c <= 0xA9);
        if (bidi) {
            escapeCodePoint(((a & 0x0F) << 12) | ((b & 0x3F) << 6) | (c & 0x3F));
        } else {
            out.write(a);
            out.write(b);
            write(c);
        }
    }

    private void escapeByte(int b) throws IOException {
        out.write(String.format("\\x%02x", b).getBytes(StandardCharsets.US_ASCII));
    }

    private void escapeCodePoint(int cp) throws IOException {
        out.write(String.format("\\u%04x", cp).getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (pending.size() > 0) {
            for (byte b : pending.toByteArray()) {
                if ((b & 0xFF) == '\r') {
                    escapeByte('\r');
                } else {
                    out.write(b);
                }
            }
            pending.reset();
        }
        out.flush();
    }
}
