package dev.omnigraph.console.cluster.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * A desired-config dependency edge, upstream's {@code Dependency {from, to}} ({@code types.rs}):
 * {@code from} depends on {@code to}. Sorted like upstream's {@code BTreeSet} (by from, then to).
 */
public record Dependency(String from, String to) implements Comparable<Dependency> {

    private static final Comparator<Dependency> ORDER = Comparator
            .comparing(Dependency::from, RustStrings.CODE_POINT_ORDER)
            .thenComparing(Dependency::to, RustStrings.CODE_POINT_ORDER);

    public Dependency {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    @Override
    public int compareTo(Dependency other) {
        return ORDER.compare(this, other);
    }
}
