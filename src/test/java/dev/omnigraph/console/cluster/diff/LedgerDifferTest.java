package dev.omnigraph.console.cluster.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnigraph.console.cluster.history.LedgerCopy;
import dev.omnigraph.console.cluster.model.ResourceKind;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The structural diff on the shared fixtures' ledgers and variants, with every expected change asserted. */
class LedgerDifferTest {
    private static final String GRAPH_KNOWLEDGE = "1c8a018a66fb3a3d099fd075e0fbd53cf07da585cea49f8bcb3d2bdd8f1a2b0a";

    private static LedgerCopy copy(String name, byte[] bytes) {
        return LedgerCopy.of(name, bytes, null, null);
    }

    private static LedgerCopy fixture() {
        return copy("fixture", LedgerJson.stateBytes());
    }

    @Test
    void fixtureAgainstTheMinimalVariant() {
        LedgerDiff d = LedgerDiffer.diff(fixture(), copy("minimal", LedgerJson.fixtureBytes("variants/state.minimal.json")));
        StructuralDiff s = d.structure().orElseThrow();
        assertThat(s.revision()).isEqualTo(new Compared<>(17L, 0L));
        assertThat(s.configDigest().after()).isEqualTo("old");
        assertThat(s.resources()).extracting(ResourceChange::address, ResourceChange::change).containsExactly(
                org.assertj.core.groups.Tuple.tuple("graph.knowledge", ChangeKind.CHANGED),
                org.assertj.core.groups.Tuple.tuple("graph.scratch", ChangeKind.REMOVED),
                org.assertj.core.groups.Tuple.tuple("policy.base", ChangeKind.REMOVED),
                org.assertj.core.groups.Tuple.tuple("policy.server", ChangeKind.REMOVED),
                org.assertj.core.groups.Tuple.tuple("provider.embedding.default", ChangeKind.REMOVED),
                org.assertj.core.groups.Tuple.tuple("query.knowledge.find_person", ChangeKind.REMOVED),
                org.assertj.core.groups.Tuple.tuple("query.knowledge.list_people", ChangeKind.REMOVED),
                org.assertj.core.groups.Tuple.tuple("schema.knowledge", ChangeKind.REMOVED),
                org.assertj.core.groups.Tuple.tuple("schema.scratch", ChangeKind.REMOVED));
        assertThat(s.resource("graph.knowledge").orElseThrow().fields()).containsExactly(
                new FieldChange("digest", GRAPH_KNOWLEDGE, "old-graph"),
                new FieldChange("embedding_provider", "provider.embedding.default", null),
                new FieldChange("external_blob_policy",
                        "{\"mode\":\"allow\",\"bases\":[{\"uri\":\"s3://assets-bucket/knowledge/\",\"scope\":\"server_safe\"}]}", null),
                new FieldChange("status", "applied", null));
        assertThat(s.resource("policy.base").orElseThrow().kind()).isEqualTo(ResourceKind.POLICY);
        assertThat(s.resource("policy.base").orElseThrow().fields()).containsExactly(
                new FieldChange("digest", "56e2020ccb7cc5c4b31f66dee6f83e11d6ab3771b6a8d376c0ac59d824916032", null),
                new FieldChange("applies_to", "[\"graph.knowledge\"]", null),
                new FieldChange("status", "applied", null));
        assertThat(s.records()).extracting(RecordChange::section, RecordChange::key, RecordChange::change).containsExactly(
                org.assertj.core.groups.Tuple.tuple(RecordSection.APPROVAL_RECORDS, "01KZNF31Y6T9NS5SEZX35HGNFY", ChangeKind.REMOVED),
                org.assertj.core.groups.Tuple.tuple(RecordSection.RECOVERY_RECORDS, "01KZV4HH53RCG7RASTQRAA0DB9", ChangeKind.REMOVED),
                org.assertj.core.groups.Tuple.tuple(RecordSection.OBSERVATIONS, "graph.knowledge", ChangeKind.REMOVED),
                org.assertj.core.groups.Tuple.tuple(RecordSection.OBSERVATIONS, "graph.legacy", ChangeKind.REMOVED),
                org.assertj.core.groups.Tuple.tuple(RecordSection.OBSERVATIONS, "graph.scratch", ChangeKind.REMOVED));
        assertThat(s.record(RecordSection.APPROVAL_RECORDS, "01KZNF31Y6T9NS5SEZX35HGNFY").orElseThrow().fields()).containsExactly(
                new FieldChange("consumed_at", "2026-08-10T09:15:40.771208346Z", null),
                new FieldChange("consumed_by_operation", "apply", null));
    }

