package dev.omnigraph.console.cluster.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.omnigraph.console.cluster.history.LedgerCopy;
import dev.omnigraph.console.cluster.model.EmbeddingProfile;
import dev.omnigraph.console.cluster.model.Ledger;
import dev.omnigraph.console.cluster.model.LedgerResource;
import dev.omnigraph.console.cluster.model.ResourceAddress;
import dev.omnigraph.console.cluster.model.ResourceStatusRecord;
import dev.omnigraph.console.cluster.model.RustStrings;
import dev.omnigraph.console.cluster.model.SerdeJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Compares two ledgers. The structural part walks the parsed ledgers (so layout-only differences
 * such as key order or indentation are not changes, while the raw diff still shows them); the raw
 * part is a line diff of the exact texts. Values are compared unmasked and rendered masked.
 */
public final class LedgerDiffer {
    private LedgerDiffer() {}

    public static LedgerDiff diff(LedgerCopy a, LedgerCopy b) {
        TextDiff raw = LineDiff.diff(a.text(), b.text(), LineDiff.DEFAULT_CONTEXT, SecretMask::line);
        if (a.ledger().isPresent() && b.ledger().isPresent()) {
            return new LedgerDiff(LedgerSide.of(a), LedgerSide.of(b), Optional.of(structural(a.ledger().get(), b.ledger().get())),
                    Optional.empty(), raw);
        }
        StringBuilder why = new StringBuilder("no structural diff: ");
        a.problem().ifPresent(d -> why.append("A (").append(a.origin()).append(") is not a valid ledger (").append(d.code())
                .append(": ").append(d.message()).append(")"));
        if (a.problem().isPresent() && b.problem().isPresent()) {
            why.append("; ");
        }
        b.problem().ifPresent(d -> why.append("B (").append(b.origin()).append(") is not a valid ledger (").append(d.code())
                .append(": ").append(d.message()).append(")"));
        return new LedgerDiff(LedgerSide.of(a), LedgerSide.of(b), Optional.empty(),
                Optional.of(why.toString()), raw);
    }

    /** The entry-by-entry comparison of two valid ledgers. */
    public static StructuralDiff structural(Ledger a, Ledger b) {
        List<ResourceChange> resources = new ArrayList<>();
        SortedSet<String> addresses = new TreeSet<>(RustStrings.CODE_POINT_ORDER);
        addresses.addAll(a.resources().keySet());
        addresses.addAll(a.resourceStatuses().keySet());
        addresses.addAll(b.resources().keySet());
        addresses.addAll(b.resourceStatuses().keySet());
        for (String address : addresses) {
            Map<String, String[]> before = resourceFields(a.resources().get(address), a.resourceStatuses().get(address));
            Map<String, String[]> after = resourceFields(b.resources().get(address), b.resourceStatuses().get(address));
            boolean inA = a.resources().containsKey(address) || a.resourceStatuses().containsKey(address);
            boolean inB = b.resources().containsKey(address) || b.resourceStatuses().containsKey(address);
            ChangeKind kind = !inA ? ChangeKind.ADDED : !inB ? ChangeKind.REMOVED : ChangeKind.CHANGED;
            List<FieldChange> fields = fieldChanges(before, after);
            if (kind != ChangeKind.CHANGED || !fields.isEmpty()) {
                resources.add(new ResourceChange(address, ResourceAddress.parse(address).kind(), kind, fields));
            }
        }
        List<RecordChange> records = new ArrayList<>();
        records.addAll(recordChanges(RecordSection.APPROVAL_RECORDS, a.approvalRecords(), b.approvalRecords()));
        records.addAll(recordChanges(RecordSection.RECOVERY_RECORDS, a.recoveryRecords(), b.recoveryRecords()));
        records.addAll(recordChanges(RecordSection.OBSERVATIONS, a.observations(), b.observations()));
        return new StructuralDiff(new Compared<>(a.stateRevision(), b.stateRevision()),
                new Compared<>(a.configDigest(), b.configDigest()), resources, records, DeploymentDiff.of(a, b));
    }

    // ---- resources -------------------------------------------------------------------------

