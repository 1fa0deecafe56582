package dev.omnigraph.console.cluster.model;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The per-receipt rules of {@code validate_state} (spec §2.6): one sentence per violation, or null. */
final class ResultRules {

    private ResultRules() {
    }

    static String problem(DeploymentResult r, LedgerReader.Decoded d, DeploymentId id, boolean freshSequence) {
        if (!id.ledgerId().equals(d.ledgerId())) {
            return "its id belongs to ledger " + id.ledgerId();
        }
        if (Long.compareUnsigned(id.sequence(), d.nextSequence()) >= 0) {
            return "its sequence is not below next_sequence";
        }
        if (!freshSequence) {
            return "its sequence is used twice";
        }
        if (LedgerV2Parts.compactSize(r.raw()) > V2Values.MAX_RESULT_BYTES || r.graphs().size() > V2Values.MAX_RESOURCES) {
            return "it exceeds the per-result bound";
        }
        String graphs = graphsProblem(r);
        if (graphs != null) {
            return graphs;
        }
        if (!r.authority().isValid() || !r.base().isValid() || !V2Values.isDigest(r.inputDigest())) {
            return "its authority, base or input digest is invalid";
        }
        if (r.configDigest() != null && !V2Values.isDigest(r.configDigest())) {
            return "its config_digest is not 64 lower-case hex";
        }
        if (Long.compareUnsigned(r.resultRevision(), d.resultRevision()) > 0) {
            return "its result_revision is above the ledger's";
        }
        for (Map.Entry<String, DeploymentAuthority> e : r.recoveryExecutors().entrySet()) {
            if (!r.graphs().containsKey(e.getKey()) || !e.getValue().isValid()) {
                return "recovery executor of " + e.getKey() + " is not one of its graphs or is invalid";
            }
        }
        return null;
    }

    private static String graphsProblem(DeploymentResult r) {
        long refusedBytes = 0;
        for (Map.Entry<String, GraphDeploymentResult> e : r.graphs().entrySet()) {
            GraphDeploymentResult o = e.getValue();
            if (!V2Values.isId(e.getKey())) {
                return "graph id " + e.getKey() + " is invalid";
            }
            if (!o.terminal()) {
                return "graph " + e.getKey() + " has a schema outcome Unknown";
            }
            boolean bad = switch (o.outcome()) {
                case REFUSED -> !V2Values.isRefusedCode(o.refusedCode());
                case CREATED -> o.graphManifestVersion() == 0 || !o.contract().isValid();
                case DELETED -> !o.contract().isValid() || !o.contract().equals(r.base().schemaContracts().get(e.getKey()));
                case QUERY_ONLY -> o.graphManifestVersion() == 0 || !V2Values.isDigest(o.schemaDigest());
                case SCHEMA, NOT_ATTEMPTED -> false;
            };
            if (bad) {
                return "graph " + e.getKey() + " has an invalid " + o.outcome().wireName() + " outcome";
            }
            if (o.refusedCode() != null) {
                refusedBytes += o.refusedCode().getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return refusedBytes > V2Values.MAX_DIAGNOSTIC_BYTES ? "its refused codes exceed 4096 bytes" : null;
    }
}
