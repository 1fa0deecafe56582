package dev.omnigraph.console.cluster.model;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * A deployment id, {@code <ledger_id>:<sequence>:<nonce>} (spec §2.7, upstream
 * {@code DeploymentId::parse}): at most 75 bytes, exactly three parts, canonical ULIDs for the
 * ledger part and the nonce, a decimal sequence above 0 without sign or leading zeros. The ledger
 * itself has no clock: the nonce's ULID time is when the deployment was accepted.
 *
 * @param ledgerId the ledger this id belongs to
 * @param sequence the ledger's sequence number at acceptance (unsigned bits in a long)
 * @param nonce    a fresh ULID minted at acceptance
 */
public record DeploymentId(String ledgerId, long sequence, String nonce) {

    /** The code upstream gives a malformed id. */
    public static final String INVALID = "deployment_id_invalid";

    public DeploymentId {
        Objects.requireNonNull(ledgerId, "ledgerId");
        Objects.requireNonNull(nonce, "nonce");
    }

    /** Parses an id; {@code deployment_id_invalid} at {@code path} when it breaks any rule. */
    public static DeploymentId parse(String text, String path) throws WireFormatException {
        DeploymentId id = parseOrNull(text);
        if (id == null) {
            throw new WireFormatException(Diagnostic.error(INVALID, path, "deployment id "
                    + (text == null ? "null" : SerdeJson.quote(text.length() > 100 ? text.substring(0, 100) + "…" : text))
                    + " is not <ledger ULID>:<sequence>:<nonce ULID> in canonical form (upper-case ULIDs, "
                    + "a sequence above 0 without leading zeros, at most 75 bytes)"));
        }
        return id;
    }

    /** The id, or null when {@code text} is not a canonical deployment id. */
    public static DeploymentId parseOrNull(String text) {
        if (text == null || text.getBytes(StandardCharsets.UTF_8).length > 75) {
            return null;
        }
        String[] parts = text.split(":", -1);
        if (parts.length != 3 || !Ulid.isCanonical(parts[0]) || !Ulid.isCanonical(parts[2])) {
            return null;
        }
        Long sequence = parseSequence(parts[1]);
        return sequence == null ? null : new DeploymentId(parts[0], sequence, parts[2]);
    }

    private static Long parseSequence(String digits) {
        if (digits.isEmpty() || digits.length() > 20 || digits.charAt(0) == '0'
                || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        try {
            return Long.parseUnsignedLong(digits);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** When the deployment was accepted: the nonce's 48-bit millisecond time. */
    public Instant acceptedAt() {
        return Ulid.parseOrNull(nonce).timestamp();
    }

    /** The sequence as an unsigned decimal. */
    public String sequenceText() {
        return Long.toUnsignedString(sequence);
    }

    /** The canonical text form, byte-identical to what was parsed. */
    @Override
    public String toString() {
        return ledgerId + ":" + sequenceText() + ":" + nonce;
    }
}
