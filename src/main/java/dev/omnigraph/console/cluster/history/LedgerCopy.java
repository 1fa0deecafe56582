package dev.omnigraph.console.cluster.history;

import dev.omnigraph.console.cluster.model.Diagnostic;
import dev.omnigraph.console.cluster.model.Digests;
import dev.omnigraph.console.cluster.model.Ledger;
import dev.omnigraph.console.cluster.model.WireFormatException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * One copy of {@code __cluster/state.json}'s exact bytes, from wherever it came (the live object,
 * an S3 version, the local observation cache, a file), parsed with the same strict reader upstream
 * uses ({@link Ledger#parse}). A copy that does not parse is kept with its diagnostic, so a raw
 * diff against it is still possible.
 *
 * @param origin  what it is, for people: {@code current}, {@code version <id>}, {@code cache sha256:…}, a path
 * @param bytes   the exact bytes
 * @param ledger  the parsed ledger, when it parses
 * @param problem why it does not parse, when it does not
 * @param token   the backend version token of the live object (S3 ETag, local content hash), when known
 * @param time    when this copy was written or observed, when known
 */
public record LedgerCopy(String origin, byte[] bytes, Optional<Ledger> ledger, Optional<Diagnostic> problem,
                         Optional<String> token, Optional<Instant> time) {

    public LedgerCopy {
        bytes = bytes.clone();
    }

    /** Parses {@code bytes}; never throws for bad content. */
    public static LedgerCopy of(String origin, byte[] bytes, String token, Instant time) {
        try {
            return new LedgerCopy(origin, bytes, Optional.of(Ledger.parse(bytes)), Optional.empty(),
                    Optional.ofNullable(token), Optional.ofNullable(time));
        } catch (WireFormatException e) {
            return new LedgerCopy(origin, bytes, Optional.empty(), Optional.of(e.diagnostic()),
                    Optional.ofNullable(token), Optional.ofNullable(time));
        }
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** {@code sha256:<hex>} of the exact bytes: the ledger's content identity ({@code state_cas}). */
    public String cas() {
        return Digests.stateCas(bytes);
    }

    /** The bytes as text (invalid UTF-8 replaced), for a line diff. */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public int size() {
        return bytes.length;
    }

    /** {@code state_revision}, when the copy parses. */
    public Optional<Long> revision() {
        return ledger.map(Ledger::stateRevision);
    }
}