    @Test
    void fixtureAgainstTheLegacyObservationVariantComparesCanonicalObservations() {
        LedgerDiff d = LedgerDiffer.diff(fixture(), copy("legacy", LedgerJson.fixtureBytes("variants/state.legacy-observation.json")));
        StructuralDiff s = d.structure().orElseThrow();
        assertThat(s.revision()).isEqualTo(new Compared<>(17L, 42L));
        assertThat(s.configDigest().after()).isEqualTo("applied-config");
        assertThat(s.resource("graph.knowledge").orElseThrow().fields()).containsExactly(
                new FieldChange("digest", GRAPH_KNOWLEDGE, "graph-digest"),
                new FieldChange("embedding_provider", "provider.embedding.default", null),
                new FieldChange("external_blob_policy",
                        "{\"mode\":\"allow\",\"bases\":[{\"uri\":\"s3://assets-bucket/knowledge/\",\"scope\":\"server_safe\"}]}", null),
                new FieldChange("conditions", null, "[\"healthy\"]"),
                new FieldChange("message", null, "ready"));
        // the legacy manifest_version was canonicalized to graph_manifest_version on read
        RecordChange knowledge = s.record(RecordSection.OBSERVATIONS, "graph.knowledge").orElseThrow();
        assertThat(knowledge.change()).isEqualTo(ChangeKind.CHANGED);
        assertThat(knowledge.field("graph_manifest_version")).contains(new FieldChange("graph_manifest_version", "42", "12"));
        assertThat(knowledge.field("manifest_version")).isEmpty();
        assertThat(knowledge.field("kind")).contains(new FieldChange("kind", "graph", null));
        assertThat(knowledge.field("error")).contains(new FieldChange("error", "null", null));
        assertThat(s.records(RecordSection.OBSERVATIONS)).extracting(RecordChange::key, RecordChange::change).containsExactly(
                org.assertj.core.groups.Tuple.tuple("graph.knowledge", ChangeKind.CHANGED),
                org.assertj.core.groups.Tuple.tuple("graph.legacy", ChangeKind.REMOVED),
                org.assertj.core.groups.Tuple.tuple("graph.scratch", ChangeKind.REMOVED));
    }

    @Test
    void minimalAgainstNoConfigDigestVariant() {
        StructuralDiff s = LedgerDiffer.diff(copy("minimal", LedgerJson.fixtureBytes("variants/state.minimal.json")),
                copy("empty", LedgerJson.fixtureBytes("variants/state.no-config-digest.json"))).structure().orElseThrow();
        assertThat(s.revision()).isEqualTo(new Compared<>(0L, 1L));
        assertThat(s.configDigest()).isEqualTo(new Compared<>("old", null));
        assertThat(s.resources()).singleElement().satisfies(r -> {
            assertThat(r.address()).isEqualTo("graph.knowledge");
            assertThat(r.change()).isEqualTo(ChangeKind.REMOVED);
            assertThat(r.fields()).containsExactly(new FieldChange("digest", "old-graph", null));
        });
        assertThat(s.records()).isEmpty();
    }

