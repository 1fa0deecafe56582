package dev.omnigraph.console.ui.common;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line of pretty-printed JSON into coloured tokens (keys, strings, numbers, literals,
 * punctuation). Works line by line, which holds for serde's pretty output (strings never span
 * lines: newlines inside them are escaped), so the raw view can render only the visible lines.
 * Anything it does not recognise is kept as plain text: it never drops a character.
 */
public final class JsonLineTokenizer {
    /** Token classes; each maps to a CSS style class {@code json-<name>}. */
    public enum Kind { KEY, STRING, NUMBER, LITERAL, PUNCTUATION, PLAIN }

    public record Token(Kind kind, String text) {}

    private JsonLineTokenizer() {}

    public static List<Token> tokenize(String line) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = line.length();
        StringBuilder plain = new StringBuilder();
        while (i < n) {
            char c = line.charAt(i);
            if (c == '"') {
                int end = stringEnd(line, i);
                flush(out, plain);
                String text = line.substring(i, end);
                int after = end;
                while (after < n && line.charAt(after) == ' ') {
                    after++;
                }
                boolean key = after < n && line.charAt(after) == ':';
                out.add(new Token(key ? Kind.KEY : Kind.STRING, text));
                i = end;
            } else if (c == '-' || Character.isDigit(c)) {
                int end = i + 1;
                while (end < n && "0123456789.eE+-".indexOf(line.charAt(end)) >= 0) {
                    end++;
                }
                flush(out, plain);
                out.add(new Token(Kind.NUMBER, line.substring(i, end)));
                i = end;
            } else if (line.startsWith("true", i) || line.startsWith("null", i)) {
                flush(out, plain);
                out.add(new Token(Kind.LITERAL, line.substring(i, i + 4)));
                i += 4;
            } else if (line.startsWith("false", i)) {
                flush(out, plain);
                out.add(new Token(Kind.LITERAL, "false"));
                i += 5;
            } else if ("{}[]:,".indexOf(c) >= 0) {
                flush(out, plain);
                out.add(new Token(Kind.PUNCTUATION, String.valueOf(c)));
                i++;
            } else {
                plain.append(c);
                i++;
            }
        }
        flush(out, plain);
        return out;
    }

    /** Index after the closing quote (or the line's end for an unterminated string). */
    private static int stringEnd(String line, int start) {
        int i = start + 1;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '"') {
                return i + 1;
            }
            i++;
        }
        return line.length();
    }

    private static void flush(List<Token> out, StringBuilder plain) {
        if (!plain.isEmpty()) {
            out.add(new Token(Kind.PLAIN, plain.toString()));
            plain.setLength(0);
        }
    }
}
