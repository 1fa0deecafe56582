package dev.omnigraph.console.cluster.model;

import java.util.Optional;

/**
 * How OmniGraph v0.13 treats a ledger's bytes, the three columns of spec §3.3 side by side:
 * the normal read, operational use (serve, deploy, observe, {@code --cluster ROOT cluster status},
 * graph admission) and {@code cluster upgrade-ledger --writers-stopped}.
 *
 * @param ledger        the console's read: present for v1, v2 and the v0.12 shape (shown read-only)
 * @param normalRead    v0.13's normal-read refusal, empty when it reads the ledger (v1 and v2)
 * @param operational   the code serve/deploy answer, empty when they proceed
 * @param upgradeLedger what {@code upgrade-ledger} answers: {@code no_op}, {@code converts}, or its refusal code
 */
public record LedgerClassification(Optional<Ledger> ledger, Optional<Diagnostic> normalRead, Optional<String> operational,
        String upgradeLedger) {

    public static final String NO_OP = "no_op";
    public static final String CONVERTS = "converts";

    /** Classifies stored ledger bytes. */
    public static LedgerClassification of(byte[] bytes) {
        Ledger ledger;
        try {
            ledger = Ledger.parse(bytes);
        } catch (WireFormatException e) {
            String upgrade = ObsoleteReceipts.upgradeRefusal(bytes);
            return new LedgerClassification(Optional.empty(), Optional.of(e.diagnostic()), Optional.of(e.code()),
                    upgrade == null ? e.code() : upgrade);
        }
        return switch (ledger.generation()) {
            case V1 -> new LedgerClassification(Optional.of(ledger), Optional.empty(),
                    Optional.of(ObsoleteReceipts.UPGRADE_REQUIRED), CONVERTS);
            case V2_V012_SHAPE -> new LedgerClassification(Optional.of(ledger), ledger.v013Refusal(),
                    Optional.of(ObsoleteReceipts.UPGRADE_REQUIRED), CONVERTS);
            case V2 -> new LedgerClassification(Optional.of(ledger), Optional.empty(), Optional.empty(),
                    ledger.outstanding().isPresent() ? ObsoleteReceipts.UPGRADE_PENDING : NO_OP);
        };
    }

    /**
     * What OmniGraph ≤ 0.11 (which knew only ledger v1, strict) answered for these bytes: empty when it
     * read them; {@code invalid_state_json} for any ledger v2 field (it did not know them),
     * {@code unsupported_state_version} for a version other than 1, or the shape/observation code.
     */
    public static Optional<String> v011Refusal(byte[] bytes) {
        try {
            LedgerReader.Decoded d = LedgerReader.decode(StrictJson.parse(bytes, Ledger.SOURCE));
            if (d.ledgerId() != null || d.nextSequence() != null || d.outstanding() != null || d.results() != null
                    || d.resultRevision() != null || d.schemaContracts() != null) {
                return Optional.of("invalid_state_json");
            }
            if (d.version() != 1) {
                return Optional.of("unsupported_state_version");
            }
            LedgerReader.canonicalObservations(d.observations());
            return Optional.empty();
        } catch (WireFormatException e) {
            return Optional.of(e.code());
        }
    }

    /** The generation, when the console could read the ledger. */
    public Optional<LedgerGeneration> generation() {
        return ledger.map(Ledger::generation);
    }
}
