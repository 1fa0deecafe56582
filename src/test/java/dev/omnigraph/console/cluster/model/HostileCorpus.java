package dev.omnigraph.console.cluster.model;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Issue 6's hostile input corpus, generated from the shared fixtures: every input names its
 * category, the object it replaces and whether it must be rejected ({@code mustFail}) or may also
 * be accepted (a wrong type for an optional field, say) as long as the outcome is a clean one.
 */
public final class HostileCorpus {

    /** The object an input replaces, its key under the root (or {@code cluster.yaml} in a config dir). */
    public enum Target {
        STATE("__cluster/state.json"),
        LOCK("__cluster/lock.json"),
        APPROVAL("__cluster/approvals/01KZNF31Y6T9NS5SEZX35HGNFY.json"),
        RECOVERY("__cluster/recoveries/01M0A5A0VPR9YZEB1C4SW65592.json"),
        CATALOG("__cluster/resources/query/knowledge/q/0000000000000000000000000000000000000000000000000000000000000000.gq"),
        CLUSTER_YAML("cluster.yaml");

        public final String key;

        Target(String key) {
            this.key = key;
        }
    }

    public record Input(String category, Target target, String name, byte[] bytes, boolean mustFail) {
        @Override
        public String toString() {
            return category + "/" + target + "/" + name;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private HostileCorpus() {}

    public static Path fixturesDir() {
        return Fixtures.dir("");
    }

    /** The valid fixture each JSON target starts from. */
    public static byte[] valid(Target t) {
        return switch (t) {
            case STATE -> Fixtures.bytes(Fixtures.CLUSTER + "state.json");
            case LOCK -> Fixtures.bytes(Fixtures.CLUSTER + "lock.json");
            case APPROVAL -> Fixtures.bytes(Fixtures.CLUSTER + "approvals/01KZNF31Y6T9NS5SEZX35HGNFY.json");
            case RECOVERY -> Fixtures.bytes(Fixtures.CLUSTER + "recoveries/01M0A5A0VPR9YZEB1C4SW65592.json");
            case CATALOG -> "query q() { }\n".getBytes(UTF_8);
            case CLUSTER_YAML -> Fixtures.bytes("config/cluster.yaml");
        };
    }

    private static final List<Target> JSON_TARGETS = List.of(Target.STATE, Target.LOCK, Target.APPROVAL, Target.RECOVERY);

    public static List<Input> all() {
        List<Input> out = new ArrayList<>();
        negativeFixtures(out);
        truncations(out);
        wrongTypes(out);
        deepNesting(out);
        hugeNumbers(out);
        invalidUtf8(out);
        duplicateKeys(out);
        oversized(out);
        dotDotAndControlNames(out);
        clusterYaml(out);
        return out;
    }

    private static void negativeFixtures(List<Input> out) {
        try (Stream<Path> files = Files.list(Fixtures.dir("negative"))) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                Target t = name.startsWith("state.") ? Target.STATE : name.startsWith("lock.") ? Target.LOCK
                        : name.startsWith("approval.") ? Target.APPROVAL : Target.RECOVERY;
                out.add(new Input("negative-fixture", t, name, Files.readAllBytes(f), true));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void truncations(List<Input> out) {
        List<Object[]> sources = new ArrayList<>();
        for (Target t : JSON_TARGETS) {
            sources.add(new Object[] {t, t.name().toLowerCase(), valid(t)});
        }
        sources.add(new Object[] {Target.APPROVAL, "approval-2", Fixtures.bytes(Fixtures.CLUSTER + "approvals/01M0A536TR00EGJV9Q6X1FK81S.json")});
        try (Stream<Path> files = Files.list(Fixtures.dir("variants"))) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                sources.add(new Object[] {name.startsWith("state.") ? Target.STATE : Target.RECOVERY, name, Files.readAllBytes(f)});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Object[] s : sources) {
            byte[] full = (byte[]) s[2];
            String trimmed = new String(full, UTF_8).strip();
            for (int cut : new int[] {0, 1, 2, full.length / 4, full.length / 2, (3 * full.length) / 4, trimmed.length() - 1}) {
                byte[] part = Arrays.copyOf(full, cut);
                out.add(new Input("truncation", (Target) s[0], s[1] + "@" + cut, part, true));
            }
        }
    }

    private static final List<String> WRONG = List.of("\"text\"", "[]", "{}", "true", "-1", "1.5", "null");

    private static void wrongTypes(List<Input> out) {
        for (Target t : JSON_TARGETS) {
            try {
                ObjectNode base = (ObjectNode) JSON.readTree(valid(t));
                Iterator<String> names = base.fieldNames();
                int field = 0;
                while (names.hasNext()) {
                    String name = names.next();
                    JsonNode original = base.get(name);
                    // three wrong types per field keep the corpus varied but small
                    int picked = 0;
                    for (int i = 0; i < WRONG.size() && picked < 3; i++) {
                        String w = WRONG.get((i + field) % WRONG.size());
                        JsonNode sub = JSON.readTree(w);
                        if (sub.getNodeType() == original.getNodeType()) {
                            continue;
                        }
                        ObjectNode copy = base.deepCopy();
                        copy.set(name, sub);
                        // version fields are required and typed: those must fail; others may be optional/nullable
                        boolean mustFail = name.equals("version") || name.equals("schema_version") || name.equals("lock_id");
                        out.add(new Input("wrong-type", t, name + "=" + w, JSON.writeValueAsBytes(copy), mustFail));
                        picked++;
                    }
                    field++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void deepNesting(List<Input> out) {
        for (Target t : JSON_TARGETS) {
            out.add(new Input("deep-nesting", t, "100k [", "[".repeat(100_000).getBytes(UTF_8), true));
            out.add(new Input("deep-nesting", t, "100k {\"a\":", "{\"a\":".repeat(100_000).getBytes(UTF_8), true));
            out.add(new Input("deep-nesting", t, "balanced 50k", ("[".repeat(50_000) + "]".repeat(50_000)).getBytes(UTF_8), true));
        }
        out.add(new Input("deep-nesting", Target.STATE, "observation 100k [",
                ("{\"version\":1,\"applied_revision\":{},\"observations\":{\"a\":" + "[".repeat(100_000)).getBytes(UTF_8), true));
        out.add(new Input("deep-nesting", Target.CLUSTER_YAML, "flow 100k [", ("version: 1\nstorage: " + "[".repeat(100_000)).getBytes(UTF_8), true));
        out.add(new Input("deep-nesting", Target.CLUSTER_YAML, "block 10k", blockNesting(10_000).getBytes(UTF_8), true));
    }

    private static String blockNesting(int depth) {
        StringBuilder b = new StringBuilder("version: 1\nmetadata:\n");
        for (int i = 1; i <= depth; i++) {
            b.append(" ".repeat(i)).append("a:\n");
        }
        return b.toString();
    }

    private static void hugeNumbers(List<Input> out) {
        List<String> numbers = List.of("1e400", "-1e400", "18446744073709551616", "1" + "0".repeat(10_000), "-0", "1e-400",
                "4294967296", "0.0000000000000000000000001");
        for (String n : numbers) {
            out.add(new Input("huge-number", Target.STATE, "version=" + shortName(n), replaceValue(Target.STATE, "version", n), true));
            out.add(new Input("huge-number", Target.LOCK, "pid=" + shortName(n), replaceValue(Target.LOCK, "pid", n), true));
            out.add(new Input("huge-number", Target.RECOVERY, "observed_manifest_version=" + shortName(n),
                    replaceValue(Target.RECOVERY, "observed_manifest_version", n), false));
        }
        out.add(new Input("huge-number", Target.STATE, "state_revision=2^64",
                replaceValue(Target.STATE, "state_revision", "18446744073709551616"), true));
    }

    private static String shortName(String n) {
        return n.length() > 24 ? n.substring(0, 6) + "...(" + n.length() + " digits)" : n;
    }

    private static byte[] replaceValue(Target t, String field, String raw) {
        String text = new String(valid(t), UTF_8);
        String replaced = text.replaceFirst("\"" + field + "\": [^,\\n]+", "\"" + field + "\": " + java.util.regex.Matcher.quoteReplacement(raw));
        if (replaced.equals(text)) {
            throw new IllegalStateException("no field " + field + " in " + t);
        }
        return replaced.getBytes(UTF_8);
    }

    private static void invalidUtf8(List<Input> out) {
        byte[][] bad = {{(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82},
            {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}};
        String[] names = {"FF", "overlong C0AF", "surrogate EDA080", "cut E282", "5-byte F8"};
        for (Target t : Target.values()) {
            byte[] valid = valid(t);
            for (int i = 0; i < bad.length; i++) {
                // inside the first string value (or, for text targets, in the middle)
                int at = indexAfterSecondQuote(valid);
                byte[] mixed = new byte[valid.length + bad[i].length];
                System.arraycopy(valid, 0, mixed, 0, at);
                System.arraycopy(bad[i], 0, mixed, at, bad[i].length);
                System.arraycopy(valid, at, mixed, at + bad[i].length, valid.length - at);
                out.add(new Input("invalid-utf8", t, names[i], mixed, true));
            }
        }
    }

    private static int indexAfterSecondQuote(byte[] b) {
        int quotes = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '"' && ++quotes == 4) {
                return i + 1;
            }
        }
        return b.length / 2;
    }

    private static void duplicateKeys(List<Input> out) {
        for (Target t : JSON_TARGETS) {
            String text = new String(valid(t), UTF_8);
            int firstLineEnd = text.indexOf('\n', 2);
            String firstField = text.substring(2, firstLineEnd).strip();
            out.add(new Input("duplicate-key", t, "repeated " + firstField, ("{\n  " + firstField + "\n" + text.substring(2)).getBytes(UTF_8), true));
        }
        out.add(new Input("duplicate-key", Target.STATE, "nested observation key",
                "{\"version\":1,\"applied_revision\":{},\"observations\":{\"graph.a\":{\"x\":1,\"x\":2}}}".getBytes(UTF_8), false));
        out.add(new Input("duplicate-key", Target.CLUSTER_YAML, "storage twice",
                (new String(valid(Target.CLUSTER_YAML), UTF_8) + "storage: /tmp/elsewhere\n").getBytes(UTF_8), true));
    }

    private static void oversized(List<Input> out) {
        out.add(new Input("oversized", Target.STATE, "64 MiB + 1", padded(WireLimits.STATE_JSON_MAX_BYTES + 1), true));
        out.add(new Input("oversized", Target.LOCK, "64 KiB + 1", padded(WireLimits.LOCK_MAX_BYTES + 1), true));
        out.add(new Input("oversized", Target.APPROVAL, "1 MiB + 1", padded(WireLimits.APPROVAL_MAX_BYTES + 1), true));
        out.add(new Input("oversized", Target.RECOVERY, "1 MiB + 1", padded(WireLimits.RECOVERY_SIDECAR_MAX_BYTES + 1), true));
        out.add(new Input("oversized", Target.CLUSTER_YAML, "1 MiB + 1", padded(WireLimits.CLUSTER_YAML_MAX_BYTES + 1), true));
        out.add(new Input("oversized", Target.LOCK, "60 KiB operation (within limit)",
                replaceValue(Target.LOCK, "operation", "\"" + "x".repeat(60 * 1024) + "\""), false));
        out.add(new Input("oversized", Target.STATE, "20k resources object", manyResources(20_000), false));
    }

    private static byte[] padded(long size) {
        byte[] b = new byte[(int) size];
        Arrays.fill(b, (byte) ' ');
        b[0] = '{';
        b[b.length - 1] = '}';
        return b;
    }

    private static byte[] manyResources(int n) {
        StringBuilder b = new StringBuilder("{\"version\":1,\"applied_revision\":{\"resources\":{");
        String digest = "0".repeat(64);
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ",").append("\"query.g.q").append(i).append("\":{\"digest\":\"").append(digest).append("\"}");
        }
        return b.append("}}}").toString().getBytes(UTF_8);
    }

    private static final List<String> NAMES = List.of("..", "../../etc/passwd", "a/../../b", "/abs/path", "\\\\..\\\\x",
            "\\u001b[31mred\\u001b[0m", "\\u001b]0;title\\u0007", "bell\\u0007", "nul\\u0000byte", "cr\\roverwrite",
            "\\u202eevil", "\\u009bcsi", "x".repeat(100_000));

    private static void dotDotAndControlNames(List<Input> out) {
        for (String n : NAMES) {
            String label = n.length() > 40 ? "x*" + n.length() : n;
            String digest = "0".repeat(64);
            // in a ledger resource address, an observation key and a status message
            out.add(new Input("name", Target.STATE, "resource " + label,
                    ("{\"version\":1,\"applied_revision\":{\"resources\":{\"query.g." + n + "\":{\"digest\":\"" + digest + "\"}}},"
                            + "\"resource_statuses\":{\"graph." + n + "\":{\"status\":\"error\",\"message\":\"" + n + "\"}}}").getBytes(UTF_8), false));
            out.add(new Input("name", Target.LOCK, "operation " + label, replaceValue(Target.LOCK, "operation", "\"" + n + "\""), false));
            out.add(new Input("name", Target.APPROVAL, "resource " + label, replaceValue(Target.APPROVAL, "resource", "\"" + n + "\""), false));
            out.add(new Input("name", Target.RECOVERY, "graph_id " + label, replaceValue(Target.RECOVERY, "graph_id", "\"" + n + "\""), false));
            String yamlName = n.replace("\\u001b", "\\e").replace("\\u0007", "\\a").replace("\\u0000", "\\0").replace("\\u202e", "\\u202E")
                    .replace("\\u009b", "\\x9b");
            out.add(new Input("name", Target.CLUSTER_YAML, "graph id " + label,
                    ("version: 1\nstorage: /tmp/og-hostile-never-used\ngraphs:\n  \"" + yamlName + "\":\n    schema: knowledge.pg\n").getBytes(UTF_8),
                    !n.matches("[A-Za-z_][A-Za-z0-9_-]*")));
        }
        // raw (unescaped) control characters are invalid JSON
        out.add(new Input("name", Target.LOCK, "raw ESC in operation", replaceValue(Target.LOCK, "operation", "\"\u001b[2J\""), true));
        out.add(new Input("name", Target.STATE, "raw BEL in key",
                "{\"version\":1,\"applied_revision\":{},\"observations\":{\"a\u0007\":1}}".getBytes(UTF_8), true));
    }

    private static void clusterYaml(List<Input> out) {
        String valid = new String(valid(Target.CLUSTER_YAML), UTF_8);
        List<String[]> cases = List.of(
                new String[] {"unknown top key", valid + "surprise: 1\n"},
                new String[] {"unknown nested key", valid.replace("  lock: true\n", "  lock: true\n  lease: 30\n")},
                new String[] {"unknown graph key", valid.replace("    schema: knowledge.pg\n", "    schema: knowledge.pg\n    shards: 4\n")},
                new String[] {"scheme ftp", valid.replace("s3://omnigraph-local/clusters/company-brain", "ftp://host/root")},
                new String[] {"scheme http", valid.replace("s3://omnigraph-local/clusters/company-brain", "http://host/root")},
                new String[] {"scheme gs", valid.replace("s3://omnigraph-local/clusters/company-brain", "gs://bucket/root")},
                new String[] {"s3 no bucket", valid.replace("s3://omnigraph-local/clusters/company-brain", "s3:///root")},
                new String[] {"s3 single slash", valid.replace("s3://omnigraph-local/clusters/company-brain", "s3:/bucket")},
                new String[] {"version 2", valid.replace("version: 1", "version: 2")},
                new String[] {"version string", valid.replace("version: 1", "version: \"1\"")},
                new String[] {"storage list", valid.replace("storage: s3://omnigraph-local/clusters/company-brain", "storage: [a, b]")},
                new String[] {"billion laughs", billionLaughs()},
                new String[] {"alias to map", "version: 1\nstorage: /tmp/x\nmetadata: &m {name: a}\nstate: *m\n"},
                new String[] {"recursive alias", "version: 1\nstorage: &a [*a]\n"},
                new String[] {"undefined alias", "version: 1\nstorage: *nothing\n"},
                new String[] {"python tag", "version: 1\nstorage: !!python/object/apply:os.system [\"true\"]\n"},
                new String[] {"java tag", "version: 1\nstorage: !!javax.script.ScriptEngineManager [x]\n"},
                new String[] {"two documents", valid + "---\nversion: 1\n"},
                new String[] {"tab indentation", "version: 1\nstate:\n\tlock: true\n"},
                new String[] {"merge key", "version: 1\nstorage: /tmp/x\nbase: &b {lock: true}\nstate:\n  <<: *b\n"},
                new String[] {"not a map", "- version: 1\n"},
                new String[] {"empty", ""},
                new String[] {"null document", "~\n"},
                new String[] {"huge scalar as a key", "version: 1\nstorage: /tmp/x\n" + "a".repeat(900_000) + ": 1\n"});
        for (String[] c : cases) {
            out.add(new Input("cluster-yaml", Target.CLUSTER_YAML, c[0], c[1].getBytes(UTF_8), true));
        }
    }

    private static String billionLaughs() {
        StringBuilder b = new StringBuilder("version: 1\nstorage: /tmp/x\nmetadata:\n  a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (int i = 1; i < 10; i++) {
            String prev = "*a" + (i - 1);
            b.append("  a").append(i).append(": &a").append(i).append(" [")
                    .append(String.join(",", java.util.Collections.nCopies(9, prev))).append("]\n");
        }
        return b.toString();
    }

    /** A reader's verdict: accepted, or the diagnostic it gave. */
    public record Verdict(boolean accepted, Diagnostic diagnostic) {}

    /** Feeds one input to the typed reader of its target ({@code configDir} holds a copy of the fixture config). */
    public static Verdict read(Input in, Path configDir) throws Exception {
        byte[] b = in.bytes();
        try {
            switch (in.target()) {
                case STATE -> Ledger.parse(b);
                case LOCK -> LockFile.parse(b);
                case CATALOG -> CatalogPayload.verify("query.knowledge.q", b, Digests.sha256Hex(valid(in.target())));
                case APPROVAL -> {
                    if (ApprovalArtifact.parse(b, "01KZNF31Y6T9NS5SEZX35HGNFY") instanceof ArtifactParseResult.Invalid<ApprovalArtifact> bad) {
                        return new Verdict(false, bad.diagnostic());
                    }
                }
                case RECOVERY -> {
                    if (RecoverySidecar.parse(b, "01M0A5A0VPR9YZEB1C4SW65592") instanceof ArtifactParseResult.Invalid<RecoverySidecar> bad) {
                        return new Verdict(false, bad.diagnostic());
                    }
                }
                case CLUSTER_YAML -> {
                    ClusterConfigReadResult r = ClusterConfigReader.parse(configDir, b);
                    if (!r.ok()) {
                        return new Verdict(false, r.diagnostics().stream().filter(Diagnostic::isError).findFirst().orElseThrow());
                    }
                    // ids are checked when the desired config is loaded (config.rs::validate_id)
                    Files.write(configDir.resolve("cluster.yaml"), b);
                    DesiredConfigResult desired = DesiredConfig.load(configDir);
                    if (!desired.ok()) {
                        return new Verdict(false, desired.diagnostics().stream().filter(Diagnostic::isError).findFirst().orElseThrow());
                    }
                }
            }
            return new Verdict(true, null);
        } catch (WireFormatException e) {
            return new Verdict(false, e.diagnostic());
        }
    }
}
