package dev.omnigraph.console.cluster.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UlidAndRfc3339Test {

    @Test
    void ulidShapeTimestampAndRoundTrip() {
        Instant now = Instant.parse("2026-08-18T10:05:09.114Z");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            Ulid ulid = Ulid.generate(now);
            String text = ulid.toString();
            assertThat(text).hasSize(26).matches("[0-7][0-9A-HJKMNP-TV-Z]{25}");
            assertThat(ulid.timestamp()).isEqualTo(now);
            assertThat(Ulid.parseOrNull(text)).isEqualTo(ulid);
            seen.add(text);
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void fixtureUlidsEncodeTheirTimestamps() {
        // the fixtures README: ULID time prefix matches the timestamp
        assertThat(Ulid.parseOrNull("01M0A59Z3TJRHTKBKT6GJM96E7").timestamp())
                .isEqualTo(Instant.parse("2026-08-18T10:05:09.114Z"));
        assertThat(Ulid.parseOrNull("01M0A536TR00EGJV9Q6X1FK81S").timestamp().toString()).startsWith("2026-08-18T10:01:27");
    }

    @Test
    void ulidEncodingMatchesKnownVector() {
        Ulid zero = Ulid.generate(Instant.EPOCH, new Random() {
            @Override
            public long nextLong() {
                return 0;
            }
        });
        assertThat(zero.toString()).isEqualTo("00000000000000000000000000");
        assertThat(Ulid.parseOrNull("7ZZZZZZZZZZZZZZZZZZZZZZZZZ").toString()).isEqualTo("7ZZZZZZZZZZZZZZZZZZZZZZZZZ");
        assertThat(Ulid.isValid("8ZZZZZZZZZZZZZZZZZZZZZZZZZ")).isFalse();
        assertThat(Ulid.isValid("01M0A59Z3TJRHTKBKT6GJM96EU")).isFalse();
        assertThat(Ulid.isValid("01ROW4")).isFalse();
        assertThat(Ulid.parseOrNull("01m0a59z3tjrhtkbkt6gjm96e7").toString()).isEqualTo("01M0A59Z3TJRHTKBKT6GJM96E7");
    }

    @ParameterizedTest
    @CsvSource({
        "2026-08-18T10:05:09.114870552Z, 2026-08-18T10:05:09.114870552Z",
        "2026-08-12T14:20:02.55019874Z, 2026-08-12T14:20:02.550198740Z",
        "1970-01-01T00:00:00Z, 1970-01-01T00:00:00Z",
        "1970-01-01t00:00:00z, 1970-01-01T00:00:00Z",
        "1970-01-01 00:00:00.5Z, 1970-01-01T00:00:00.500Z",
        "1970-01-01T00:00:00.1234567891234Z, 1970-01-01T00:00:00.123456789Z",
        "2026-08-18T12:05:09+02:00, 2026-08-18T10:05:09Z",
        "2026-08-18T00:05:09-23:59, 2026-08-19T00:04:09Z",
        "2016-12-31T23:59:60Z, 2016-12-31T23:59:59.999999999Z",
    })
    void parsesLikeTheTimeCrate(String text, String expected) {
        assertThat(Rfc3339.parse(text)).contains(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-08-18", "2026-08-18T10:05:09", "2026-08-18T10:05:09.Z", "2026-13-01T00:00:00Z",
        "2026-02-30T00:00:00Z", "2026-08-18T24:00:00Z", "2026-08-18T10:05:09+24:00", "2026-08-18T10:05:09+02:60",
        "2026-08-18T10:05:09Z ", "26-08-18T10:05:09Z", "2026-08-18T10:05:09+0200", "2016-12-30T23:59:60Z",
        "2026-08-18\u00e910:05:09Z", ""})
    void rejectsWhatTheTimeCrateRejects(String text) {
        assertThat(Rfc3339.parse(text)).isEmpty();
    }

    @Test
    void formatsWithTrimmedFraction() {
        assertThat(Rfc3339.format(Instant.parse("2026-08-12T14:20:02.550198740Z"))).isEqualTo("2026-08-12T14:20:02.55019874Z");
        assertThat(Rfc3339.format(Instant.parse("2026-08-12T14:20:02Z"))).isEqualTo("2026-08-12T14:20:02Z");
        assertThat(Rfc3339.format(Instant.parse("2026-08-12T14:20:02.100Z"))).isEqualTo("2026-08-12T14:20:02.1Z");
        assertThat(Rfc3339.format(Instant.parse("0001-01-01T00:00:00.000000001Z"))).isEqualTo("0001-01-01T00:00:00.000000001Z");
        assertThat(Rfc3339.format(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00Z");
    }
}
