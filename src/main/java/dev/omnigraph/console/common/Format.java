package dev.omnigraph.console.common;

import java.time.Duration;
import java.util.Locale;

/** Human formatting of sizes, rates and durations, shared by the window and the CLI. */
public final class Format {
    private Format() {}

    /** 1536 → "1.5 KiB". */
    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : "%.1f %s", v, units[u]);
    }

    /** Bytes per second → "12.4 MiB/s". */
    public static String rate(double bytesPerSecond) {
        return bytes((long) bytesPerSecond) + "/s";
    }

    /** 11_532 s → "3h 12m"; 75 s → "1m 15s"; 4 s → "4s". */
    public static String duration(long seconds) {
        if (seconds < 0) {
            return "–";
        }
        long d = seconds / 86_400;
        long h = (seconds % 86_400) / 3_600;
        long m = (seconds % 3_600) / 60;
        long s = seconds % 60;
        if (d > 0) {
            return d + "d " + h + "h";
        }
        if (h > 0) {
            return h + "h " + m + "m";
        }
        if (m > 0) {
            return m + "m " + s + "s";
        }
        return s + "s";
    }

    public static String duration(Duration d) {
        return duration(d.toSeconds());
    }

    /** Seconds with two decimals, for measured times. */
    public static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.2f s", d.toNanos() / 1e9);
    }

    /** Thousands separators: 100000 → "100,000". */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** The first 12 characters of a digest, for narrow columns. */
    public static String shortDigest(String digest) {
        if (digest == null) {
            return "–";
        }
        String d = digest.startsWith("sha256:") ? digest.substring(7) : digest;
        return d.length() <= 12 ? d : d.substring(0, 12) + "…";
    }
}
