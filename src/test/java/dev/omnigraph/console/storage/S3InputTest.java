package dev.omnigraph.console.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one S3 input: the same trimming, pairing, profile and path-style rules for every way in. */
class S3InputTest {
    private static final S3Settings ENV = S3Settings.fromEnvironment(Map.of("AWS_ACCESS_KEY_ID", "ENVKEYID1",
            "AWS_SECRET_ACCESS_KEY", "env-secret-1", "AWS_REGION", "eu-west-1", "AWS_ENDPOINT_URL", "http://127.0.0.1:9000"));

    @Test
    void blankFieldsKeepTheUnderlyingSettings() {
        S3Settings s = new S3Input(" ", "", null, null, "", " ", null).over(ENV);
        assertThat(s).isEqualTo(ENV);
        assertThat(S3Input.NONE.over(ENV)).isEqualTo(ENV);
    }

    @Test
    void typedFieldsAreTrimmedTheSecretToo() {
        S3Settings s = new S3Input(" http://localhost:9000 ", " us-east-1 ", null, S3Input.PathStyle.VIRTUAL, " OGCKEY1 ",
                "typed-secret\n", null).over(ENV);
        assertThat(s.endpoint()).isEqualTo("http://localhost:9000");
        assertThat(s.region()).isEqualTo("us-east-1");
        assertThat(s.effectivePathStyle()).isFalse();
        assertThat(s.keys().accessKeyId()).isEqualTo("OGCKEY1");
        assertThat(s.keys().secretAccessKey()).isEqualTo("typed-secret");
    }

    @Test
    void aNamedProfileReplacesInheritedKeysButTypedKeysWin() {
        S3Settings profile = new S3Input(null, null, "prod", null, null, null, null).over(ENV);
        assertThat(profile.profile()).isEqualTo("prod");
        assertThat(profile.keys()).as("the environment's keys would silently win over the chosen profile").isNull();
        S3Settings both = new S3Input(null, null, "prod", null, "OGCKEY1", "typed-secret", null).over(ENV);
        assertThat(both.keys().accessKeyId()).isEqualTo("OGCKEY1");
    }

    @Test
    void oneValidationForEveryForm() {
        assertThat(new S3Input(null, null, null, null, "OGCKEY1", null, null).problem()).get().asString()
                .contains("secret access key that goes with the access key id");
        assertThat(new S3Input(null, null, null, null, null, "s", null).problem()).get().asString().contains("access key id");
        assertThat(new S3Input(null, null, null, null, null, null, "token-1").problem()).get().asString().contains("session token");
        assertThat(new S3Input("ftp://x", null, null, null, null, null, null).problem()).get().asString()
                .contains("is not an http:// or https:// URL");
        assertThatThrownBy(() -> new S3Input("ftp://x", null, null, null, null, null, null).over(ENV))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new S3Input(null, null, null, null, "OGCKEY1", "typed-secret", "tok").problem()).isEmpty();
    }

    @Test
    void commandLineOptionsWithAPrefix() {
        Map<String, String> given = Map.of("to-endpoint", "http://10.0.0.1:9000", "to-path-style", "true", "to-profile", "dst");
        S3Input input = S3Input.fromOptions(name -> Optional.ofNullable(given.get(name)), "to-");
        assertThat(input).isEqualTo(new S3Input("http://10.0.0.1:9000", null, "dst", S3Input.PathStyle.PATH, null, null, null));
        assertThatThrownBy(() -> S3Input.fromOptions(name -> Optional.of("yes"), ""))
                .hasMessage("--path-style takes true or false");
        assertThat(input.toString()).doesNotContain("secret");
        assertThat(new S3Input(null, null, null, null, "OGCKEY1", "typed-secret", null).toString())
                .doesNotContain("typed-secret").doesNotContain("OGCKEY1");
    }
}
