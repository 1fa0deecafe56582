package dev.omnigraph.console.cluster.model;

import java.util.Optional;

/**
 * What OmniGraph ≤ 0.11 (which knew only ledger v1, strict) answered for a ledger's bytes: the
 * fixtures record it for every ledger, and the conformance tests check the console's reading of
 * the wire format against it. Test-only: the console itself never asks.
 */
final class V011Reader {
    private V011Reader() {}

    /**
     * Empty when 0.11 read the bytes; {@code invalid_state_json} for any ledger v2 field (it did not
     * know them), {@code unsupported_state_version} for a version other than 1, or the
     * shape/observation code.
     */
    static Optional<String> refusal(byte[] bytes) {
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
}
