package dev.omnigraph.console.cluster.model;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Objects;
import java.util.Random;

/**
 * A ULID like the {@code ulid} crate's {@code Ulid::new().to_string()} that upstream uses for lock,
 * approval and operation ids: 128 bits = 48-bit Unix time in milliseconds + 80 random bits,
 * rendered as 26 upper-case Crockford base32 characters ({@code 0-9A-Z} without {@code I L O U}).
 * Generation is not monotonic within a millisecond (neither is {@code Ulid::new}).
 */
public final class Ulid {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long MAX_TIMESTAMP = (1L << 48) - 1;

    private final long high;
    private final long low;

    private Ulid(long high, long low) {
        this.high = high;
        this.low = low;
    }

    /** A fresh ULID for {@code now} with 80 bits from a {@link SecureRandom}. */
    public static Ulid generate(Instant now) {
        return generate(now, RANDOM);
    }

    static Ulid generate(Instant now, Random random) {
        long millis = now.toEpochMilli();
        if (millis < 0 || millis > MAX_TIMESTAMP) {
            throw new IllegalArgumentException("timestamp outside the 48-bit ULID range: " + now);
        }
        long randomHigh = random.nextLong() & 0xFFFFL; // 16 bits
        long randomLow = random.nextLong(); // 64 bits
        return new Ulid((millis << 16) | randomHigh, randomLow);
    }

    /** Parses a canonical 26-character ULID (case-insensitive); null when malformed. */
    public static Ulid parseOrNull(String text) {
        if (text == null || text.length() != 26) {
            return null;
        }
        long high = 0;
        long low = 0;
        for (int i = 0; i < 26; i++) {
            int value = decode(Character.toUpperCase(text.charAt(i)));
            if (value < 0 || (i == 0 && value > 7)) {
                return null;
            }
            // shift the 128-bit (high, low) left by 5 and add value
            high = (high << 5) | (low >>> 59);
            low = (low << 5) | value;
        }
        return new Ulid(high, low);
    }

    /**
     * True when {@code text} is a ULID in upstream's canonical form: it parses and re-prints
     * identically (26 upper-case Crockford characters, first one {@code 0}-{@code 7}). This is the
     * check ledger v2 applies to ledger ids, deployment nonces and schema identity domains.
     */
    public static boolean isCanonical(String text) {
        Ulid parsed = parseOrNull(text);
        return parsed != null && parsed.toString().equals(text);
    }

    /** True when {@code text} is a canonical ULID string. */
    public static boolean isValid(String text) {
        return parseOrNull(text) != null;
    }

    /** The embedded millisecond timestamp. */
    public Instant timestamp() {
        return Instant.ofEpochMilli(high >>> 16);
    }

    @Override
    public String toString() {
        char[] out = new char[26];
        long h = high;
        long l = low;
        for (int i = 25; i >= 0; i--) {
            out[i] = ALPHABET[(int) (l & 0x1F)];
            l = (l >>> 5) | (h << 59);
            h = h >>> 5;
        }
        return new String(out);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Ulid u && u.high == high && u.low == low;
    }

    @Override
    public int hashCode() {
        return Objects.hash(high, low);
    }

    private static int decode(char c) {
        for (int i = 0; i < ALPHABET.length; i++) {
            if (ALPHABET[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
