package dev.omnigraph.console.cluster;

import dev.omnigraph.console.cluster.model.Diagnostic;
import dev.omnigraph.console.cluster.model.Ledger;
import java.time.Instant;

/** {@code __cluster/state.json} as found: parsed, absent, or unreadable with upstream's diagnostic. */
public sealed interface LedgerState {
    /** @param token the backend version token (ETag / content hash), for conditional reads and writes */
    record Present(Ledger ledger, String token, Instant lastModified) implements LedgerState {}

    record Missing() implements LedgerState {}

    /** The object exists but upstream would refuse it ({@code invalid_state_json}, {@code unsupported_state_version} ...). */
    record Unreadable(Diagnostic diagnostic, String token, long size) implements LedgerState {}

    default boolean present() {
        return this instanceof Present;
    }
}
