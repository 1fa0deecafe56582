package dev.omnigraph.console.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omnigraph.console.runtime.CommandLine;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The window's command line reads S3 options with the same rules as the CLI (one S3 input). */
class StartupArgsTest {
    private static final Map<String, String> ENV = Map.of("AWS_ACCESS_KEY_ID", "ENVKEYID1", "AWS_SECRET_ACCESS_KEY", "env-secret-1",
            "AWS_REGION", "eu-west-1");

    @Test
    void s3OptionsApplyOverTheEnvironmentAndAProfileReplacesItsKeys() throws Exception {
        StartupArgs args = StartupArgs.parse(List.of("--root", "s3://bucket/prod", "--endpoint", " http://127.0.0.1:9000 ",
                "--path-style", "false", "--profile", "prod"), ENV);
        assertThat(args.namesCluster()).isTrue();
        assertThat(args.s3().endpoint()).isEqualTo("http://127.0.0.1:9000");
        assertThat(args.s3().region()).isEqualTo("eu-west-1");
        assertThat(args.s3().effectivePathStyle()).isFalse();
        assertThat(args.s3().profile()).isEqualTo("prod");
        assertThat(args.s3().keys()).isNull();
        assertThat(StartupArgs.parse(List.of(), ENV).s3().keys().accessKeyId()).isEqualTo("ENVKEYID1");
    }

    @Test
    void mistakesAreUsageErrorsWithTheCliWording() {
        assertThatThrownBy(() -> StartupArgs.parse(List.of("--path-style", "yes"), ENV))
                .isInstanceOf(CommandLine.UsageException.class).hasMessage("--path-style takes true or false");
        assertThatThrownBy(() -> StartupArgs.parse(List.of("--endpoint", "ftp://x"), ENV))
                .isInstanceOf(CommandLine.UsageException.class).hasMessageContaining("is not an http:// or https:// URL");
        assertThatThrownBy(() -> StartupArgs.parse(List.of("--access-key", "x"), ENV))
                .isInstanceOf(CommandLine.UsageException.class).hasMessage("unknown option --access-key");
        assertThatThrownBy(() -> StartupArgs.parse(List.of("--root", "a", "--config", "b"), ENV))
                .hasMessage("give --root or --config, not both");
    }
}
