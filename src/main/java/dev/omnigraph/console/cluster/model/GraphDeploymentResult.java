package dev.omnigraph.console.cluster.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * What a deployment did to one graph, upstream's strict {@code GraphDeploymentResult}, internally
 * tagged by {@code outcome} (spec §2.6). Only the fields of the given outcome are set.
 *
 * @param outcome              the variant
 * @param contract             {@code deleted}, {@code created}: the graph's contract
 * @param graphManifestVersion {@code created}, {@code query_only}: the graph's manifest version (unsigned)
 * @param schemaDigest         {@code query_only}: the unchanged schema digest
 * @param refusedCode          {@code refused}: the refusal code
 * @param schemaResult         {@code schema}: the engine's {@code SchemaApplySettlement}, kept as read (opaque)
 */
public record GraphDeploymentResult(Outcome outcome, SchemaContract contract, Long graphManifestVersion,
        String schemaDigest, String refusedCode, JsonNode schemaResult) {

    /** The variants, with their wire names. */
    public enum Outcome {
        DELETED("deleted"), CREATED("created"), SCHEMA("schema"), QUERY_ONLY("query_only"), REFUSED("refused"),
        NOT_ATTEMPTED("not_attempted");

        private final String wireName;

        Outcome(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        static Outcome fromWire(String name) {
            for (Outcome o : values()) {
                if (o.wireName.equals(name)) {
                    return o;
                }
            }
            return null;
        }
    }

    private static final Map<Outcome, List<String>> FIELDS = Map.of(
            Outcome.DELETED, List.of("outcome", "contract"),
            Outcome.CREATED, List.of("outcome", "graph_manifest_version", "contract"),
            Outcome.SCHEMA, List.of("outcome", "result"),
            Outcome.QUERY_ONLY, List.of("outcome", "graph_manifest_version", "schema_digest"),
            Outcome.REFUSED, List.of("outcome", "code"),
            Outcome.NOT_ATTEMPTED, List.of("outcome"));
    private static final List<String> SETTLEMENT_TAGS = List.of("Committed", "NoOp", "NotPublished");

    static GraphDeploymentResult readJson(JsonNode value, String path, String code) throws WireFormatException {
        if (value == null || !value.isObject()) {
            throw JsonStruct.typeError(code, path, value, "internally tagged enum GraphDeploymentResult");
        }
        JsonNode tag = value.get("outcome");
        if (tag == null || !tag.isTextual()) {
            throw new WireFormatException(Diagnostic.error(code, path + ".outcome", tag == null
                    ? "missing field `outcome` at " + path : "invalid type for `outcome` at " + path));
        }
        Outcome outcome = Outcome.fromWire(tag.textValue());
        if (outcome == null) {
            throw new WireFormatException(Diagnostic.error(code, path + ".outcome", "unknown variant `"
                    + tag.textValue() + "` at " + path + ".outcome, expected one of `deleted`, `created`, `schema`, "
                    + "`query_only`, `refused`, `not_attempted`"));
        }
        JsonStruct s = JsonStruct.open(value, path, code, "variant GraphDeploymentResult::" + outcome.wireName(),
                FIELDS.get(outcome));
        return switch (outcome) {
            case DELETED -> new GraphDeploymentResult(outcome, contract(s, code), null, null, null, null);
            case CREATED -> new GraphDeploymentResult(outcome, contract(s, code), s.requiredU64("graph_manifest_version"),
                    null, null, null);
            case SCHEMA -> new GraphDeploymentResult(outcome, null, null, null, null, settlement(s));
            case QUERY_ONLY -> new GraphDeploymentResult(outcome, null, s.requiredU64("graph_manifest_version"),
                    s.requiredString("schema_digest"), null, null);
            case REFUSED -> new GraphDeploymentResult(outcome, null, null, null, s.requiredString("code"), null);
            case NOT_ATTEMPTED -> new GraphDeploymentResult(outcome, null, null, null, null, null);
        };
    }

    private static SchemaContract contract(JsonStruct s, String code) throws WireFormatException {
        return SchemaContract.readJson(s.required("contract"), s.fieldPath("contract"), code);
    }

    /** Externally tagged {@code SchemaApplySettlement}: a known tag object or a bare unit variant. */
    private static JsonNode settlement(JsonStruct s) throws WireFormatException {
        JsonNode result = s.required("result");
        boolean unit = result.isTextual() && List.of("NoOpRefused", "Unknown").contains(result.textValue());
        boolean tagged = result.isObject() && result.size() == 1
                && SETTLEMENT_TAGS.contains(result.properties().iterator().next().getKey());
        if (!unit && !tagged) {
            throw new WireFormatException(Diagnostic.error(s.code(), s.fieldPath("result"),
                    "unknown or malformed SchemaApplySettlement at " + s.fieldPath("result")
                            + ", expected `Committed`, `NoOp`, `NotPublished`, `NoOpRefused` or `Unknown`"));
        }
        return result;
    }

    /** The settlement variant name of a {@code schema} outcome ({@code Committed}, {@code NoOp}, ...), else null. */
    public String schemaSettlement() {
        if (schemaResult == null) {
            return null;
        }
        return schemaResult.isTextual() ? schemaResult.textValue() : schemaResult.properties().iterator().next().getKey();
    }

    /** Counts towards {@code converged}: created, deleted, query_only, or a schema apply Committed / NoOp. */
    public boolean accepted() {
        return switch (outcome) {
            case CREATED, DELETED, QUERY_ONLY -> true;
            case SCHEMA -> "Committed".equals(schemaSettlement()) || "NoOp".equals(schemaSettlement());
            case REFUSED, NOT_ATTEMPTED -> false;
        };
    }

    /** A terminal outcome: everything except a schema apply whose result is {@code Unknown}. */
    public boolean terminal() {
        return !(outcome == Outcome.SCHEMA && "Unknown".equals(schemaSettlement()));
    }

    /** One line, e.g. {@code created (manifest 1)}, {@code refused: graph_root_exists}. */
    public String describe() {
        return switch (outcome) {
            case CREATED -> "created (manifest " + Long.toUnsignedString(graphManifestVersion) + ")";
            case QUERY_ONLY -> "queries only (manifest " + Long.toUnsignedString(graphManifestVersion) + ")";
            case DELETED -> "deleted";
            case SCHEMA -> "schema apply: " + schemaSettlement();
            case REFUSED -> "refused: " + refusedCode;
            case NOT_ATTEMPTED -> "not attempted";
        };
    }
}
