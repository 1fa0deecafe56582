package dev.omnigraph.console.migrate;

/**
 * The admin's go-ahead for cutover: the cluster's name (or its root) typed by hand, or an explicit
 * "yes" given up front ({@code --yes}) by someone who read the plan.
 */
public sealed interface Confirmation {
    record Typed(String text) implements Confirmation {}

    record GivenUpFront() implements Confirmation {}

    static Confirmation typed(String text) {
        return new Typed(text);
    }

    static Confirmation givenUpFront() {
        return new GivenUpFront();
    }
}
