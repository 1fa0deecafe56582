package dev.omnigraph.console.cluster.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Outcome of reading one file in {@code __cluster/approvals/} or {@code __cluster/recoveries/}.
 * Upstream ({@code store.rs::ClusterStore::list_json_dir}) never fails a listing because of one bad
 * file: it emits a warning and leaves the file in place. This type lets the UI list both kinds.
 *
 * @param <T> {@link ApprovalArtifact} or {@link RecoverySidecar}
 */
public sealed interface ArtifactParseResult<T> {

    /**
     * The file parsed and its version is supported.
     *
     * @param value    the artifact
     * @param warnings console-only observations (codes start with {@code console_}); upstream would
     *                 report nothing for this file
     */
    record Valid<T>(T value, List<Diagnostic> warnings) implements ArtifactParseResult<T> {
        public Valid {
            Objects.requireNonNull(value, "value");
            warnings = List.copyOf(warnings);
        }
    }

    /** Upstream ignores this file (it authorizes or recovers nothing) and warns with this diagnostic. */
    record Invalid<T>(Diagnostic diagnostic) implements ArtifactParseResult<T> {
        public Invalid {
            Objects.requireNonNull(diagnostic, "diagnostic");
        }
    }

    default boolean isValid() {
        return this instanceof Valid;
    }

    default Optional<T> artifact() {
        return this instanceof Valid<T> valid ? Optional.of(valid.value()) : Optional.empty();
    }

    /** Every diagnostic: the invalid one, or the console warnings of a valid file. */
    default List<Diagnostic> diagnostics() {
        return switch (this) {
            case Valid<T> valid -> valid.warnings();
            case Invalid<T> invalid -> List.of(invalid.diagnostic());
        };
    }
}
