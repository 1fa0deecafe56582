package dev.omnigraph.console.migrate;

import dev.omnigraph.console.cluster.model.Rfc3339;
import dev.omnigraph.console.cluster.model.Ulid;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects the facts of a run as its phases complete, and builds its {@link MigrationReport}. */
final class ReportBuilder {
    private final String id;
    private final Instant started = Instant.now();
    private final String cluster;
    private final Endpoint source;
    private final Endpoint destination;
    private final Map<MigrationPhase, Instant> phaseStarts = new EnumMap<>(MigrationPhase.class);
    private final Map<MigrationPhase, Duration> phaseTimes = new EnumMap<>(MigrationPhase.class);
    private final List<String> warnings = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private String outcome = "failed";
    private String message = "The migration did not finish.";
    private String storageLine;
    private String sourceLedgerCas;
    private String destinationLedgerCas;
    private MigrationPlan plan;
    private CopyResult copy;
    private VerifyReport verify;
    private MigrationReport.SourceLockLeft sourceLock;

    ReportBuilder(String cluster, Endpoint source, Endpoint destination) {
        this.id = Ulid.generate(started).toString();
        this.cluster = cluster;
        this.source = source;
        this.destination = destination;
    }

    synchronized void started(MigrationPhase phase) {
        phaseStarts.put(phase, Instant.now());
    }

    synchronized void finished(MigrationPhase phase) {
        Instant s = phaseStarts.get(phase);
        if (s != null) {
            phaseTimes.put(phase, Duration.between(s, Instant.now()));
        }
    }

    synchronized void warn(String warning) {
        if (!warnings.contains(warning)) {
            warnings.add(warning);
        }
    }

    synchronized void problem(String problem) {
        if (problems.size() < MigrationPlan.LISTED_MAX && !problems.contains(problem)) {
            problems.add(problem);
        }
    }

    synchronized void outcome(String outcome, String message) {
        this.outcome = outcome;
        this.message = message;
    }

    synchronized String outcome() {
        return outcome;
    }

    synchronized String message() {
        return message;
    }

    synchronized void storageLine(String line) {
        this.storageLine = line;
    }

    synchronized void sourceLedger(String cas) {
        this.sourceLedgerCas = cas;
    }

    synchronized void destinationLedger(String cas) {
        this.destinationLedgerCas = cas;
    }

    synchronized void sourceLock(MigratedLock left) {
        this.sourceLock = new MigrationReport.SourceLockLeft(LockAdvice.MIGRATED, left.lockId().orElse(null), left.undo(),
                left.problem().orElse(null));
    }

    synchronized void plan(MigrationPlan plan) {
        this.plan = plan;
        plan.notes().forEach(this::warn);
    }

    synchronized void copy(CopyResult copy) {
        this.copy = copy;
    }

    synchronized void verify(VerifyReport verify) {
        this.verify = verify;
    }

    synchronized MigrationReport build() {
        MigrationReport.Counts counts = MigrationReport.Counts.NONE;
        if (plan != null) {
            counts = new MigrationReport.Counts(plan.sourceObjects().objects(), plan.sourceObjects().bytes(),
                    copy == null ? 0 : copy.copied(), copy == null ? 0 : copy.copiedBytes(), copy == null ? 0 : copy.serverSide(),
                    plan.identical().objects(), plan.identical().bytes(), plan.overwrite().objects(), copy == null ? 0 : copy.alreadyThere(),
                    plan.extras().objects(), copy == null ? 0 : copy.failed(), copy == null ? 0 : copy.retries(),
                    verify == null ? 0 : verify.checked() - verify.mismatches(), copy == null ? 0 : copy.bytesPerSecond(),
                    copy == null ? 0 : copy.objectsPerSecond());
        }
        Map<String, Long> phases = new LinkedHashMap<>();
        phaseTimes.forEach((p, d) -> phases.put(p.title(), d.toMillis()));
        return new MigrationReport(MigrationReport.FORMAT_VERSION, id, outcome, message, System.getProperty("user.name", "unknown"), host(),
                Rfc3339.format(started), Rfc3339.format(Instant.now()), cluster, source.describe(), destination.describe(), storageLine,
                counts, phases, new MigrationReport.Checksums(sourceLedgerCas, destinationLedgerCas, verify == null ? null : verify.treeDigest(),
                verify != null && verify.deep()), warnings, problems, sourceLock);
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
