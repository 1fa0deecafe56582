package dev.omnigraph.console.cluster.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DeploymentIdAndLockOperationTest {

    private static final String ID = Fixtures013.OUTSTANDING_ID;

    @Test
    void aCanonicalIdParsesAndPrintsIdentically() throws Exception {
        DeploymentId id = DeploymentId.parse(ID, "x");
        assertThat(id.ledgerId()).isEqualTo(Fixtures013.LEDGER_ID);
        assertThat(id.sequence()).isEqualTo(4);
        assertThat(id.nonce()).isEqualTo("01M4GG4HY0D5R084W10TDZXC2S");
        assertThat(id.toString()).isEqualTo(ID);
        assertThat(id.acceptedAt()).isEqualTo(Ulid.parseOrNull("01M4GG4HY0D5R084W10TDZXC2S").timestamp())
                .isAfter(Instant.parse("2026-10-01T00:00:00Z"));
        assertThat(DeploymentId.parseOrNull(Fixtures013.LEDGER_ID + ":18446744073709551615:01M4GG4HY0D5R084W10TDZXC2S")
                .sequenceText()).isEqualTo("18446744073709551615");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a:b:c", "01m4dbvam0zra022tfx0sg719f:4:01m4gg4hy0d5r084w10tdzxc2s",
        "01M4DBVAM0ZRA022TFX0SG719F:04:01M4GG4HY0D5R084W10TDZXC2S", "01M4DBVAM0ZRA022TFX0SG719F:0:01M4GG4HY0D5R084W10TDZXC2S",
        "01M4DBVAM0ZRA022TFX0SG719F:+4:01M4GG4HY0D5R084W10TDZXC2S", "01M4DBVAM0ZRA022TFX0SG719F:4:01M4GG4HY0D5R084W10TDZXC2S:1",
        "01M4DBVAM0ZRA022TFX0SG719F:18446744073709551616:01M4GG4HY0D5R084W10TDZXC2S",
        "81M4DBVAM0ZRA022TFX0SG719F:4:01M4GG4HY0D5R084W10TDZXC2S", "01M4DBVAM0ZRA022TFX0SG719F:4:01M4GG4HY0D5R084W10TDZXC2U"})
    void malformedIdsAreDeploymentIdInvalid(String text) {
        assertThatThrownBy(() -> DeploymentId.parse(text, "state.outstanding.id")).isInstanceOfSatisfying(WireFormatException.class,
                e -> {
                    assertThat(e.code()).isEqualTo("deployment_id_invalid");
                    assertThat(e.diagnostic().path()).isEqualTo("state.outstanding.id");
                });
    }

    @ParameterizedTest
    @EnumSource(value = LockOperation.class, names = {"SERVE", "GRAPH_OPERATION", "DEPLOYMENT", "DEPLOYMENT_RECONCILE",
        "UPGRADE_LEDGER", "BOOTSTRAP", "UNKNOWN", "APPLY"})
    void aLockOnAV2RootIsNeverStaleFromItsAge(LockOperation op) {
        LockOperation.Meaning m = op.meaning(Optional.of(LedgerGeneration.V2), Optional.empty(), OptionalLong.of(365L * 86400), 60);
        assertThat(m.possiblyStale()).isFalse();
        assertThat(m.ageNote()).contains("age is not proof");
        assertThat(m.unlockBreaks()).contains("cluster_admission_lost");
        LockOperation.Meaning unknown = op.meaning(Optional.empty(), Optional.empty(), OptionalLong.of(365L * 86400), 60);
        assertThat(unknown.possiblyStale()).isFalse();
    }

    @Test
    void aV1LockKeepsTheAgeThreshold() {
        LockOperation.Meaning young = LockOperation.APPLY.meaning(Optional.of(LedgerGeneration.V1), Optional.empty(),
                OptionalLong.of(59), 60);
        LockOperation.Meaning old = LockOperation.APPLY.meaning(Optional.of(LedgerGeneration.V1), Optional.empty(),
                OptionalLong.of(60), 60);
        assertThat(young.possiblyStale()).isFalse();
        assertThat(old.possiblyStale()).isTrue();
        assertThat(old.unlockBreaks()).doesNotContain("cluster_admission_lost");
    }

    @Test
    void everyOperationLabelIsKnownAndTheOutstandingDeploymentDecidesTheNextStep() throws Exception {
        assertThat(LockOperation.of("serve")).isEqualTo(LockOperation.SERVE);
        assertThat(LockOperation.of("bootstrap_serving").era()).isEqualTo(LockOperation.Era.POST_V013);
        assertThat(LockOperation.of("import").era()).isEqualTo(LockOperation.Era.LEGACY_V1);
        assertThat(LockOperation.of("migrate-storage").era()).isEqualTo(LockOperation.Era.CONSOLE);
        assertThat(LockOperation.of("")).isEqualTo(LockOperation.UNKNOWN);
        assertThat(LockOperation.of("something-else")).isEqualTo(LockOperation.UNKNOWN);
        assertThat(LockOperation.SERVE.meaning(Optional.of(LedgerGeneration.V2), Optional.empty(), OptionalLong.empty(), 0)
                .nextStep()).contains("start the server");
        OutstandingDeployment o = Ledger.parse(Fixtures013.bytes("ledgers/state.v2.outstanding.json")).outstanding().orElseThrow();
        LockOperation.Meaning m = LockOperation.SERVE.meaning(Optional.of(LedgerGeneration.V2), Optional.of(o), OptionalLong.empty(), 0);
        assertThat(m.nextStep()).contains("cluster apply --deployment-id " + ID + " --writers-stopped", "never resubmit");
        assertThat(m.summary()).contains("outstanding");
    }
}
