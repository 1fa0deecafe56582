package dev.omnigraph.console.ui.common;

import dev.omnigraph.console.cluster.ClusterSnapshot;
import dev.omnigraph.console.cluster.LockState;
import dev.omnigraph.console.cluster.model.Ledger;
import dev.omnigraph.console.cluster.model.LedgerGeneration;
import dev.omnigraph.console.cluster.model.LockOperation;
import dev.omnigraph.console.cluster.model.OutstandingDeployment;
import dev.omnigraph.console.cluster.model.LockFile;
import dev.omnigraph.console.common.Format;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The lock as the console explains it: free, held by OPERATION for AGE (and whether that is past
 * the admin's staleness threshold), or present but unreadable (it still blocks every locking
 * command). Upstream has no TTL or liveness check (spec §5); "stale" is only a hint for the admin.
 *
 * <p>On a v2 root (OmniGraph v0.13) a lock is held for its owner's whole life ({@code serve} even
 * after a clean stop), so the text comes from the operation's meaning ({@link LockOperation}) and
 * is never "stale" from age; it is paired with the outstanding deployment when there is one.
 *
 * @param ageSeconds  whole seconds since {@code created_at} at {@code now}, empty when unknown
 * @param meaning     what the held lock means on this root (generation-aware); empty for the v1-only reading
 * @param outstanding the ledger's outstanding deployment, if any
 * @param v2          whether the root's ledger is v2 (or absent/unreadable, read like v0.13 would)
 */
public record LockStatus(LockState state, Optional<LockFile> lock, OptionalLong ageSeconds, boolean stale, Duration staleAfter,
                         Optional<LockOperation.Meaning> meaning, Optional<OutstandingDeployment> outstanding, boolean v2) {

    /** The v1 reading (age against the admin's threshold), without the ledger's generation. */
    public static LockStatus of(LockState state, Instant now, Duration staleAfter) {
        return switch (state) {
            case LockState.Held h -> {
                OptionalLong age = h.lock().age(now);
                boolean stale = age.isPresent() && age.getAsLong() >= staleAfter.toSeconds();
                yield new LockStatus(state, Optional.of(h.lock()), age, stale, staleAfter, Optional.empty(), Optional.empty(), false);
            }
            default -> new LockStatus(state, Optional.empty(), OptionalLong.empty(), false, staleAfter, Optional.empty(),
                    Optional.empty(), false);
        };
    }

    /** The lock as this root's generation means it, paired with the outstanding deployment. */
    public static LockStatus of(ClusterSnapshot s, Instant now, Duration staleAfter) {
        Optional<Ledger> ledger = s.ledgerIfPresent();
        Optional<LedgerGeneration> generation = ledger.map(Ledger::generation);
        Optional<OutstandingDeployment> outstanding = ledger.flatMap(Ledger::outstanding);
        boolean v2 = generation.map(LedgerGeneration::isV2).orElse(true);
        if (!(s.lock() instanceof LockState.Held h)) {
            return new LockStatus(s.lock(), Optional.empty(), OptionalLong.empty(), false, staleAfter, Optional.empty(), outstanding, v2);
        }
        OptionalLong age = h.lock().age(now);
        LockOperation.Meaning meaning = LockOperation.of(h.lock().operation()).meaning(generation, outstanding, age,
                staleAfter.toSeconds());
        return new LockStatus(s.lock(), Optional.of(h.lock()), age, meaning.possiblyStale(), staleAfter, Optional.of(meaning),
                outstanding, v2);
    }

    /** "30 minutes", "2 hours", "1 hour 30 minutes". */
    static String threshold(Duration d) {
        long minutes = d.toMinutes();
        long h = minutes / 60;
        long m = minutes % 60;
        String hours = h == 0 ? "" : h + (h == 1 ? " hour" : " hours");
        String mins = m == 0 ? "" : m + (m == 1 ? " minute" : " minutes");
        return hours.isEmpty() ? (mins.isEmpty() ? "0 minutes" : mins) : mins.isEmpty() ? hours : hours + " " + mins;
    }

    public boolean free() {
        return state instanceof LockState.Free;
    }

    private boolean unreadable() {
        return state instanceof LockState.Unreadable;
    }

    public String ageText() {
        return ageSeconds.isPresent() ? Format.duration(ageSeconds.getAsLong()) : "unknown age";
    }

    /** "free" / "held by apply for 3h 12m" / "unreadable lock". */
    public Tagged badge() {
        if (free()) {
            return Tagged.ok("Lock free");
        }
        if (unreadable()) {
            return Tagged.danger("Unreadable lock");
        }
        String text = "Held by " + lock.orElseThrow().operation() + " for " + ageText();
        if (v2) {
            return new Tagged(text + (outstanding.isPresent() ? " · deployment outstanding" : ""),
                    outstanding.isPresent() ? Severity.DANGER : Severity.WARN);
        }
        return new Tagged(stale ? text + " · stale?" : text, stale ? Severity.DANGER : Severity.WARN);
    }

    /** One paragraph: what the lock means right now and what the admin may do. */
    public String explanation() {
        if (free()) {
            return v2 ? "No owner holds the state lock: a server, a deployment, an upgrade or a graph writer can take it."
                    + outstanding.map(o -> " Deployment " + o.id() + " is outstanding: " + o.reconcileCommand()
                            + " reconciles it.").orElse("")
                    : "No command holds the state lock. plan, apply, approve, refresh and import can take it.";
        }
        if (unreadable()) {
            LockState.Unreadable u = (LockState.Unreadable) state;
            return "A lock object exists but cannot be parsed (" + u.diagnostic().code() + "): " + u.diagnostic().message()
                    + ". It still blocks every locking command. Force unlock refuses it; inspect it in storage.";
        }
        LockFile l = lock.orElseThrow();
        if (v2 && meaning.isPresent()) {
            LockOperation.Meaning m = meaning.get();
            return "Lock " + l.lockId() + " (pid " + l.pid() + ", " + ageText() + " old) — " + m.summary() + ". While it is held, "
                    + "every other owner (server, deployment, upgrade, graph writer) is refused with state_lock_held; status and "
                    + "observe are not blocked. " + m.ageNote();
        }
        String base = "Taken by " + l.operation() + " (pid " + l.pid() + ") " + ageText() + " ago. While it is held, plan, apply, "
                + "approve, refresh and import refuse to start; status and serving are not blocked.";
        if (stale) {
            return base + " It is older than your threshold of " + threshold(staleAfter) + ": the command that took it has "
                    + "probably crashed. Make sure no " + l.operation() + " is running anywhere before you force-unlock it.";
        }
        return base + " OmniGraph has no lock expiry: a crashed command leaves it behind.";
    }
}
