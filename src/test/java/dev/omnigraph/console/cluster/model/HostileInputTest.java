package dev.omnigraph.console.cluster.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hostile or malformed bytes must fail fast with the right code and a precise path, never crash. */
@Timeout(10)
class HostileInputTest {

    private static WireFormatException ledgerFailure(byte[] bytes) {
        try {
            Ledger.parse(bytes);
        } catch (WireFormatException e) {
            return e;
        }
        throw new AssertionError("expected the ledger to be rejected");
    }

    private static WireFormatException ledgerFailure(String json) {
        return ledgerFailure(Fixtures.utf8(json));
    }

    @Test
    void truncatedJson() {
        byte[] full = Fixtures.bytes(Fixtures.CLUSTER + "state.json");
        for (int cut : new int[] {0, 1, 50, full.length / 2, full.length - 3}) {
            WireFormatException e = ledgerFailure(Arrays.copyOf(full, cut));
            assertThat(e.code()).as("cut at %d", cut).isEqualTo("invalid_state_json");
            assertThat(e.diagnostic().path()).startsWith("state");
        }
        WireFormatException e = ledgerFailure(Arrays.copyOf(full, full.length / 2));
        assertThat(e.diagnostic().path()).startsWith("state.resource_statuses");
        assertThat(e.getMessage()).contains("line");
    }

