package dev.omnigraph.console.cluster.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Upstream's upgrade decoder (spec §3.2), used only to classify a ledger the strict decode
 * refused: v0.12-shaped receipts carry {@code restart_required} / {@code activation}. When removing
 * them yields a valid v2 ledger, a normal read answers {@code ledger_upgrade_required} and
 * {@code cluster upgrade-ledger --writers-stopped} converts it. The console then shows that
 * stripped view read-only, labelled {@link LedgerGeneration#V2_V012_SHAPE}; it never writes it.
 */
final class ObsoleteReceipts {

    static final String UPGRADE_REQUIRED = "ledger_upgrade_required";
    static final String UPGRADE_PENDING = "ledger_upgrade_pending";
    private static final String INVALID_JSON = "invalid_state_json";

    /** The decoder's result: the document without obsolete fields, and whether any were removed. */
    record Stripped(ObjectNode root, boolean converted) {
    }

    private ObsoleteReceipts() {
    }

    /**
     * The normal read of a ledger whose strict decode failed: the v0.12 view when the upgrade decoder
     * converts it, else the strict error.
     */
    static Ledger readObsolete(byte[] bytes, JsonNode root, WireFormatException strict) throws WireFormatException {
        Stripped stripped;
        LedgerReader.Decoded decoded;
        try {
            stripped = strip(root);
            if (!stripped.converted()) {
                throw strict;
            }
            decoded = LedgerReader.decode(stripped.root());
            LedgerRules.validate(decoded);
        } catch (WireFormatException notConvertible) {
            throw strict;
        }
        Diagnostic refusal = Diagnostic.error(UPGRADE_REQUIRED, "state.deployment_results",
                "the ledger's receipts carry the obsolete v0.12 fields restart_required/activation: OmniGraph v0.13 "
                        + "refuses it until `omnigraph --cluster ROOT cluster upgrade-ledger --writers-stopped` removes them");
        return new Ledger(bytes, LedgerGeneration.V2_V012_SHAPE, decoded,
                LedgerReader.canonicalObservations(decoded.observations()), refusal);
    }

    /**
     * What {@code cluster upgrade-ledger} would say about {@code bytes}: null when it converts or has
     * nothing to do, else its refusal code ({@code ledger_upgrade_pending}, {@code invalid_state_json}, ...).
     */
    static String upgradeRefusal(byte[] bytes) {
        try {
            JsonNode root = StrictJson.parse(bytes, Ledger.SOURCE);
            try {
                LedgerReader.Decoded d = LedgerReader.decode(root);
                LedgerRules.validate(d);
                return d.outstanding() != null && d.version() == 2 ? UPGRADE_PENDING : null;
            } catch (WireFormatException strict) {
                Stripped stripped = strip(root);
                LedgerReader.Decoded decoded = LedgerReader.decode(stripped.root());
                LedgerRules.validate(decoded);
                return null;
            }
        } catch (WireFormatException e) {
            return e.code();
        }
    }

    /** Removes the obsolete fields after checking them exactly as upstream does. */
    static Stripped strip(JsonNode root) throws WireFormatException {
        if (!(root instanceof ObjectNode object) || !root.path("version").isIntegralNumber()
                || root.get("version").asLong() != 2 || !root.get("version").canConvertToLong()) {
            throw refuse(INVALID_JSON, "state.version", "the upgrade decoder only converts version 2 ledgers");
        }
        List<String> duplicates = StrictJson.duplicatePaths(root);
        if (!duplicates.isEmpty()) {
            throw refuse(INVALID_JSON, duplicates.get(0), "the upgrade decoder refuses every duplicate key");
        }
        JsonNode outstanding = object.get("outstanding");
        if (outstanding != null && !outstanding.isNull()) {
            throw refuse(UPGRADE_PENDING, "state.outstanding", "an outstanding deployment must be completed with the "
                    + "build that accepted it before the ledger can be upgraded");
        }
        ObjectNode copy = object.deepCopy();
        JsonNode results = copy.get("deployment_results");
        if (!(results instanceof ArrayNode array)) {
            throw refuse(INVALID_JSON, "state.deployment_results", "missing deployment results");
        }
        if (LedgerV2Parts.compactSize(array) > V2Values.MAX_RESULTS_BYTES) {
            throw refuse(INVALID_JSON, "state.deployment_results", "obsolete results exceed the receipt bound");
        }
        boolean converted = false;
        for (int i = 0; i < array.size(); i++) {
            converted |= stripOne(array.get(i), "state.deployment_results[" + i + "]");
        }
        return new Stripped(copy, converted);
    }

    private static boolean stripOne(JsonNode value, String path) throws WireFormatException {
        if (!(value instanceof ObjectNode result) || LedgerV2Parts.compactSize(value) > V2Values.MAX_RESULT_BYTES) {
            throw refuse(INVALID_JSON, path, "invalid deployment result or over the receipt bound");
        }
        boolean hadRestart = result.has("restart_required");
        boolean hadActivation = result.has("activation");
        if (!hadRestart && !hadActivation) {
            return false;
        }
        JsonNode restart = result.remove("restart_required");
        JsonNode activation = result.remove("activation");
        if (restart == null || !restart.isBoolean()) {
            throw refuse(INVALID_JSON, path + ".restart_required", "obsolete receipt requires a boolean restart_required");
        }
        DeploymentResult receipt = DeploymentResult.readJson(result, path, INVALID_JSON);
        if (activation != null && !activation.isNull()) {
            JsonStruct a = JsonStruct.open(activation, path + ".activation", INVALID_JSON, "struct ObsoleteActivation",
                    List.of("process_incarnation", "result_revision", "config_digest"));
            boolean consistent = Ulid.isCanonical(a.requiredString("process_incarnation"))
                    && a.requiredU64("result_revision") == receipt.resultRevision()
                    && java.util.Objects.equals(a.optionalString("config_digest"), receipt.configDigest())
                    && receipt.converged() && !restart.booleanValue();
            if (!consistent) {
                throw refuse(INVALID_JSON, path + ".activation", "inconsistent obsolete activation witness");
            }
        } else if (!restart.booleanValue()) {
            throw refuse(INVALID_JSON, path, "obsolete receipt claims activation without a witness");
        }
        return true;
    }

    private static WireFormatException refuse(String code, String path, String message) {
        return new WireFormatException(Diagnostic.error(code, path, message));
    }
}
