package dev.omnigraph.console.cluster.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExternalBlobUrisTest {

    @ParameterizedTest
    @CsvSource({
        "s3://assets-bucket/knowledge/, s3://assets-bucket/knowledge/",
        "s3://Assets-Bucket/knowledge, s3://assets-bucket/knowledge/",
        "S3://bucket/a%20b/c, s3://bucket/a%20b/c/",
        "s3://bucket/a b/%7e/%41, s3://bucket/a%20b/~/A/",
        "s3://bucket/caf\u00e9, s3://bucket/caf%C3%A9/",
        "s3://bucket/, s3://bucket/",
        "s3://bucket:/x, s3://bucket/x/",
    })
    void normalizesServerSafeS3Bases(String raw, String expected) throws Exception {
        assertThat(ExternalBlobUris.normalizeBase(raw, ExternalBlobScope.SERVER_SAFE).uri()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {" s3://b/x", "s3://b/x ", "", "s3://b\\x/", "s3://b/./x", "s3://b/%2e%2E/x",
        "s3://b/a%2Fb", "s3://b/a%zz", "s3://b/a%2", "s3://b//x", "s3://user@b/x", "s3://b:9000/x", "s3://b/x?y",
        "s3://b/x#f", "s3:/b/x", "s3:b", "s3://", "s3://b", "gs://b/x", "b/x", "file:///tmp/x"})
    void rejectsWhatTheEngineRejects(String raw) {
        assertThatThrownBy(() -> ExternalBlobUris.normalizeBase(raw, ExternalBlobScope.SERVER_SAFE))
                .isInstanceOf(ExternalBlobUris.InvalidExternalBlobException.class);
    }

    @Test
    void embeddedFileBasesMustBeExistingDirectories(@TempDir Path dir) throws Exception {
        String uri = dir.toUri().toString();
        ExternalBlobBase base = ExternalBlobUris.normalizeBase(uri, ExternalBlobScope.EMBEDDED_ONLY);
        assertThat(base.uri()).startsWith("file:///").endsWith("/");
        assertThatThrownBy(() -> ExternalBlobUris.normalizeBase(uri + "missing/", ExternalBlobScope.EMBEDDED_ONLY))
                .hasMessageContaining("existing directory");
        assertThatThrownBy(() -> ExternalBlobUris.normalizeBase("file://host/x/", ExternalBlobScope.EMBEDDED_ONLY))
                .hasMessageContaining("no host");
    }

    @Test
    void policiesAreSortedAndMayNotOverlap() throws Exception {
        ExternalBlobPolicy.Allow policy = ExternalBlobUris.allow(List.of(
                new ExternalBlobBase("s3://b/z", ExternalBlobScope.SERVER_SAFE),
                new ExternalBlobBase("s3://b/a", ExternalBlobScope.EMBEDDED_ONLY)));
        assertThat(policy.bases()).extracting(ExternalBlobBase::uri).containsExactly("s3://b/a/", "s3://b/z/");
        assertThat(policy.toCompactJson()).isEqualTo("{\"mode\":\"allow\",\"bases\":[{\"uri\":\"s3://b/a/\",\"scope\":"
                + "\"embedded_only\"},{\"uri\":\"s3://b/z/\",\"scope\":\"server_safe\"}]}");
        assertThatThrownBy(() -> ExternalBlobUris.allow(List.of(
                new ExternalBlobBase("s3://b/a/", ExternalBlobScope.SERVER_SAFE),
                new ExternalBlobBase("s3://b/a/b", ExternalBlobScope.SERVER_SAFE))))
                .hasMessageContaining("overlap");
        assertThat(ExternalBlobUris.allow(List.of(
                new ExternalBlobBase("s3://b/ab", ExternalBlobScope.SERVER_SAFE),
                new ExternalBlobBase("s3://b/a", ExternalBlobScope.SERVER_SAFE))).bases()).hasSize(2);
        assertThatThrownBy(() -> ExternalBlobUris.allow(List.of())).hasMessageContaining("at least one");
    }
}
