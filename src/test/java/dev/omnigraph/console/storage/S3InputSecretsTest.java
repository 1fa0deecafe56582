package dev.omnigraph.console.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omnigraph.console.runtime.AppHome;
import dev.omnigraph.console.runtime.AppRuntime;
import dev.omnigraph.console.runtime.Redactor;
import dev.omnigraph.console.runtime.StartupTimeline;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where S3 keys enter: typed or from an environment they become StaticKeys (registered); keys in an endpoint URL are refused. */
class S3InputSecretsTest {
    private static final String ID = "OGC5E1F0A2B3C4D5E6F";
    private static final String SECRET = "4b2a9c0d1e7f/36a5b8c+9d0e1f2a";

    @TempDir
    Path home;

    private AppRuntime runtime;

    @BeforeEach
    void start() {
        runtime = AppRuntime.start(AppRuntime.Mode.COMMAND_LINE, new AppHome(home), Map.of(), new Properties(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), StartupTimeline.startingNow());
    }

    @AfterEach
    void stop() {
        runtime.uninstall();
    }

    @Test
    void keysInTheEndpointUrlAreRegisteredAndRefusedWithoutBeingEchoed() {
        S3Input typed = new S3Input("http://" + ID + ":" + SECRET + "@127.0.0.1:9000", null, null, null, null, null, null);
        assertThat(typed.problem()).get().asString().contains("Remove the keys from the endpoint URL").doesNotContain(ID, SECRET);
        assertThatThrownBy(() -> typed.over(S3Settings.fromEnvironment(Map.of()))).hasMessageNotContaining(SECRET);
        assertThat(AppRuntime.redact("endpoint " + ID + ":" + SECRET + " and " + SECRET)).doesNotContain(ID, SECRET);
        assertThat(new S3Input("http://127.0.0.1:9000/path@x", null, null, null, null, null, null).problem()).isPresent();
        assertThat(new S3Input("http://127.0.0.1:9000", null, null, null, null, null, null).problem()).isEmpty();
    }

    @Test
    void aStorageRootWithKeysIsRefusedByTheParserWithoutEchoingThem() {
        String root = "s3://" + ID + ":" + SECRET + "@bucket/prefix";
        assertThatThrownBy(() -> StoreUri.parse(root)).hasMessageStartingWith("Remove the keys from the storage root")
                .hasMessageNotContaining(SECRET).hasMessageNotContaining(ID);
        assertThat(AppRuntime.redact("typed " + SECRET)).doesNotContain(SECRET);
        assertThat(StoreUri.parse("s3://bucket/pre@fix")).isInstanceOf(StoreUri.S3.class);
    }

    @Test
    void keysInAStorageRootAreRegisteredAndRefusedForTheFieldThatTookThem() {
        String root = "s3://" + ID + ":" + SECRET + "@bucket/prefix";
        assertThat(S3Input.keysInUrl(root, "storage root")).get().asString()
                .startsWith("Remove the keys from the storage root").doesNotContain(ID, SECRET);
        assertThat(AppRuntime.redact("'" + root + "' is not a valid bucket")).doesNotContain(ID, SECRET).contains("@bucket/prefix");
        assertThat(S3Input.keysInUrl("s3://bucket/prefix", "storage root")).isEmpty();
        assertThat(S3Input.keysInUrl(null, "storage root")).isEmpty();
    }

    @Test
    void typedAndEnvironmentKeysAreRegisteredWhenTheyBecomeStaticKeys() {
        String envSecret = "a1b2c3d4e5f6/a7b8c9d0e1f2";
        String text = "typed " + SECRET + " env " + envSecret + " id " + ID;
        assertThat(AppRuntime.redact(text)).contains(SECRET, envSecret, ID);
        new S3Input(null, null, null, null, ID, SECRET, null).over(S3Settings.fromEnvironment(Map.of()));
        S3Input.environment(Map.of("AWS_ACCESS_KEY_ID", "OGCENV000111", "AWS_SECRET_ACCESS_KEY", envSecret));
        assertThat(AppRuntime.redact(text)).isEqualTo("typed " + Redactor.MASK + " env " + Redactor.MASK + " id " + Redactor.MASK);
    }
}
