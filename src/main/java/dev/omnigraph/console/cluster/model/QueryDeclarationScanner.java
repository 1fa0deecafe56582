package dev.omnigraph.console.cluster.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the {@code query <name>} declarations of a {@code .gq} file without type-checking it — the
 * part of upstream's {@code omnigraph_compiler::query::parser::parse_query} that decides which
 * queries a file registers. It follows the grammar's top level ({@code query.pest}:
 * {@code query_file = query_decl*}, {@code query_decl = "query" ident "(" ... ")" annotation* "{" body "}"},
 * whitespace, {@code //} and {@code /* *}{@code /} comments, {@code "..."} strings with backslash escapes).
 * It reports a parse error for unterminated strings/comments, unbalanced braces, or anything at the
 * top level that is not a query declaration; it does not validate bodies (upstream may still reject
 * a file this scanner accepts).
 */
final class QueryDeclarationScanner {

    /** The file is not a sequence of query declarations. */
    static final class QueryParseException extends Exception {
        private static final long serialVersionUID = 1L;

        QueryParseException(String message) {
            super(message);
        }
    }

    private enum State { EXPECT_QUERY, EXPECT_NAME, HEADER, BODY }

    private QueryDeclarationScanner() {
    }

    static List<String> declaredNames(String source) throws QueryParseException {
        return new Scan(source).run();
    }

    /** One pass over a file: position, line, where in a declaration it is, and the names found. */
    private static final class Scan {
        private final String source;
        private final int n;
        private final List<String> names = new ArrayList<>();
        private State state = State.EXPECT_QUERY;
        private int parenDepth;
        private int braceDepth;
        private int line = 1;
        private int i;

        Scan(String source) {
            this.source = source;
            this.n = source.length();
        }

        List<String> run() throws QueryParseException {
            while (i < n) {
                char c = source.charAt(i);
                if (c == '\n') {
                    line++;
                    i++;
                } else if (c == ' ' || c == '\t' || c == '\r') {
                    i++;
                } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                    skipLineComment();
                } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                    skipBlockComment();
                } else if (c == '"') {
                    skipString();
                } else if (isIdentStart(c)) {
                    word();
                } else {
                    punctuation(c);
                    i++;
                }
            }
            if (state != State.EXPECT_QUERY) {
                throw new QueryParseException("unexpected end of file (unterminated query declaration)");
            }
            return names;
        }

        private void skipLineComment() {
            while (i < n && source.charAt(i) != '\n') {
                i++;
            }
        }

        private void skipBlockComment() throws QueryParseException {
            int end = source.indexOf("*/", i + 2);
            if (end < 0) {
                throw new QueryParseException("unterminated block comment starting on line " + line);
            }
            line += countNewlines(source, i, end);
            i = end + 2;
        }

        /** A {@code "..."} string with backslash escapes; only allowed inside a declaration. */
        private void skipString() throws QueryParseException {
            int start = line;
            i++;
            while (i < n && source.charAt(i) != '"') {
                if (source.charAt(i) == '\\') {
                    i++;
                }
                if (i < n && source.charAt(i) == '\n') {
                    line++;
                }
                i++;
            }
            if (i >= n) {
                throw new QueryParseException("unterminated string starting on line " + start);
            }
            i++;
            if (state == State.EXPECT_QUERY || state == State.EXPECT_NAME) {
                throw new QueryParseException("unexpected string on line " + start);
            }
        }

        /** An identifier: {@code query}, then the declaration's name; ignored inside a declaration. */
        private void word() throws QueryParseException {
            int start = i;
            while (i < n && isIdentPart(source.charAt(i))) {
                i++;
            }
            String word = source.substring(start, i);
            if (state == State.EXPECT_QUERY) {
                if (!word.equals("query")) {
                    throw new QueryParseException("expected `query` on line " + line + ", found `" + word + "`");
                }
                state = State.EXPECT_NAME;
            } else if (state == State.EXPECT_NAME) {
                char first = word.charAt(0);
                if (!(first == '_' || (first >= 'a' && first <= 'z'))) {
                    throw new QueryParseException("invalid query name `" + word + "` on line " + line);
                }
                names.add(word);
                state = State.HEADER;
            }
        }

        /** Any other character: parameters' parentheses in the header, braces around the body. */
        private void punctuation(char c) throws QueryParseException {
            switch (state) {
                case EXPECT_QUERY, EXPECT_NAME -> throw new QueryParseException(
                        "unexpected `" + c + "` on line " + line);
                case HEADER -> header(c);
                case BODY -> {
                    if (c == '{') {
                        braceDepth++;
                    } else if (c == '}' && --braceDepth == 0) {
                        state = State.EXPECT_QUERY;
                    }
                }
            }
        }

        private void header(char c) throws QueryParseException {
            if (c == '(') {
                parenDepth++;
            } else if (c == ')') {
                parenDepth--;
            } else if (c == '{' && parenDepth == 0) {
                braceDepth = 1;
                state = State.BODY;
            } else if (c == '{' || c == '}') {
                throw new QueryParseException("unexpected `" + c + "` on line " + line);
            }
        }
    }

    private static int countNewlines(String s, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }

    private static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isIdentPart(char c) {
        return isIdentStart(c) || (c >= '0' && c <= '9');
    }
}