    @Test
    void anApplyStyleChangeShowsEveryKindOfField() {
        byte[] after = LedgerJson.editedState(t -> {
            t.put("state_revision", 18);
            ((ObjectNode) t.path("applied_revision")).put("config_digest", "d18c533b1dc534b2a25fbc150dfe16dfafad5bf6ae2e99b91dd9ef9334f550f0");
            LedgerJson.resource(t, "schema.knowledge").put("digest", "3bdb4191b83af53d9f3fbd9281d137188287db7ae342e2d2f311146a0198fb09");
            LedgerJson.resource(t, "policy.base").putArray("applies_to").add("graph.knowledge").add("graph.scratch");
            ((ObjectNode) LedgerJson.resource(t, "provider.embedding.default").path("embedding_profile")).put("model", "m2");
            LedgerJson.resources(t).remove("graph.scratch");
            LedgerJson.resources(t).remove("schema.scratch");
            ((ObjectNode) t.path("resource_statuses")).remove("graph.scratch");
            ((ObjectNode) t.path("resource_statuses")).remove("schema.scratch");
            ((ObjectNode) t.path("resource_statuses").path("policy.server")).put("status", "applied").remove(java.util.List.of("conditions", "message"));
            ObjectNode rec = ((ObjectNode) t.path("approval_records")).putObject("01M0A536TR00EGJV9Q6X1FK81S");
            rec.put("consumed_at", "2026-08-18T10:06:00Z");
            rec.put("consumed_by_operation", "apply");
            ObjectNode tomb = ((ObjectNode) t.path("observations")).putObject("graph.scratch");
            tomb.put("kind", "tombstone");
            tomb.put("deleted_at", "2026-08-18T10:06:00Z");
            tomb.put("approval_id", "01M0A536TR00EGJV9Q6X1FK81S");
            tomb.put("actor", "andrew");
        });
        StructuralDiff s = LedgerDiffer.diff(fixture(), copy("after", after)).structure().orElseThrow();
        assertThat(s.revision()).isEqualTo(new Compared<>(17L, 18L));
        assertThat(s.configDigest().changed()).isTrue();
        assertThat(s.resource("schema.knowledge").orElseThrow().fields()).containsExactly(new FieldChange("digest",
                "3dc78563c26fd207793d549d050ab51123a6609b9bada73c7864a73c5d17856e",
                "3bdb4191b83af53d9f3fbd9281d137188287db7ae342e2d2f311146a0198fb09"));
        assertThat(s.resource("policy.base").orElseThrow().fields()).containsExactly(
                new FieldChange("applies_to", "[\"graph.knowledge\"]", "[\"graph.knowledge\",\"graph.scratch\"]"));
        assertThat(s.resource("provider.embedding.default").orElseThrow().fields()).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("embedding_profile");
            assertThat(f.after()).contains("\"model\":\"m2\"").contains("${OPENROUTER_API_KEY}");
        });
        assertThat(s.resource("policy.server").orElseThrow().fields()).extracting(FieldChange::field)
                .containsExactly("status", "conditions", "message");
        assertThat(s.resource("graph.scratch").orElseThrow().change()).isEqualTo(ChangeKind.REMOVED);
        assertThat(s.resource("schema.scratch").orElseThrow().change()).isEqualTo(ChangeKind.REMOVED);
        assertThat(s.count(ChangeKind.CHANGED)).isEqualTo(4);
        assertThat(s.record(RecordSection.APPROVAL_RECORDS, "01M0A536TR00EGJV9Q6X1FK81S").orElseThrow().change())
                .isEqualTo(ChangeKind.ADDED);
        RecordChange scratch = s.record(RecordSection.OBSERVATIONS, "graph.scratch").orElseThrow();
        assertThat(scratch.change()).isEqualTo(ChangeKind.CHANGED);
        assertThat(scratch.field("kind")).contains(new FieldChange("kind", "graph", "tombstone"));
    }

    @Test
    void layoutOnlyDifferencesAreNotStructuralChangesButShowInTheRawDiff() {
        byte[] compact = dev.omnigraph.console.cluster.model.SerdeJson.compact(LedgerJson.tree(LedgerJson.stateBytes()))
                .getBytes(StandardCharsets.UTF_8);
        LedgerDiff d = LedgerDiffer.diff(fixture(), copy("compact", compact));
        assertThat(d.sameBytes()).isFalse();
        assertThat(d.structure().orElseThrow().identical()).isTrue();
        assertThat(d.raw().identical()).isFalse();
    }

    @Test
    void anInvalidSideStillGetsARawDiffAndSaysWhyThereIsNoStructure() {
        LedgerDiff d = LedgerDiffer.diff(fixture(), copy("unknown-field", LedgerJson.fixtureBytes("negative/state.unknown-field.json")));
        assertThat(d.structure()).isEmpty();
        assertThat(d.structureUnavailable().orElseThrow()).contains("B (unknown-field) is not a valid ledger (invalid_state_json");
        assertThat(d.raw().identical()).isFalse();
        assertThat(d.b().problem().orElseThrow().code()).isEqualTo("invalid_state_json");
    }

    @Test
    void inlineSecretsAreMaskedInEveryRendering() {
        byte[] leaked = LedgerJson.editedState(t -> ((ObjectNode) LedgerJson.resource(t, "provider.embedding.default")
                .path("embedding_profile")).put("api_key", "sk-live-SECRET"));
        LedgerDiff d = LedgerDiffer.diff(fixture(), copy("leaked", leaked));
        FieldChange f = d.structure().orElseThrow().resource("provider.embedding.default").orElseThrow().field("embedding_profile")
                .orElseThrow();
        assertThat(f.after()).contains(SecretMask.HIDDEN).doesNotContain("sk-live-SECRET");
        assertThat(LedgerDiffReport.text(d, true)).doesNotContain("sk-live-SECRET").contains(SecretMask.HIDDEN);
        assertThat(dev.omnigraph.console.cli.Json.write(LedgerDiffReport.json(d))).doesNotContain("sk-live-SECRET");

        byte[] leakedTwice = LedgerJson.editedState(t -> ((ObjectNode) LedgerJson.resource(t, "provider.embedding.default")
                .path("embedding_profile")).put("api_key", "sk-live-OTHER"));
        FieldChange g = LedgerDiffer.diff(copy("leaked", leaked), copy("other", leakedTwice)).structure().orElseThrow()
                .resource("provider.embedding.default").orElseThrow().field("embedding_profile").orElseThrow();
        assertThat(g.after()).endsWith("(a different hidden value)").doesNotContain("sk-live");
    }

    @Test
    void theTextReportNamesBothSidesAndEveryChange() {
        byte[] after = LedgerJson.editedState(t -> t.put("state_revision", 18));
        String text = LedgerDiffReport.text(LedgerDiffer.diff(fixture(), copy("after", after)), true);
        assertThat(text).contains("Revision         17 → 18").contains("-  \"state_revision\": 17,").contains("+  \"state_revision\": 18,");
    }
}
