package dev.omnigraph.console.cluster.diff;

/** How an entry differs between ledger A and ledger B. */
public enum ChangeKind {
    /** Only in B. */
    ADDED("+"),
    /** Only in A. */
    REMOVED("-"),
    /** In both, with different content. */
    CHANGED("~");

    private final String symbol;

    ChangeKind(String symbol) {
        this.symbol = symbol;
    }

    /** {@code +}, {@code -} or {@code ~}, for text renderings. */
    public String symbol() {
        return symbol;
    }
}
