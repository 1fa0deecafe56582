package dev.omnigraph.console.cluster.model;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Hostile ledger v2 inputs (issue 10, "Bad input"): fuzzed v2 ledgers, deployment bundles and lock
 * records, derived deterministically from the v0.13 fixtures. Each mutation replaces one value with
 * a wrong type, adds an unknown key, duplicates a key, mangles a deployment id, truncates, or puts
 * raw and escaped control characters into strings. Bundles are named by the sha256 of their mutated
 * bytes, so the strict decode (not only the digest check) is exercised.
 */
public final class HostileV2Corpus {

    /** What an input replaces. */
    public enum Kind { LEDGER, BUNDLE, LOCK }

    /**
     * @param name the bundle's name (its sha256) for bundles, else a label
     */
    public record Input(Kind kind, String label, String name, byte[] bytes) {
        @Override
        public String toString() {
            return kind + "/" + label;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> WRONG = List.of("\"text\"", "[]", "{}", "true", "-1", "1.5", "null", "18446744073709551616");

    private HostileV2Corpus() {
    }

    public static List<Input> all() {
        List<Input> out = new ArrayList<>();
        for (String ledger : List.of("ledgers/state.v2.outstanding.json", "ledgers/state.v2-v0.12-shape.json")) {
            mutate(out, Kind.LEDGER, ledger, Fixtures013.bytes(ledger));
        }
        mutate(out, Kind.BUNDLE, "bundle", Fixtures013.bytes("bundles/" + Fixtures013.OUTSTANDING_BUNDLE + ".json"));
        mutate(out, Kind.LOCK, "released", Fixtures013.bytes("negative/lock.released-record.post-v0.13.json"));
        deploymentIds(out);
        return out;
    }

    private static void mutate(List<Input> out, Kind kind, String label, byte[] valid) {
        JsonNode root = parse(valid);
        List<String> paths = new ArrayList<>();
        collect(root, "", paths);
        for (String path : paths) {
            for (String wrong : WRONG) {
                add(out, kind, label + " " + path + "=" + wrong, replace(root, path, wrong));
            }
        }
        for (String path : objectPaths(root)) {
            add(out, kind, label + " unknown key in " + path, insertKey(root, path, "\"surprise\":1"));
            add(out, kind, label + " raw BEL key in " + path, insertKey(root, path, "\"a\u0007b\":1"));
            add(out, kind, label + " escaped ESC string in " + path, insertKey(root, path, "\"x\":\"\\u001b[2J\""));
        }
        String text = new String(valid, UTF_8);
        for (int cut : new int[] {0, 1, text.length() / 3, text.length() / 2, text.length() - 1}) {
            add(out, kind, label + " truncated@" + cut, Arrays.copyOf(valid, cut));
        }
        add(out, kind, label + " duplicate first key", ("{\"version\":2," + text.substring(1)).getBytes(UTF_8));
        add(out, kind, label + " pretty", prettyOf(root));
    }

    private static void deploymentIds(List<Input> out) {
        String valid = new String(Fixtures013.bytes("ledgers/state.v2.outstanding.json"), UTF_8);
        String id = Fixtures013.OUTSTANDING_ID;
        Random random = new Random(10);
        List<String> bad = new ArrayList<>(List.of(id.toLowerCase(), id + ":5", id.replace(":4:", ":04:"), id.replace(":4:", ":0:"),
                id.replace(":4:", ":-4:"), id.replace(":4:", ":18446744073709551616:"), id.replace(":4:", "::"),
                id.replace("01M4GG4HY0D5R084W10TDZXC2S", "81M4GG4HY0D5R084W10TDZXC2S"), id + "\u202e", id.replace(':', '\u0000')));
        List<String> randomized = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            char[] chars = id.toCharArray();
            chars[random.nextInt(chars.length)] = (char) (0x20 + random.nextInt(0x60));
            randomized.add(new String(chars));
        }
        for (String b : bad) {
            add(out, Kind.LEDGER, "deployment id " + b, withId(valid, id, b));
        }
        for (String b : randomized) {
            add(out, Kind.LEDGER, "random deployment id " + b, withId(valid, id, b));
        }
    }

    private static byte[] withId(String ledger, String id, String replacement) {
        String escaped = replacement.replace("\\", "\\\\").replace("\"", "\\\"").replace("\u0000", "\\u0000");
        return ledger.replace("\"id\":\"" + id + "\"", "\"id\":\"" + escaped + "\"").getBytes(UTF_8);
    }

    private static void add(List<Input> out, Kind kind, String label, byte[] bytes) {
        String name = kind == Kind.BUNDLE ? Digests.sha256Hex(bytes) : label;
        out.add(new Input(kind, label, name, bytes));
    }

    private static JsonNode parse(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(JsonNode node, String path, List<String> out) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                String child = path + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
                out.add(child);
                collect(e.getValue(), child, out);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(path + "/" + i);
                collect(node.get(i), path + "/" + i, out);
            }
        }
    }

    private static List<String> objectPaths(JsonNode root) {
        List<String> all = new ArrayList<>(List.of(""));
        collect(root, "", all);
        return all.stream().filter(p -> root.at(p).isObject()).toList();
    }

    /** The document with the value at {@code pointer} replaced by the raw JSON {@code raw}. */
    private static byte[] replace(JsonNode root, String pointer, String raw) {
        JsonNode copy = root.deepCopy();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        JsonNode value = parse(raw.getBytes(UTF_8));
        if (parent instanceof ObjectNode o) {
            o.set(last, value);
        } else if (parent instanceof ArrayNode a) {
            a.set(Integer.parseInt(last), value);
        }
        return write(copy).getBytes(UTF_8);
    }

    /** Inserts a raw member right after the opening brace of the object at {@code pointer}. */
    private static byte[] insertKey(JsonNode root, String pointer, String member) {
        String marker = "\"__hostile_marker__\"";
        JsonNode copy = root.deepCopy();
        ((ObjectNode) copy.at(pointer)).put("__hostile_marker__", 0);
        String text = write(copy);
        return text.replace(marker + ":0", member).getBytes(UTF_8);
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] prettyOf(JsonNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Feeds an input to its reader: accepted, or refused with one diagnostic. */
    public static HostileCorpus.Verdict read(Input in) {
        try {
            switch (in.kind()) {
                case LEDGER -> LedgerClassification.of(in.bytes()).normalRead().ifPresent(d -> {
                    throw new Refused(d);
                });
                case BUNDLE -> {
                    List<Diagnostic> findings = DeploymentBundle.parse(in.name(), in.bytes()).validate(
                            java.util.Optional.of(Fixtures013.ROOT_URI));
                    if (!findings.isEmpty()) {
                        return new HostileCorpus.Verdict(false, findings.get(0));
                    }
                }
                case LOCK -> {
                    ReleasedLockRecord.detect(in.bytes());
                    LockFile.parse(in.bytes());
                }
            }
            return new HostileCorpus.Verdict(true, null);
        } catch (WireFormatException e) {
            return new HostileCorpus.Verdict(false, e.diagnostic());
        } catch (Refused r) {
            return new HostileCorpus.Verdict(false, r.diagnostic);
        }
    }

    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Diagnostic diagnostic;

        Refused(Diagnostic diagnostic) {
            super(diagnostic.code(), null, false, false);
            this.diagnostic = diagnostic;
        }
    }
}
