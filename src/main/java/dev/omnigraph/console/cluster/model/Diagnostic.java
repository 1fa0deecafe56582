package dev.omnigraph.console.cluster.model;

import java.util.Objects;

/**
 * One finding about a stored or declared object, shaped like upstream's {@code Diagnostic}
 * ({@code crates/omnigraph-cluster/src/types.rs}: {@code code}, {@code severity}, {@code path},
 * {@code message}).
 *
 * <p>Codes reuse upstream's vocabulary (spec §7.1) wherever the console reports the same
 * condition. Codes the console invents itself start with {@code console_} so they can never be
 * mistaken for something upstream would say.
 *
 * @param code     stable machine-readable code, e.g. {@code invalid_state_json}
 * @param severity error or warning
 * @param path     where the problem is: a dotted key path ({@code state.applied_revision.resources.graph.x.digest}),
 *                 a config key path ({@code graphs.knowledge.schema}) or a file name
 * @param message  human sentence naming the object and what is wrong
 */
public record Diagnostic(String code, Severity severity, String path, String message) {

    public Diagnostic {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    public static Diagnostic error(String code, String path, String message) {
        return new Diagnostic(code, Severity.ERROR, path, message);
    }

    public static Diagnostic warning(String code, String path, String message) {
        return new Diagnostic(code, Severity.WARNING, path, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** Same finding with another severity (upstream demotes/promotes some codes per command). */
    public Diagnostic withSeverity(Severity newSeverity) {
        return new Diagnostic(code, newSeverity, path, message);
    }
}
