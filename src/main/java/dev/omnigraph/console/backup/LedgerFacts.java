package dev.omnigraph.console.backup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnigraph.console.cluster.model.Digests;
import dev.omnigraph.console.cluster.model.Ledger;
import dev.omnigraph.console.cluster.model.WireFormatException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a restore point records about the ledger it captured, read from the exact
 * {@code __cluster/state.json} bytes of either generation (spec §2, §3): v1 ({@code version: 1},
 * OmniGraph ≤ 0.11) or v2 ({@code version: 2}, v0.13, with {@code ledger_id}, {@code next_sequence},
 * {@code outstanding}, {@code deployment_results}). It reads only the identifying fields, not the
 * strict model: a backup keeps the bytes whatever they hold, and the strict readers judge them
 * where they are used (diff, doctor).
 *
 * @param cas             {@code sha256:} + hex of the exact bytes ({@code state_cas})
 * @param version         the ledger generation (1 or 2; other values are kept as found)
 * @param stateRevision   {@code state_revision} (0 when absent)
 * @param ledgerId        v2 {@code ledger_id}
 * @param resultRevision  v2 {@code applied_revision.result_revision}
 * @param outstandingId   v2 {@code outstanding.id}: an accepted, unfinished deployment
 * @param deploymentIds   v2 {@code deployment_results[*].id}, in ledger order
 * @param graphContracts  graph id → {@code schema_contracts.<g>.schema_identity_domain} (v2)
 * @param generation      the generation as the strict model classifies it ({@code v1}, {@code v2-v0.12}, {@code v2}), when it parses
 * @param problem         why the strict model refuses the bytes (code and message), when it does: the bytes are kept anyway
 */
public record LedgerFacts(String cas, long size, long version, long stateRevision, Optional<String> ledgerId,
                          Optional<Long> resultRevision, Optional<String> outstandingId, List<String> deploymentIds,
                          Map<String, String> graphContracts, Optional<String> generation, Optional<String> problem) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public LedgerFacts {
        deploymentIds = List.copyOf(deploymentIds);
        graphContracts = Collections.unmodifiableMap(new TreeMap<>(graphContracts));
    }

    /** Reads the facts; throws {@link IllegalArgumentException} when the bytes are not a JSON object with a version. */
    public static LedgerFacts of(byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the ledger is not valid JSON (invalid_state_json): " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("the ledger cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject() || !root.path("version").canConvertToLong()) {
            throw new IllegalArgumentException("the ledger is not a JSON object with a numeric version (invalid_state_json)");
        }
        JsonNode applied = root.path("applied_revision");
        List<String> deployments = new ArrayList<>();
        root.path("deployment_results").forEach(r -> deployments.add(r.path("id").asText("")));
        Map<String, String> contracts = new TreeMap<>();
        applied.path("schema_contracts").properties()
                .forEach(e -> contracts.put(e.getKey(), e.getValue().path("schema_identity_domain").asText("")));
        JsonNode outstanding = root.path("outstanding");
        Optional<String> generation = Optional.empty();
        Optional<String> problem = Optional.empty();
        try {
            generation = Optional.of(Ledger.parse(bytes).generation().wireName());
        } catch (WireFormatException e) {
            problem = Optional.of(e.diagnostic().code() + ": " + e.diagnostic().message());
        }
        return new LedgerFacts(Digests.stateCas(bytes), bytes.length, root.path("version").asLong(), root.path("state_revision").asLong(0),
                text(root.path("ledger_id")), applied.path("result_revision").canConvertToLong()
                        ? Optional.of(applied.path("result_revision").asLong()) : Optional.empty(),
                outstanding.isObject() ? Optional.of(outstanding.path("id").asText("(no id)")) : Optional.empty(), deployments, contracts,
                generation, problem);
    }

    /** The same facts as recorded in a manifest. */
    static LedgerFacts fromManifest(JsonNode node) {
        List<String> deployments = new ArrayList<>();
        node.path("deployment_ids").forEach(d -> deployments.add(d.asText()));
        Map<String, String> contracts = new TreeMap<>();
        node.path("graph_contracts").properties().forEach(e -> contracts.put(e.getKey(), e.getValue().asText()));
        return new LedgerFacts(node.path("cas").asText(), node.path("size").asLong(), node.path("version").asLong(),
                node.path("state_revision").asLong(), text(node.path("ledger_id")),
                node.path("result_revision").canConvertToLong() ? Optional.of(node.path("result_revision").asLong()) : Optional.empty(),
                text(node.path("outstanding_id")), deployments, contracts, text(node.path("generation")), text(node.path("problem")));
    }

    /** True for a v2 ledger (OmniGraph v0.13). */
    public boolean v2() {
        return version == 2;
    }

    /** The ledger's sha256 hex (the cas without its {@code sha256:} prefix): its blob's name. */
    public String sha256() {
        return cas.substring("sha256:".length());
    }

    /** One line for people: generation, revision, ledger id, cas. */
    public String describe() {
        return generation.map(g -> "ledger " + g).orElse("ledger v" + version) + ", revision " + Long.toUnsignedString(stateRevision)
                + ledgerId.map(id -> ", ledger id " + id).orElse("") + ", " + cas;
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }
}
