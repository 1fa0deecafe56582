package dev.omnigraph.console.cluster.model;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoField;
import java.util.Optional;

/**
 * RFC 3339 timestamps exactly as upstream's {@code time} crate (0.3.47, {@code well_known::Rfc3339})
 * parses and formats them. Upstream writes {@code OffsetDateTime::now_utc().format(&Rfc3339)}.
 *
 * <p>Parsing: {@code YYYY-MM-DD}, any single ASCII separator, {@code HH:MM:SS}, an optional fraction
 * of one or more digits (digits past the ninth are ignored), then {@code Z}/{@code z} or
 * {@code ±HH:MM} (offset hour at most 23). A leap second {@code :60} is accepted only where it is
 * the last second of a UTC month and is read as {@code :59.999999999}. Nothing may follow.
 *
 * <p>Formatting: {@code YYYY-MM-DDTHH:MM:SS}, then {@code .} and the nanoseconds with trailing zeros
 * trimmed (nothing when zero), then {@code Z}.
 */
public final class Rfc3339 {

    private Rfc3339() {
    }

    /** Parses a timestamp; empty when upstream's parser would reject it. */
    public static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parseOrThrow(text));
        } catch (IllegalArgumentException | DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Instant parseOrThrow(String s) {
        Cursor c = new Cursor(s);
        int year = c.digits(4);
        c.literal('-');
        int month = c.digits(2);
        c.literal('-');
        int day = c.digits(2);
        c.anyAsciiSeparator();
        int hour = c.digits(2);
        c.literal(':');
        int minute = c.digits(2);
        c.literal(':');
        int second = c.digits(2);
        int nano = c.subsecondNanos();
        int offsetSeconds = c.offsetSeconds();
        if (c.pos != s.length()) {
            throw new IllegalArgumentException("trailing characters");
        }
        boolean leap = second == 60;
        if (leap) {
            second = 59;
            nano = 999_999_999;
        }
        LocalDate date = LocalDate.of(year, month, day);
        LocalDateTime local = LocalDateTime.of(date, java.time.LocalTime.of(hour, minute, second, nano));
        Instant instant = local.toInstant(ZoneOffset.UTC).minusSeconds(offsetSeconds);
        if (leap && !isLastSecondOfMonth(instant)) {
            throw new IllegalArgumentException("second");
        }
        return instant;
    }

    /** Where a leap second (:60) may stand: the last second of a month in UTC. */
    private static boolean isLastSecondOfMonth(Instant instant) {
        LocalDateTime utc = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        return utc.getHour() == 23 && utc.getMinute() == 59 && utc.getSecond() == 59
                && utc.getDayOfMonth() == utc.toLocalDate().lengthOfMonth();
    }

    /** Formats in UTC like the {@code time} crate; years outside 0000–9999 are rejected as upstream does. */
    public static String format(Instant instant) {
        LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            throw new IllegalArgumentException("RFC 3339 cannot represent year " + year);
        }
        StringBuilder out = new StringBuilder(30);
        pad(out, year, 4).append('-');
        pad(out, t.getMonthValue(), 2).append('-');
        pad(out, t.getDayOfMonth(), 2).append('T');
        pad(out, t.getHour(), 2).append(':');
        pad(out, t.getMinute(), 2).append(':');
        pad(out, t.getSecond(), 2);
        int nanos = t.get(ChronoField.NANO_OF_SECOND);
        if (nanos != 0) {
            String digits = String.format("%09d", nanos);
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            out.append('.').append(digits, 0, end);
        }
        return out.append('Z').toString();
    }

    private static StringBuilder pad(StringBuilder out, int value, int width) {
        String digits = Integer.toString(value);
        out.append("0".repeat(Math.max(0, width - digits.length()))).append(digits);
        return out;
    }

    private static final class Cursor {
        final String s;
        int pos;

        Cursor(String s) {
            this.s = s;
        }

        char peek() {
            return pos < s.length() ? s.charAt(pos) : '\0';
        }

        /** The optional fraction of a second ({@code .ddd…}, at least one digit) in nanoseconds; 0 when absent. */
        int subsecondNanos() {
            if (peek() != '.') {
                return 0;
            }
            pos++;
            int nano = 0;
            int multiplier = 100_000_000;
            int count = 0;
            while (Character.isDigit(peek()) && peek() < 128) {
                nano += (s.charAt(pos) - '0') * multiplier;
                multiplier /= 10;
                pos++;
                count++;
            }
            if (count == 0) {
                throw new IllegalArgumentException("subsecond");
            }
            return nano;
        }

        /** The offset ({@code Z}, {@code z} or {@code ±hh:mm}) in seconds east of UTC. */
        int offsetSeconds() {
            char z = peek();
            if (z == 'Z' || z == 'z') {
                pos++;
                return 0;
            }
            if (z != '+' && z != '-') {
                throw new IllegalArgumentException("offset");
            }
            pos++;
            int offsetHour = digits(2);
            if (offsetHour > 23) {
                throw new IllegalArgumentException("offset hour");
            }
            literal(':');
            int offsetMinute = digits(2);
            if (offsetMinute > 59) {
                throw new IllegalArgumentException("offset minute");
            }
            return (offsetHour * 3600 + offsetMinute * 60) * (z == '-' ? -1 : 1);
        }

        int digits(int n) {
            int value = 0;
            for (int i = 0; i < n; i++) {
                char ch = peek();
                if (ch < '0' || ch > '9') {
                    throw new IllegalArgumentException("digit expected at " + pos);
                }
                value = value * 10 + (ch - '0');
                pos++;
            }
            return value;
        }

        void literal(char expected) {
            if (peek() != expected) {
                throw new IllegalArgumentException("'" + expected + "' expected at " + pos);
            }
            pos++;
        }

        void anyAsciiSeparator() {
            // the time crate skips exactly one byte; a non-ASCII char is several UTF-8 bytes
            if (pos >= s.length() || s.charAt(pos) >= 128) {
                throw new IllegalArgumentException("separator");
            }
            pos++;
        }
    }
}
