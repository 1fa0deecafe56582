package dev.omnigraph.console.cluster.model;

import java.util.Objects;

/**
 * A stored object could not be accepted: it is oversize, not UTF-8, not JSON, breaks the strict
 * wire shape upstream enforces with {@code #[serde(deny_unknown_fields)]}, or carries an
 * unsupported version. Carries exactly one {@link Diagnostic}; the exception message is the
 * diagnostic's human sentence.
 */
public final class WireFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Diagnostic diagnostic;

    public WireFormatException(Diagnostic diagnostic) {
        super(Objects.requireNonNull(diagnostic, "diagnostic").message());
        this.diagnostic = diagnostic;
    }

    public WireFormatException(Diagnostic diagnostic, Throwable cause) {
        super(Objects.requireNonNull(diagnostic, "diagnostic").message(), cause);
        this.diagnostic = diagnostic;
    }

    public Diagnostic diagnostic() {
        return diagnostic;
    }

    /** Shorthand for {@code diagnostic().code()}. */
    public String code() {
        return diagnostic.code();
    }
}
