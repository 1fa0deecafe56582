package dev.omnigraph.console.migrate;

import java.time.Instant;

/**
 * What a running migration tells its observers: the wizard, the CLI (a bar, or JSON lines) and the
 * tests all receive the same immutable records, in order, from the engine's threads.
 */
public sealed interface MigrationEvent {
    Instant at();

    /** A phase began. */
    record PhaseStarted(Instant at, MigrationPhase phase) implements MigrationEvent {}

    /** A phase ended; {@code ok} false when it refused, failed or was cancelled. */
    record PhaseFinished(Instant at, MigrationPhase phase, boolean ok, String summary) implements MigrationEvent {}

    /** A progress snapshot (several per second while objects move). */
    record Progress(Instant at, ProgressSnapshot snapshot) implements MigrationEvent {}

    /** Something worth a line in the log: a retry, a warning, a decision. */
    record Notice(Instant at, MigrationPhase phase, Level level, String message) implements MigrationEvent {}

    enum Level { INFO, WARNING, ERROR }
}
