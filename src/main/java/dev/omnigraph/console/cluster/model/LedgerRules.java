package dev.omnigraph.console.cluster.model;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Upstream's {@code validate_state} for a decoded ledger (spec §2.1-§2.7, §3.3), in upstream's
 * order: generation rules ({@code invalid_state_version}, {@code unsupported_state_version}),
 * identity and bounds ({@code invalid_state}), projection ({@code invalid_state},
 * {@code external_blob_policy_digest_mismatch}), contracts, results ({@code deployment_bounds},
 * {@code deployment_id_invalid}, {@code invalid_state}) and the outstanding deployment
 * ({@link OutstandingRules}).
 */
final class LedgerRules {

    static final String INVALID = "invalid_state";

    private LedgerRules() {
    }

    static void validate(LedgerReader.Decoded d) throws WireFormatException {
        if (d.version() == 1) {
            if (d.ledgerId() != null || d.nextSequence() != null || d.outstanding() != null || d.results() != null
                    || d.resultRevision() != null || d.schemaContracts() != null) {
                throw new WireFormatException(Diagnostic.error("invalid_state_version", "state.version",
                        "a version 1 ledger carries ledger v2 fields (ledger_id, next_sequence, outstanding, "
                                + "deployment_results, result_revision or schema_contracts): it is neither v1 nor v2"));
            }
            return;
        }
        if (d.version() != 2) {
            throw new WireFormatException(Diagnostic.error("unsupported_state_version", "state.version",
                    "state.json has version " + d.version() + "; OmniGraph v0.13 understands ledger versions 1 "
                            + "(read-only) and 2"));
        }
        identity(d);
        ProjectionRules.validate(d.resources(), "state.applied_revision.resources", INVALID);
        if (!LedgerV2Parts.contractsMatch(d.schemaContracts(), digests(d.resources()))) {
            throw invalid("state.applied_revision.schema_contracts",
                    "applied schema contracts do not match the exact graph inventory (one valid contract per graph, "
                            + "source_hash equal to the schema.<graph> digest)");
        }
        if (d.configDigest() != null && !V2Values.isDigest(d.configDigest())) {
            throw invalid("state.applied_revision.config_digest", "config_digest is not 64 lower-case hex");
        }
        Set<Long> sequences = results(d);
        if (d.outstanding() != null) {
            OutstandingRules.validate(d, sequences);
        }
    }

    private static void identity(LedgerReader.Decoded d) throws WireFormatException {
        if (d.ledgerId() == null) {
            throw invalid("state.ledger_id", "a version 2 ledger has no ledger_id (missing ledger identity)");
        }
        if (!Ulid.isCanonical(d.ledgerId())) {
            throw invalid("state.ledger_id", "ledger_id is not a canonical ULID");
        }
        if (d.nextSequence() == null || d.nextSequence() == 0) {
            throw invalid("state.next_sequence", "a version 2 ledger needs next_sequence above 0");
        }
        if (d.resultRevision() == null) {
            throw invalid("state.applied_revision.result_revision", "a version 2 ledger needs result_revision");
        }
        if (d.schemaContracts() == null) {
            throw invalid("state.applied_revision.schema_contracts", "a version 2 ledger needs schema_contracts");
        }
        if (d.resources().size() > V2Values.MAX_RESOURCES) {
            throw invalid("state.applied_revision.resources", "more than " + V2Values.MAX_RESOURCES + " resources");
        }
        for (Map.Entry<String, LedgerResource> e : d.resources().entrySet()) {
            if (e.getKey().getBytes(StandardCharsets.UTF_8).length > 512 || !V2Values.isDigest(e.getValue().digest())) {
                throw invalid("state.applied_revision.resources." + e.getKey(),
                        "address over 512 bytes or digest not 64 lower-case hex");
            }
        }
    }

    /** Checks every retained result; returns the sequences they use. */
    private static Set<Long> results(LedgerReader.Decoded d) throws WireFormatException {
        if (d.results() == null) {
            throw invalid("state.deployment_results", "a version 2 ledger needs deployment_results (missing bounded results)");
        }
        if (d.results().size() > V2Values.MAX_RESULTS
                || LedgerV2Parts.compactSize(d.root().get("deployment_results")) > V2Values.MAX_RESULTS_BYTES) {
            throw new WireFormatException(Diagnostic.error("deployment_bounds", "state.deployment_results",
                    "retained results exceed their bound (at most " + V2Values.MAX_RESULTS + " results, 4 MiB)"));
        }
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < d.results().size(); i++) {
            DeploymentResult r = d.results().get(i);
            String path = "state.deployment_results[" + i + "]";
            DeploymentId id = DeploymentId.parse(r.id(), path + ".id");
            boolean fresh = seen.add(id.sequence());
            String problem = ResultRules.problem(r, d, id, fresh);
            if (problem != null) {
                throw invalid(path, "invalid terminal deployment result " + r.id() + ": " + problem);
            }
        }
        return seen;
    }

    static Map<String, String> digests(Map<String, LedgerResource> resources) {
        Map<String, String> out = new LinkedHashMap<>();
        resources.forEach((address, resource) -> out.put(address, resource.digest()));
        return out;
    }

    static WireFormatException invalid(String path, String message) {
        return new WireFormatException(Diagnostic.error(INVALID, path, message));
    }
}