    @Test
    void invalidUtf8IsAReadErrorNotReplacementCharacters() {
        byte[] bytes = Fixtures.utf8("{\"version\":1,\"applied_revision\":{\"config_digest\":\"ab\"}}");
        bytes[bytes.length - 6] = (byte) 0xC3; // a lead byte followed by an ASCII byte
        WireFormatException e = ledgerFailure(bytes);
        assertThat(e.code()).isEqualTo("state_read_error");
        assertThat(e.getMessage()).contains("not valid UTF-8").contains("byte offset 49");
        // overlong encoding of '/' and an encoded surrogate are rejected too
        assertThat(ledgerFailure(new byte[] {'"', (byte) 0xC0, (byte) 0xAF, '"'}).code()).isEqualTo("state_read_error");
        assertThat(ledgerFailure(new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}).code())
                .isEqualTo("state_read_error");
    }

    @Test
    void duplicateKeysAreRejectedWithTheirPath() throws Exception {
        WireFormatException e = ledgerFailure("{\"version\":1,\"version\":1,\"applied_revision\":{}}");
        assertThat(e.code()).isEqualTo("invalid_state_json");
        assertThat(e.diagnostic().path()).isEqualTo("state.version");
        assertThat(e.getMessage()).contains("duplicate field `version`");

        // inside a map or a free-form value the last one wins, as in serde_json (v0.13 spec §11.1), and is reported
        Ledger mapDuplicate = Ledger.parse(Fixtures.utf8(
                "{\"version\":1,\"applied_revision\":{},\"observations\":{\"graph.a\":{\"x\":1,\"x\":2}}}"));
        assertThat(mapDuplicate.observations().get("graph.a").get("x").asInt()).isEqualTo(2);
        assertThat(mapDuplicate.duplicateMapKeys()).containsExactly("state.observations.graph.a.x");
        e = ledgerFailure("{\"version\":1,\"applied_revision\":{\"resources\":{\"schema.a\":{\"digest\":\"x\",\"digest\":\"y\"}}}}");
        assertThat(e.diagnostic().path()).isEqualTo("state.applied_revision.resources.schema.a.digest");
        assertThat(e.getMessage()).contains("duplicate field `digest`");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"version\":\"1\",\"applied_revision\":{}}              | state.version | invalid type: string \"1\", expected u32",
        "{\"version\":1.0,\"applied_revision\":{}}                | state.version | invalid type: floating point",
        "{\"version\":-1,\"applied_revision\":{}}                 | state.version | invalid value: integer `-1`, expected u32",
        "{\"version\":4294967296,\"applied_revision\":{}}         | state.version | invalid value: integer `4294967296`, expected u32",
        "{\"version\":true,\"applied_revision\":{}}               | state.version | invalid type: boolean `true`",
        "{\"version\":1,\"state_revision\":18446744073709551616,\"applied_revision\":{}} | state.state_revision | expected u64",
        "{\"version\":1,\"state_revision\":-0,\"applied_revision\":{}} | state.state_revision | floating point",
        "{\"version\":1,\"state_revision\":\"17\",\"applied_revision\":{}} | state.state_revision | expected u64",
        "{\"version\":1,\"applied_revision\":[]}                  | state.applied_revision | invalid type: sequence",
        "{\"version\":1,\"applied_revision\":{\"config_digest\":7}} | state.applied_revision.config_digest | expected a string",
        "{\"version\":1,\"applied_revision\":{\"resources\":{\"p\":{\"digest\":\"d\",\"applies_to\":[1]}}}} | state.applied_revision.resources.p.applies_to[0] | expected a string",
        "[]                                                        | state | invalid type: sequence",
    })
    void wrongTypesAreNotCoerced(String json, String path, String message) {
        WireFormatException e = ledgerFailure(json);
        assertThat(e.code()).isEqualTo("invalid_state_json");
        assertThat(e.diagnostic().path()).isEqualTo(path);
        assertThat(e.getMessage()).contains(message);
    }

    @Test
    void largestUnsignedValuesAreAccepted() throws Exception {
        Ledger ledger = Ledger.parse(Fixtures.utf8(
                "{\"version\":1,\"state_revision\":18446744073709551615,\"applied_revision\":{}}"));
        assertThat(Long.toUnsignedString(ledger.stateRevision())).isEqualTo("18446744073709551615");
    }

    @Test
    void numbersOutOfF64RangeAreRejectedEvenInFreeFormMaps() {
        WireFormatException e = ledgerFailure(
                "{\"version\":1,\"applied_revision\":{},\"observations\":{\"graph.a\":{\"v\":1e400}}}");
        assertThat(e.code()).isEqualTo("invalid_state_json");
        assertThat(e.diagnostic().path()).isEqualTo("state.observations.graph.a.v");
        assertThat(e.getMessage()).contains("number out of range");
        assertThat(ledgerFailure("{\"version\":1,\"applied_revision\":{},\"observations\":{\"a\":-1"
                + "0".repeat(400) + "}}").getMessage()).contains("number out of range");
    }

    @Test
    void twoToTheSixtyFourIsAFloatInFreeFormMaps() throws Exception {
        Ledger ledger = Ledger.parse(Fixtures.utf8(
                "{\"version\":1,\"applied_revision\":{},\"observations\":{\"a\":{\"n\":18446744073709551616}}}"));
        assertThat(ledger.observations().get("a").get("n").isDouble()).isTrue();
    }

    @Test
    void deepNestingFailsFastWithoutStackOverflow() {
        String deep = "{\"version\":1,\"applied_revision\":{},\"observations\":{\"a\":" + "[".repeat(100_000);
        long start = System.nanoTime();
        WireFormatException e = ledgerFailure(deep);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(e.code()).isEqualTo("invalid_state_json");
        assertThat(e.getMessage()).contains("recursion limit");
        assertThat(e.diagnostic().path()).startsWith("state.observations.a[0][0]");

        assertThat(ledgerFailure("[".repeat(100_000)).code()).isEqualTo("invalid_state_json");
    }

    @Test
    void nestingUpToSerdeLimitIsAccepted() throws Exception {
        // top object + observations + 125 arrays = 127 levels, serde_json's maximum
        String value = "[".repeat(125) + "]".repeat(125);
        Ledger.parse(Fixtures.utf8("{\"version\":1,\"applied_revision\":{},\"observations\":{\"a\":" + value + "}}"));
        String tooDeep = "[".repeat(126) + "]".repeat(126);
        assertThat(ledgerFailure("{\"version\":1,\"applied_revision\":{},\"observations\":{\"a\":" + tooDeep + "}}")
                .getMessage()).contains("recursion limit");
    }

    @Test
    void oversizeInputIsRefusedBeforeParsing() {
        byte[] huge = new byte[(int) WireLimits.STATE_JSON_MAX_BYTES + 1];
        Arrays.fill(huge, (byte) ' ');
        WireFormatException e = ledgerFailure(huge);
        assertThat(e.code()).isEqualTo("state_read_error");
        assertThat(e.getMessage()).contains("limit");

        byte[] bigLock = new byte[(int) WireLimits.LOCK_MAX_BYTES + 1];
        assertThatThrownBy(() -> LockFile.parse(bigLock)).isInstanceOfSatisfying(WireFormatException.class,
                ex -> assertThat(ex.code()).isEqualTo("state_lock_read_error"));
        byte[] bigApproval = new byte[(int) WireLimits.APPROVAL_MAX_BYTES + 1];
        assertThat(ApprovalArtifact.parse(bigApproval, null).diagnostics())
                .extracting(Diagnostic::code).containsExactly("invalid_approval_artifact");
    }

    @Test
    void rawControlCharactersInKeysAreRejected() {
        WireFormatException e = ledgerFailure("{\"version\":1,\"applied_revision\":{},\"observations\":{\"a\u0001b\":1}}");
        assertThat(e.code()).isEqualTo("invalid_state_json");
        assertThat(e.diagnostic().path()).startsWith("state.observations");
        assertThat(e.getMessage()).containsIgnoringCase("CTRL-CHAR");
        // escaped control characters are valid JSON: fine in free-form maps, unknown in strict structs
        assertThat(ledgerFailure("{\"version\":1,\"applied_revision\":{},\"a\\u0001\":1}").getMessage())
                .contains("unknown field");
    }

    @Test
    void loneSurrogatesBomAndTrailingGarbageAreRejected() {
        assertThat(ledgerFailure("{\"version\":1,\"applied_revision\":{\"config_digest\":\"\\ud800\"}}").getMessage())
                .contains("lone surrogate");
        assertThat(ledgerFailure("\uFEFF{\"version\":1,\"applied_revision\":{}}").getMessage())
                .contains("byte-order mark");
        assertThat(ledgerFailure("{\"version\":1,\"applied_revision\":{}} {}").getMessage()).contains("trailing");
        assertThat(ledgerFailure("{\"version\":1,\"applied_revision\":{}} x").getMessage()).contains("trailing");
        assertThat(ledgerFailure("{\"version\":1,\"applied_revision\":{},}").code()).isEqualTo("invalid_state_json");
        assertThat(ledgerFailure("{'version':1}").code()).isEqualTo("invalid_state_json");
        assertThat(ledgerFailure("{\"version\":01,\"applied_revision\":{}}").code()).isEqualTo("invalid_state_json");
        assertThat(ledgerFailure("{\"version\":NaN,\"applied_revision\":{}}").code()).isEqualTo("invalid_state_json");
        assertThat(ledgerFailure("").getMessage()).contains("EOF");
    }

    @Test
    void validSurrogatePairsAndWhitespaceAreAccepted() throws Exception {
        Ledger ledger = Ledger.parse(Fixtures.utf8(" \n{\"version\":1,\"applied_revision\":{\"config_digest\":\"\\ud83d\\ude00\"}}\n\t "));
        assertThat(ledger.configDigest()).isEqualTo("\uD83D\uDE00");
    }
}
