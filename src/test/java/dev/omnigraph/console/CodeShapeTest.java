package dev.omnigraph.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The code's shape (issue 13): no source file over {@value #MAX_FILE_LINES} lines, no method or
 * constructor over {@value #MAX_METHOD_LINES} lines, nothing nested deeper than
 * {@value #MAX_NESTING}. Nesting counts if, for, for-each, while, do, try, switch (statement and
 * expression), synchronized and lambdas; an else-if chain counts once.
 */
class CodeShapeTest {
    static final int MAX_FILE_LINES = 400;
    static final int MAX_METHOD_LINES = 60;
    static final int MAX_NESTING = 4;

    private static final Path SOURCES = Path.of("src/main/java");
    private static final String PACKAGE_ROOT = "dev/omnigraph/console/";

    /** One offence: what (the known-offender key), where (file:line) and why. */
    record Offence(String key, String where, String why) {
        @Override
        public String toString() {
            return where + " " + key + ": " + why;
        }
    }

    private static List<Offence> offences;

    @BeforeAll
    static void measure() throws IOException {
        JavaParser parser = new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21));
        offences = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                offences.addAll(measure(parser, file));
            }
        }
    }

    @Test
    void noFileMethodOrNestingOverTheLimits() {
        offences.forEach(o -> System.out.println("code shape: " + o));
        assertThat(offences).as("files over %d lines, methods over %d lines or nesting deeper than %d (file:line key: why)",
                MAX_FILE_LINES, MAX_METHOD_LINES, MAX_NESTING).isEmpty();
    }

    @Test
    void theCountingMatchesTheRules() {
        JavaParser parser = new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21));
        BlockStmt elseIfChain = parser.parseBlock("{ if (a) { x(); } else if (b) { y(); } else if (c) { z(); } else { w(); } }").getResult()
                .orElseThrow();
        BlockStmt fiveDeep = parser.parseBlock("{ for (;;) { while (a) { try { r.run(() -> { if (b) { x(); } }); } finally {} } } }")
                .getResult().orElseThrow();
        assertThat(depth(elseIfChain)).isEqualTo(1);
        assertThat(depth(fiveDeep)).isEqualTo(5);
    }

    private static List<Offence> measure(JavaParser parser, Path file) throws IOException {
        String name = SOURCES.relativize(file).toString().replace('\\', '/');
        String relative = name.startsWith(PACKAGE_ROOT) ? name.substring(PACKAGE_ROOT.length()) : name;
        String text = Files.readString(file);
        ParseResult<CompilationUnit> parsed = parser.parse(text);
        List<Offence> out = new ArrayList<>();
        if (parsed.getResult().isEmpty() || !parsed.isSuccessful()) {
            out.add(new Offence(relative, name + ":1", "does not parse: " + parsed.getProblems()));
            return out;
        }
        long lines = text.lines().count();
        if (lines > MAX_FILE_LINES) {
            out.add(new Offence(relative, name + ":1", lines + " lines (max " + MAX_FILE_LINES + ")"));
        }
        for (CallableDeclaration<?> callable : parsed.getResult().get().findAll(CallableDeclaration.class)) {
            measureCallable(callable, name, relative).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<Offence> measureCallable(CallableDeclaration<?> callable, String name, String relative) {
        Optional<BlockStmt> body = callable instanceof MethodDeclaration m ? m.getBody()
                : Optional.of(((ConstructorDeclaration) callable).getBody());
        if (body.isEmpty()) {
            return Optional.empty();
        }
        int begin = callable.getBegin().orElseThrow().line;
        int length = callable.getEnd().orElseThrow().line - begin + 1;
        int depth = depth(body.get());
        if (length <= MAX_METHOD_LINES && depth <= MAX_NESTING) {
            return Optional.empty();
        }
        String why = length + " lines (max " + MAX_METHOD_LINES + "), nesting " + depth + " (max " + MAX_NESTING + ")";
        return Optional.of(new Offence(relative + "#" + callable.getNameAsString(), name + ":" + begin, why));
    }

    /** The deepest nesting of control structures below a node. */
    static int depth(Node node) {
        int deepest = 0;
        for (Node child : node.getChildNodes()) {
            deepest = Math.max(deepest, depth(child) + (nests(child) ? 1 : 0));
        }
        return deepest;
    }

    private static boolean nests(Node node) {
        if (node instanceof IfStmt) {
            return !isElseIf(node);
        }
        return node instanceof ForStmt || node instanceof ForEachStmt || node instanceof WhileStmt || node instanceof DoStmt
                || node instanceof TryStmt || node instanceof SwitchStmt || node instanceof SwitchExpr
                || node instanceof SynchronizedStmt || node instanceof LambdaExpr;
    }

    private static boolean isElseIf(Node node) {
        return node.getParentNode().orElse(null) instanceof IfStmt parent
                && parent.getElseStmt().map(e -> e == node).orElse(false);
    }
}
