package dev.omnigraph.console.cluster.model;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/** The {@code validate_state} rules for {@code outstanding} (spec §2.5). */
final class OutstandingRules {

    private static final String PATH = "state.outstanding";

    private OutstandingRules() {
    }

    static void validate(LedgerReader.Decoded d, Set<Long> resultSequences) throws WireFormatException {
        OutstandingDeployment p = d.outstanding();
        DeploymentId id = DeploymentId.parse(p.id(), PATH + ".id");
        String problem = identityProblem(d, p, id, resultSequences);
        if (problem == null) {
            problem = authorizationProblem(d, p.authorization());
        }
        if (problem == null) {
            for (Map.Entry<String, GraphDeployment> e : p.graphs().entrySet()) {
                problem = graphProblem(d, p, e.getKey(), e.getValue());
                if (problem != null) {
                    break;
                }
            }
        }
        if (problem == null && (LedgerV2Parts.compactSize(d.root()) > p.reservedLedgerBytes() || p.reservedResultBytes() == 0)) {
            problem = "its reservations do not cover the current ledger or its result";
        }
        if (problem != null) {
            throw LedgerRules.invalid(PATH, "invalid outstanding deployment " + p.id() + ": " + problem);
        }
    }

    private static String identityProblem(LedgerReader.Decoded d, OutstandingDeployment p, DeploymentId id, Set<Long> seen) {
        if (!id.ledgerId().equals(d.ledgerId()) || id.sequence() + 1 != d.nextSequence() || seen.contains(id.sequence())) {
            return "its id is not the ledger's current sequence (next_sequence - 1) or is already used by a result";
        }
        if (!V2Values.isDigest(p.inputDigest()) || p.graphs().size() > V2Values.MAX_RESOURCES) {
            return "its input digest or graph count is invalid";
        }
        if (Long.compareUnsigned(p.reservedLedgerBytes(), V2Values.MAX_LEDGER_BYTES) > 0
                || Long.compareUnsigned(p.reservedResultBytes(), V2Values.MAX_RESULT_BYTES) > 0) {
            return "its reservations exceed the bounds";
        }
        return null;
    }

    private static String authorizationProblem(LedgerReader.Decoded d, DeploymentAuthorization a) {
        if (a.version() != 2 || !d.ledgerId().equals(a.ledgerId()) || !a.inputDigest().equals(d.outstanding().inputDigest())) {
            return "its authorization names another version, ledger or input digest";
        }
        if (!a.authority().isValid() || !a.base().isValid()) {
            return "its authority or base is invalid";
        }
        if (a.base().resultRevision() != d.resultRevision()
                || !a.base().resourceDigests().equals(LedgerV2Parts.sorted(LedgerRules.digests(d.resources())))
                || !a.base().schemaContracts().equals(LedgerV2Parts.sorted(d.schemaContracts()))) {
            return "its base is not the ledger's current achieved state";
        }
        for (Map.Entry<String, String> e : a.policyDigests().entrySet()) {
            if (!V2Values.isValidAddress(e.getKey()) || !V2Values.isDigest(e.getValue())) {
                return "policy digest " + e.getKey() + " is invalid";
            }
        }
        if (a.effects().size() > V2Values.MAX_RESOURCES || !a.effects().stream().allMatch(AuthorizedEffect::isValid)) {
            return "its effects are invalid";
        }
        return null;
    }

    private static String graphProblem(LedgerReader.Decoded d, OutstandingDeployment p, String graph, GraphDeployment e) {
        boolean create = e.creates();
        boolean delete = e.deletes();
        boolean intent = e.intent() != null;
        if (!V2Values.isId(graph)) {
            return "graph id " + graph + " is invalid";
        }
        if (!create && !d.resources().containsKey(ResourceAddress.graph(graph))) {
            return "graph " + graph + " is neither created nor applied";
        }
        if (create && (intent || delete || e.observedManifestVersion() != 0)) {
            return "graph " + graph + " is created together with an intent or deletion, or has an observed version";
        }
        if (!create && !delete && e.observedManifestVersion() == 0) {
            return "graph " + graph + " has observed manifest version 0";
        }
        if (delete && (!e.deleteContract().isValid() || e.deleteRoot().getBytes(StandardCharsets.UTF_8).length > 4096
                || !e.deleteRoot().endsWith("/graphs/" + graph + ".omni")
                || !e.deleteContract().equals(p.authorization().base().schemaContracts().get(graph))
                || intent || e.settlement() != null)) {
            return "graph " + graph + " has an invalid deletion";
        }
        if (!intent && !create && !delete
                && (e.settlement() != null || e.state().phase() == GraphDeploymentState.Phase.STARTED)) {
            return "query-only graph " + graph + " is started or carries a settlement";
        }
        if (e.recoveryExecutor() != null && !e.recoveryExecutor().isValid()) {
            return "graph " + graph + " has an invalid recovery executor";
        }
        return null;
    }
}
