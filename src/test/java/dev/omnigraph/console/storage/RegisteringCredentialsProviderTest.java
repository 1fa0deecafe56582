package dev.omnigraph.console.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.runtime.AppHome;
import dev.omnigraph.console.runtime.AppRuntime;
import dev.omnigraph.console.runtime.Redactor;
import dev.omnigraph.console.runtime.StartupTimeline;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;

/** Keys the SDK reads from a profile's credentials file are registered the moment they are resolved. */
class RegisteringCredentialsProviderTest {
    private static final String ID = "OGCPROFILE0123456789";
    private static final String SECRET = "9f8e7d6c5b4a3928/17f6e5d4c3b2a1+0f9e8d7c";
    private static final String TOKEN = "0a1b2c3d4e5f60718293a4b5c6d7e8f9/0a1b2c3d4e5f60718293a4b5c6d7e8f9";

    @TempDir
    Path home;

    @Test
    void keysFromACredentialsFileAreRegisteredWhenResolved() throws Exception {
        Path credentials = Files.writeString(home.resolve("credentials"), "[ops]\naws_access_key_id = " + ID
                + "\naws_secret_access_key = " + SECRET + "\naws_session_token = " + TOKEN + "\n");
        ProfileFile file = ProfileFile.builder().content(credentials).type(ProfileFile.Type.CREDENTIALS).build();
        AppRuntime runtime = AppRuntime.start(AppRuntime.Mode.COMMAND_LINE, new AppHome(home), Map.of(), new Properties(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), StartupTimeline.startingNow());
        try {
            String text = "id " + ID + " secret " + SECRET + " token " + TOKEN;
            assertThat(AppRuntime.redact(text)).as("nothing knows them before they are resolved").contains(SECRET, TOKEN);
            AwsCredentialsProvider provider = RegisteringCredentialsProvider.of(
                    ProfileCredentialsProvider.builder().profileFile(file).profileName("ops").build());
            assertThat(provider.resolveCredentials().secretAccessKey()).isEqualTo(SECRET);
            assertThat(AppRuntime.redact(text)).isEqualTo("id " + Redactor.MASK + " secret " + Redactor.MASK + " token " + Redactor.MASK);
            assertThat(RegisteringCredentialsProvider.of(provider)).isSameAs(provider);
        } finally {
            runtime.uninstall();
        }
    }
}
