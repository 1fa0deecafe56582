package dev.omnigraph.console.reliability;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, deterministically from a seed, which exchanges a {@link FaultProxy} spoils. The fate of
 * an exchange depends only on the seed, the request (method, path and query) and how often that
 * same request was seen before, never on timing or thread interleaving, so a run is reproducible
 * given its seed. Only the first {@code faultyAttempts} occurrences of a request can be spoiled:
 * a client that retries enough always gets through.
 *
 * @param seed           the seed
 * @param rate           the share of eligible exchanges that are spoiled (0..1)
 * @param kinds          the faults to choose from (each exchange gets one, among those that apply)
 * @param faultyAttempts how many occurrences of the same request may be spoiled
 * @param onlyMethod     only requests with this HTTP method are spoiled; null for all
 * @param targetContains only requests whose target (path and query, URL-encoded) contains this are spoiled; null for all
 */
public record FaultSchedule(long seed, double rate, Set<Fault> kinds, int faultyAttempts, String onlyMethod, String targetContains) {
    public static final FaultSchedule NONE = new FaultSchedule(0, 0, Set.of(), 0, null, null);

    public static FaultSchedule of(long seed, double rate, int faultyAttempts, Fault... kinds) {
        return new FaultSchedule(seed, rate, Set.of(kinds), faultyAttempts, null, null);
    }

    /** Every {@code method} request on one object (its target contains {@code targetContains}) spoiled with {@code kind}, every time. */
    public static FaultSchedule always(Fault kind, String method, String targetContains) {
        return new FaultSchedule(0, 1.0, Set.of(kind), Integer.MAX_VALUE, method, targetContains);
    }

    /** The fault for occurrence {@code occurrence} (1-based) of this request, if any. */
    Optional<Fault> decide(String method, String target, boolean conditionalWrite, int occurrence) {
        if (rate <= 0 || occurrence > faultyAttempts || (targetContains != null && !target.contains(targetContains))
                || (onlyMethod != null && !onlyMethod.equals(method))) {
            return Optional.empty();
        }
        List<Fault> eligible = kinds.stream().filter(k -> k.appliesTo(method, conditionalWrite)).sorted().toList();
        if (eligible.isEmpty()) {
            return Optional.empty();
        }
        long h = mix(seed ^ mix(method.hashCode() * 31L + target.hashCode()) ^ mix(occurrence * 0x9E3779B97F4A7C15L));
        double draw = (h >>> 11) * 0x1.0p-53;
        if (draw >= rate) {
            return Optional.empty();
        }
        return Optional.of(eligible.get((int) Math.floorMod(mix(h), (long) eligible.size())));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
