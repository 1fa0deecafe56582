package dev.omnigraph.console.cluster.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LockFileTest {

    @Test
    void fixtureLockParsesAndReRendersByteForByte() throws Exception {
        byte[] bytes = Fixtures.bytes(Fixtures.CLUSTER + "lock.json");
        LockFile lock = LockFile.parse(bytes);
        assertThat(lock.version()).isEqualTo(1);
        assertThat(lock.lockId()).isEqualTo("01M0A59Z3TJRHTKBKT6GJM96E7");
        assertThat(lock.operation()).isEqualTo("apply");
        assertThat(lock.createdAt()).isEqualTo("2026-08-18T10:05:09.114870552Z");
        assertThat(lock.pid()).isEqualTo(48213);

        LockFile rebuilt = new LockFile(1, lock.lockId(), lock.operation(), lock.createdAt(), lock.pid());
        assertThat(rebuilt.toBytes()).isEqualTo(bytes);
        assertThat(new String(rebuilt.toBytes(), StandardCharsets.UTF_8)).doesNotEndWith("\n");
    }

    @Test
    void createdLockRoundTripsAndHasUpstreamShape() throws Exception {
        Instant now = Instant.parse("2026-08-18T10:05:09.114870552Z");
        LockFile lock = LockFile.create("console", now, 4_294_967_295L);
        assertThat(lock.version()).isEqualTo(1);
        assertThat(lock.createdAt()).isEqualTo("2026-08-18T10:05:09.114870552Z");
        assertThat(lock.lockId()).hasSize(26).matches("[0-7][0-9A-HJKMNP-TV-Z]{25}");
        assertThat(Ulid.parseOrNull(lock.lockId()).timestamp()).isEqualTo(Instant.ofEpochMilli(now.toEpochMilli()));

        String text = new String(lock.toBytes(), StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("{\n  \"version\": 1,\n  \"lock_id\": \"" + lock.lockId()
                + "\",\n  \"operation\": \"console\",\n  \"created_at\": \"2026-08-18T10:05:09.114870552Z\",\n"
                + "  \"pid\": 4294967295\n}");
        assertThat(LockFile.parse(lock.toBytes())).isEqualTo(lock);
        assertThat(LockFile.create("console", now, 1).lockId()).isNotEqualTo(lock.lockId());
    }

    @Test
    void operationLabelsAreEscapedLikeSerde() throws Exception {
        LockFile lock = new LockFile(1, "id", "say \"hi\"\\\n\u0001é/", "t", 1);
        String text = new String(lock.toBytes(), StandardCharsets.UTF_8);
        assertThat(text).contains("\"operation\": \"say \\\"hi\\\"\\\\\\n\\u0001é/\"");
        assertThat(LockFile.parse(lock.toBytes()).operation()).isEqualTo(lock.operation());
    }

    @ParameterizedTest
    @CsvSource({
        "negative/lock.version-2.json, unsupported_state_lock_version, lock.version",
        "negative/lock.extra-field.json, invalid_state_lock, lock.host",
        "negative/lock.truncated.json, invalid_state_lock, lock",
    })
    void negativeLocksFailWithUpstreamCodes(String file, String code, String path) {
        assertThatThrownBy(() -> LockFile.parse(Fixtures.bytes(file)))
                .isInstanceOfSatisfying(WireFormatException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.diagnostic().path()).isEqualTo(path);
                });
    }

    @Test
    void pidMustBeAU32() {
        assertThatThrownBy(() -> LockFile.parse(Fixtures.utf8("{\"version\":1,\"lock_id\":\"x\",\"operation\":\"plan\","
                + "\"created_at\":\"1970-01-01T00:00:00Z\",\"pid\":4294967296}")))
                .isInstanceOfSatisfying(WireFormatException.class, e -> {
                    assertThat(e.code()).isEqualTo("invalid_state_lock");
                    assertThat(e.diagnostic().path()).isEqualTo("lock.pid");
                });
        assertThatThrownBy(() -> LockFile.parse(Fixtures.utf8("{\"version\":1,\"lock_id\":\"x\",\"operation\":\"plan\","
                + "\"created_at\":\"1970-01-01T00:00:00Z\"}")))
                .isInstanceOfSatisfying(WireFormatException.class,
                        e -> assertThat(e.diagnostic().path()).isEqualTo("lock.pid"));
        assertThatThrownBy(() -> LockFile.create("x", Instant.EPOCH, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invalidVersionTypeIsAParseErrorNotAVersionError() {
        assertThatThrownBy(() -> LockFile.parse(Fixtures.utf8("{\"version\":\"2\",\"lock_id\":\"x\",\"operation\":\"plan\","
                + "\"created_at\":\"1970-01-01T00:00:00Z\",\"pid\":1}")))
                .isInstanceOfSatisfying(WireFormatException.class,
                        e -> assertThat(e.code()).isEqualTo("invalid_state_lock"));
    }

    @Test
    void ageIsWholeSecondsFlooredAtZero() {
        LockFile lock = new LockFile(1, "x", "plan", "2026-08-18T10:05:09.9Z", 1);
        assertThat(lock.age(Instant.parse("2026-08-18T10:05:19.899Z"))).isEqualTo(OptionalLong.of(9));
        assertThat(lock.age(Instant.parse("2026-08-18T10:05:19.900Z"))).isEqualTo(OptionalLong.of(10));
        assertThat(lock.age(Instant.parse("2026-08-18T10:05:00Z"))).isEqualTo(OptionalLong.of(0));
        assertThat(new LockFile(1, "x", "plan", "yesterday", 1).age(Instant.now())).isEmpty();
        assertThat(new LockFile(1, "x", "plan", "2026-08-18T12:05:09+02:00", 1)
                .age(Instant.parse("2026-08-18T10:06:09Z"))).isEqualTo(OptionalLong.of(60));
    }
}
