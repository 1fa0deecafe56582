package dev.omnigraph.console.backup;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A restore point's id: its UTC start time plus a short random suffix, e.g.
 * {@code 20261207T221530Z-3fa9c1}. Ids sort by time as strings, so a listing is already in order.
 */
public final class RestorePointId {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern SHAPE = Pattern.compile("\\d{8}T\\d{6}Z-[0-9a-f]{6}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private RestorePointId() {}

    public static String generate(Instant now) {
        byte[] suffix = new byte[3];
        RANDOM.nextBytes(suffix);
        return FORMAT.format(now) + "-" + HexFormat.of().formatHex(suffix);
    }

    public static boolean valid(String id) {
        return id != null && SHAPE.matcher(id).matches();
    }

    /** Returns the id, or throws with a sentence an admin can act on. */
    public static String check(String id) {
        if (!valid(id)) {
            throw new IllegalArgumentException("'" + id + "' is not a restore point id (expected e.g. 20261207T221530Z-3fa9c1; "
                    + "'backup list LOCATION' shows them)");
        }
        return id;
    }
}
