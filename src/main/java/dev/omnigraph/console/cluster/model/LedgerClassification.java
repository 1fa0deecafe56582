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

    /** The generation, when the console could read the ledger. */
    public Optional<LedgerGeneration> generation() {
        return ledger.map(Ledger::generation);
    }
}