    /** Field name → {raw value, shown value}; absent fields are left out. */
    private static Map<String, String[]> resourceFields(LedgerResource r, ResourceStatusRecord s) {
        Map<String, String[]> out = new LinkedHashMap<>();
        if (r != null) {
            put(out, "digest", r.digest());
            if (r.appliesTo() != null) {
                put(out, "applies_to", stringList(r.appliesTo()));
            }
            put(out, "embedding_provider", r.embeddingProvider());
            EmbeddingProfile p = r.embeddingProfile();
            if (p != null) {
                out.put("embedding_profile", new String[] {p.toCompactJson(),
                        new EmbeddingProfile(p.kind(), p.baseUrl(), p.model(), SecretMask.apiKey(p.apiKey())).toCompactJson()});
            }
            if (r.externalBlobPolicy() != null) {
                put(out, "external_blob_policy", r.externalBlobPolicy().toCompactJson());
            }
        }
        if (s != null) {
            put(out, "status", s.status().wireName());
            if (!s.conditions().isEmpty()) {
                put(out, "conditions", stringList(s.conditions()));
            }
            put(out, "message", s.message());
        }
        return out;
    }

    private static void put(Map<String, String[]> out, String field, String value) {
        if (value != null) {
            out.put(field, new String[] {value, value});
        }
    }

    private static final List<String> RESOURCE_FIELDS = List.of("digest", "applies_to", "embedding_provider",
            "embedding_profile", "external_blob_policy", "status", "conditions", "message");

    private static List<FieldChange> fieldChanges(Map<String, String[]> before, Map<String, String[]> after) {
        List<FieldChange> out = new ArrayList<>();
        for (String field : RESOURCE_FIELDS) {
            String[] x = before.get(field);
            String[] y = after.get(field);
            if (!Objects.equals(x == null ? null : x[0], y == null ? null : y[0])) {
                String shownBefore = x == null ? null : x[1];
                String shownAfter = y == null ? null : y[1];
                if (shownAfter != null && shownAfter.equals(shownBefore)) {
                    shownAfter = shownAfter + " (a different hidden value)";
                }
                out.add(new FieldChange(field, shownBefore, shownAfter));
            }
        }
        return out;
    }

    private static String stringList(List<String> values) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        values.forEach(array::add);
        return SerdeJson.compact(array);
    }

    // ---- free-form records -----------------------------------------------------------------

    private static List<RecordChange> recordChanges(RecordSection section, SortedMap<String, JsonNode> a,
                                                    SortedMap<String, JsonNode> b) {
        SortedSet<String> keys = new TreeSet<>(RustStrings.CODE_POINT_ORDER);
        keys.addAll(a.keySet());
        keys.addAll(b.keySet());
        List<RecordChange> out = new ArrayList<>();
        for (String key : keys) {
            JsonNode x = a.get(key);
            JsonNode y = b.get(key);
            if (x != null && x.equals(y)) {
                continue;
            }
            ChangeKind kind = x == null ? ChangeKind.ADDED : y == null ? ChangeKind.REMOVED : ChangeKind.CHANGED;
            out.add(new RecordChange(section, key, kind, valueChanges(x, y)));
        }
        return out;
    }

    private static List<FieldChange> valueChanges(JsonNode x, JsonNode y) {
        boolean objects = (x == null || x.isObject()) && (y == null || y.isObject());
        if (!objects) {
            return List.of(new FieldChange("", render(x), render(y)));
        }
        Map<String, JsonNode[]> fields = new LinkedHashMap<>();
        collect(fields, x, 0);
        collect(fields, y, 1);
        List<FieldChange> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode[]> f : fields.entrySet()) {
            JsonNode before = f.getValue()[0];
            JsonNode after = f.getValue()[1];
            if (!Objects.equals(before, after)) {
                out.add(new FieldChange(f.getKey(), render(f.getKey(), before), render(f.getKey(), after)));
            }
        }
        return out;
    }

    private static void collect(Map<String, JsonNode[]> fields, JsonNode object, int side) {
        if (object == null) {
            return;
        }
        for (Map.Entry<String, JsonNode> f : object.properties()) {
            fields.computeIfAbsent(f.getKey(), k -> new JsonNode[2])[side] = f.getValue();
        }
    }

    private static String render(String field, JsonNode value) {
        if (value != null && field.equals("api_key") && value.isTextual()) {
            return SecretMask.apiKey(value.textValue());
        }
        return render(value);
    }

    private static String render(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        return SerdeJson.compact(SecretMask.json(value));
    }
}
