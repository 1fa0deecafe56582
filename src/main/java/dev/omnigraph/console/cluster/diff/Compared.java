package dev.omnigraph.console.cluster.diff;

import java.util.Objects;

/** One scalar of the ledger on both sides (revision, config digest). */
public record Compared<T>(T before, T after) {
    public boolean changed() {
        return !Objects.equals(before, after);
    }
}
