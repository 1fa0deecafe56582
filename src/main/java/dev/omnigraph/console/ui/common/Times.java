package dev.omnigraph.console.ui.common;

import dev.omnigraph.console.cluster.model.Rfc3339;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as the console shows them: "2026-11-23 22:55:29 UTC", to the second, always UTC like the stored values. */
public final class Times {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private Times() {}

    /** "–" for unknown. */
    public static String of(Instant instant) {
        return instant == null || instant.equals(Instant.EPOCH) ? "–" : FORMAT.format(instant);
    }

    /** An RFC 3339 string shortened to seconds; kept as stored when it is not RFC 3339. */
    public static String of(String rfc3339) {
        if (rfc3339 == null || rfc3339.isEmpty()) {
            return "";
        }
        return Rfc3339.parse(rfc3339).map(Times::of).orElse(rfc3339);
    }
}
