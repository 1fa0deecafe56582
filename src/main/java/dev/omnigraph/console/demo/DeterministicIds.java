package dev.omnigraph.console.demo;

import dev.omnigraph.console.storage.Hashing;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * Well-formed but reproducible ULIDs for the v0.13 demo clusters: the 48-bit millisecond time of an
 * event plus 80 bits taken from the SHA-256 of a label (the rule the v0.13 fixture generator uses),
 * so one scenario always yields the same ledger, bundles and lock bytes.
 */
final class DeterministicIds {
    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private DeterministicIds() {}

    /** The ULID for {@code ms} whose random part is the first 10 bytes of sha256(tag). */
    static String ulid(long ms, String tag) {
        byte[] hash = Hashing.sha256().digest(tag.getBytes(StandardCharsets.UTF_8));
        BigInteger random = new BigInteger(1, Arrays.copyOf(hash, 10));
        BigInteger n = BigInteger.valueOf(ms).shiftLeft(80).or(random);
        char[] out = new char[26];
        for (int i = 25; i >= 0; i--) {
            out[i] = CROCKFORD.charAt(n.intValue() & 31);
            n = n.shiftRight(5);
        }
        return new String(out);
    }

    /** Milliseconds since the epoch of an RFC 3339 UTC time (sub-millisecond digits dropped). */
    static long ms(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    static String ulid(String iso, String tag) {
        return ulid(ms(iso), tag);
    }
}
