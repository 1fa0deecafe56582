package dev.omnigraph.console.ui.lock;

import dev.omnigraph.console.cluster.LockState;
import dev.omnigraph.console.cluster.model.LockFile;
import dev.omnigraph.console.common.Format;
import dev.omnigraph.console.ui.common.Severity;
import dev.omnigraph.console.ui.common.Tagged;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The lock as the console explains it: free, held by OPERATION for AGE (and whether that is past
 * the admin's staleness threshold), or present but unreadable (it still blocks every locking
 * command). Upstream has no TTL or liveness check (spec §5); "stale" is only a hint for the admin.
 *
 * @param ageSeconds whole seconds since {@code created_at} at {@code now}, empty when unknown
 */
public record LockStatus(LockState state, Optional<LockFile> lock, OptionalLong ageSeconds, boolean stale, Duration staleAfter) {

    public static LockStatus of(LockState state, Instant now, Duration staleAfter) {
        return switch (state) {
            case LockState.Held h -> {
                OptionalLong age = h.lock().age(now);
                boolean stale = age.isPresent() && age.getAsLong() >= staleAfter.toSeconds();
                yield new LockStatus(state, Optional.of(h.lock()), age, stale, staleAfter);
            }
            default -> new LockStatus(state, Optional.empty(), OptionalLong.empty(), false, staleAfter);
        };
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

    public boolean unreadable() {
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
        return new Tagged(stale ? text + " · stale?" : text, stale ? Severity.DANGER : Severity.WARN);
    }

    /** One paragraph: what the lock means right now and what the admin may do. */
    public String explanation() {
        if (free()) {
            return "No command holds the state lock. plan, apply, approve, refresh and import can take it.";
        }
        if (unreadable()) {
            LockState.Unreadable u = (LockState.Unreadable) state;
            return "A lock object exists but cannot be parsed (" + u.diagnostic().code() + "): " + u.diagnostic().message()
                    + ". It still blocks every locking command. Force unlock refuses it; inspect it in storage.";
        }
        LockFile l = lock.orElseThrow();
        String base = "Taken by " + l.operation() + " (pid " + l.pid() + ") " + ageText() + " ago. While it is held, plan, apply, "
                + "approve, refresh and import refuse to start; status and serving are not blocked.";
        if (stale) {
            return base + " It is older than your threshold of " + threshold(staleAfter) + ": the command that took it has "
                    + "probably crashed. Make sure no " + l.operation() + " is running anywhere before you force-unlock it.";
        }
        return base + " OmniGraph has no lock expiry: a crashed command leaves it behind.";
    }
}
