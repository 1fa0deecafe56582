package dev.omnigraph.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.cli.CliRunner;
import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.demo.DemoClusterGenerator;
import dev.omnigraph.console.demo.DemoOptions;
import dev.omnigraph.console.migrate.MigrationHome;
import dev.omnigraph.console.prefs.PreferencesModel;
import dev.omnigraph.console.prefs.PreferencesStore;
import dev.omnigraph.console.secrets.LeakTrap;
import dev.omnigraph.console.storage.FileObjectStore;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.testing.S3TestServer;
import dev.omnigraph.console.ui.connect.ConnectViewModel;
import dev.omnigraph.console.ui.migrate.LocalS3Endpoint;
import dev.omnigraph.console.ui.migrate.WizardViewModel;
import dev.omnigraph.console.ui.task.ImmediateTaskRunner;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way a key enters the console registers it with the redactor, and then it reaches no log,
 * crash report, preferences file, window text or standard stream. Each test gives secrets to the
 * console through the product's own path only (the Connect form, the migration wizard's
 * Destination page, the CLI's environment and key options, the local S3 endpoint, the process
 * environment), provokes the failures that path reports (keys refused by the server, an
 * unreachable endpoint, keys typed into an endpoint URL), and {@link LeakTrap} then makes the
 * console write the secrets everywhere (log records with causes, wrapped and split lines, a crash
 * whose report carries request details) and greps all of it for each secret, plain, URL-encoded
 * and base64.
 *
 * <p>The runtime starts with an empty environment and no system properties, and the secrets are
 * shaped like real MinIO/local keys that no redaction pattern recognises (lower-case hex with
 * {@code /} and {@code +}, {@code OGC…} ids): only the registration where they enter can mask them,
 * so a test fails when that registration is removed ({@code S3Settings.StaticKeys},
 * {@code S3Input}'s endpoint user-info, {@code LocalS3Server.start}, {@code AppRuntime.start}'s
 * environment and system properties). The test registers nothing itself.
 */
class SecretsNeverLeakTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path home;

    private LeakTrap trap;

    @BeforeEach
    void startRuntimeWithNothingRegistered() {
        trap = new LeakTrap(home, Map.of(), new Properties());
        assertThat(trap.runtime().redactor().knownSecretCount()).isZero();
    }

    @AfterEach
    void restore() {
        trap.close();
    }

    @Test
    void keysTypedInTheConnectFormNeverLeak() throws Exception {
        String id = accessKeyId();
        String secret = secretKey();
        PreferencesModel prefs = new PreferencesModel(new PreferencesStore(home.resolve("prefs")));
        ConnectViewModel refused = connectForm(prefs, S3TestServer.settings().endpoint(), id, secret + "\n"); // pasted with its line end
        assertThat(refused.verdictProperty().get().text()).as("the server refused the typed keys").startsWith("Cannot browse");
        ConnectViewModel unreachable = connectForm(prefs, "http://127.0.0.1:" + closedPort(), id, secret);
        assertThat(unreachable.verdictProperty().get().text()).as("the endpoint cannot be reached").startsWith("Cannot browse");
        trap.assertNothingLeaks(List.of(id, secret));
    }

    @Test
    void keysTypedIntoTheConnectFormsEndpointUrlNeverLeak() throws Exception {
        String id = accessKeyId();
        String secret = secretKey();
        PreferencesModel prefs = new PreferencesModel(new PreferencesStore(home.resolve("prefs")));
        ConnectViewModel vm = connectForm(prefs, "http://" + id + ":" + secret + "@127.0.0.1:" + closedPort(), "", "");
        assertThat(vm.errorProperty().get().detail()).contains("Remove the keys from the endpoint URL");
        trap.assertNothingLeaks(List.of(id, secret, id + ":" + secret));
    }

    @Test
    void keysTypedOnTheDestinationPageNeverLeak() throws Exception {
        String id = accessKeyId();
        String secret = secretKey();
        Path source = Files.createDirectories(home.resolve("source"));
        try (ObjectStore store = new FileObjectStore(new StoreUri.Local(source))) {
            DemoClusterGenerator.write(store, new DemoOptions("leak", false, false, Duration.ZERO, 0, 2, 1024, 0, 0, 2), Progress.NONE);
        }
        for (String endpoint : List.of(S3TestServer.settings().endpoint(), "http://127.0.0.1:" + closedPort())) {
            WizardViewModel vm = new WizardViewModel(ClusterLocation.ofRoot(new StoreUri.Local(source)), null, new ImmediateTaskRunner(),
                    new MigrationHome(home.resolve("migrations")), home, Runnable::run);
            vm.next();
            vm.form().uriProperty().set(S3TestServer.newRoot("secrets-wizard", "copy").toString());
            vm.form().s3().endpointProperty().set(endpoint);
            vm.form().s3().accessKeyProperty().set(id);
            vm.form().s3().secretKeyProperty().set(secret);
            vm.checkDestination();
            assertThat(vm.canNextProperty().get()).as("the destination %s refused or unreachable", endpoint).isFalse();
            trap.shownBy(vm);
            trap.shownBy(vm.form());
            trap.shownBy(vm.form().s3());
            vm.close();
        }
        trap.assertNothingLeaks(List.of(id, secret));
    }

    @Test
    void keysGivenToTheCommandLineNeverLeak() throws Exception {
        String id = accessKeyId();
        String secret = secretKey();
        String token = hex(24) + "/" + hex(24) + "+" + hex(24);
        String root = S3TestServer.newRoot("secrets-cli", "prod").toString();
        Map<String, String> refused = Map.of("AWS_ACCESS_KEY_ID", id, "AWS_SECRET_ACCESS_KEY", secret, "AWS_SESSION_TOKEN", token,
                "AWS_ENDPOINT_URL", S3TestServer.get().endpoint(), "AWS_REGION", "us-east-1", "AWS_ALLOW_HTTP", "true");
        Map<String, String> unreachable = new java.util.HashMap<>(refused);
        unreachable.put("AWS_ENDPOINT_URL", "http://127.0.0.1:" + closedPort());
        List<String[]> runs = List.of(new String[] {"status", "--root", root}, new String[] {"status", "--root", root, "--json"},
                new String[] {"probe", "--root", root, "--path-style", "true"},
                // keys as options: refused (a key on a command line is visible to every user), never echoed
                new String[] {"status", "--root", root, "--access-key-id", id, "--secret-access-key", secret},
                new String[] {"probe", "--root", root, "--aws-session-token=" + token});
        for (Map<String, String> env : List.of(refused, unreachable)) {
            for (String[] argv : runs) {
                CliRunner.Outcome out = CliRunner.run(home, env, "", argv);
                assertThat(out.exitCode()).as(out.err()).isNotZero();
                trap.printed(out.out() + out.err());
            }
        }
        assertThat(trap.printed()).as("the runs reached the server and were refused, or could not reach it").contains("(HTTP ");
        trap.assertNothingLeaks(List.of(id, secret, token));
    }

    @Test
    void theGeneratedKeysOfTheLocalEndpointNeverLeak() throws Exception {
        LocalS3Endpoint local = new LocalS3Endpoint();
        local.start(new ImmediateTaskRunner());
        try {
            LocalS3Endpoint.Running running = local.runningProperty().get();
            assertThat(running).as(local.problemProperty().get()).isNotNull();
            trap.shown(local.problemProperty().get());
            trap.shown(running.toString());
            trap.assertNothingLeaks(List.of(running.accessKey(), running.secretKey()));
        } finally {
            local.stopNow();
        }
    }

    @Test
    void secretsOfTheProcessEnvironmentAndSystemPropertiesNeverLeak() throws Exception {
        String apiKey = hex(16);
        String sdkSecret = secretKey();
        trap.close();
        Properties properties = new Properties();
        properties.setProperty("aws.secretAccessKey", sdkSecret); // read by the AWS SDK only: the console never sees it
        trap = new LeakTrap(home, Map.of("OPENROUTER_API_KEY", apiKey, "AWS_REGION", "us-east-1"), properties);
        trap.assertNothingLeaks(List.of(apiKey, sdkSecret));
    }

    private ConnectViewModel connectForm(PreferencesModel prefs, String endpoint, String id, String secret) throws Exception {
        ConnectViewModel vm = new ConnectViewModel(new ImmediateTaskRunner(), prefs, S3Settings.fromEnvironment(Map.of()), home, s -> { });
        vm.rootProperty().set(S3TestServer.newRoot("secrets-connect", "prod").display());
        vm.s3().endpointProperty().set(endpoint);
        vm.s3().regionProperty().set("us-east-1");
        vm.s3().accessKeyProperty().set(id);
        vm.s3().secretKeyProperty().set(secret);
        vm.testConnection();
        trap.shownBy(vm);
        vm.save();
        vm.open();
        trap.shownBy(vm);
        return vm;
    }

    /**
     * Issue 6: the CLI (text and JSON, local and S3 roots, config folders), the preferences file
     * and exception text, run with known fake secrets in the environment and an inline
     * {@code api_key} in both a ledger and a cluster.yaml: none of them appears anywhere.
     */
    @Test
    void noSecretReachesCliOutputPreferencesOrErrorText() throws Exception {
        String accessKeyId = "AKIA" + upperAlnum(16);
        String secret = "wJa/" + base64(30).substring(4); // real secret keys contain '/' and '+'
        String sessionToken = base64(300);
        String ledgerApiKey = "sk-ledger-" + upperAlnum(24).toLowerCase();
        String yamlApiKey = "sk-yaml-" + upperAlnum(24).toLowerCase();
        Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", accessKeyId, "AWS_SECRET_ACCESS_KEY", secret,
                "AWS_SESSION_TOKEN", sessionToken, "AWS_ENDPOINT_URL", S3TestServer.get().endpoint(), "AWS_REGION", "us-east-1",
                "AWS_ALLOW_HTTP", "true", "OPENROUTER_API_KEY", yamlApiKey);

        // a local root whose ledger carries a literal api_key in an embedding profile
        Path root = Files.createDirectories(home.resolve("root/__cluster"));
        Files.writeString(root.resolve("state.json"), "{\n  \"version\": 1,\n  \"state_revision\": 3,\n  \"applied_revision\": {\n"
                + "    \"resources\": {\n      \"provider.embedding.default\": {\n        \"digest\": \"" + "a".repeat(64) + "\",\n"
                + "        \"embedding_profile\": {\"kind\": \"openai\", \"api_key\": \"" + ledgerApiKey + "\"}\n      }\n    }\n  }\n}");
        // a config folder whose cluster.yaml inlines an api_key (upstream: embedding_api_key_inline)
        Path config = Files.createDirectories(home.resolve("config"));
        Files.writeString(config.resolve("cluster.yaml"), "version: 1\nstorage: " + root.getParent() + "\nproviders:\n  embedding:\n"
                + "    default:\n      kind: openai\n      api_key: " + yamlApiKey + "\n");
        StoreUri.S3 s3Root = S3TestServer.newRoot("secrets-cli", "prod");

        StringBuilder printed = new StringBuilder();
        List<String[]> commands = List.of(
                new String[] {"status", "--root", root.getParent().toString()},
                new String[] {"status", "--root", root.getParent().toString(), "--json"},
                new String[] {"status", "--config", config.toString()},
                new String[] {"doctor", "--config", config.toString()},
                new String[] {"status", "--root", s3Root.toString()},          // the env keys are refused by the server
                new String[] {"force-unlock", "--root", s3Root.toString(), "01NOTALOCK0000000000000000"});
        for (String[] argv : commands) {
            CliRunner.Outcome out = CliRunner.run(home, env, "", argv);
            printed.append(String.join(" ", argv)).append(" -> ").append(out.exitCode()).append('\n')
                    .append(out.out()).append(out.err()).append('\n');
        }
        // the S3 runs reached the server and were refused with the fake keys: there was something to leak
        assertThat(printed.toString()).contains("(HTTP ");

        // preferences: a saved connection typed with credentials in the endpoint and target URIs
        dev.omnigraph.console.prefs.PreferencesStore prefs = new dev.omnigraph.console.prefs.PreferencesStore(home.resolve("prefs"));
        dev.omnigraph.console.prefs.SavedConnection typed = new dev.omnigraph.console.prefs.SavedConnection("prod",
                dev.omnigraph.console.prefs.SavedConnection.Kind.ROOT,
                "s3://bucket/prefix?X-Amz-Security-Token=" + sessionToken,
                "http://" + accessKeyId + ":" + secret + "@127.0.0.1:9000", "us-east-1", true, null);
        prefs.save(dev.omnigraph.console.prefs.ConsolePreferences.defaults().withRecent("s3://" + accessKeyId + ":" + secret + "@bucket/x")
                .withSavedConnections(List.of(typed)));
        String prefsText = Files.readString(prefs.file());
        String reloaded = prefs.load().preferences().toString();

        // exception text as the CLI and dialogs render it
        String described = dev.omnigraph.console.cli.ErrorMessages.describe(new StorageException(StorageException.Kind.ACCESS_DENIED,
                "s3://bucket", "Access denied for " + accessKeyId + " with secret " + secret + " token " + sessionToken,
                new IOException("api_key=" + ledgerApiKey)));

        for (String where : List.of(printed.toString(), prefsText, reloaded, described)) {
            for (String value : List.of(secret, sessionToken, ledgerApiKey, yamlApiKey)) {
                assertThat(where).as("secret %s... in %s", value.substring(0, 6), where.length() > 80 ? where.substring(0, 80) : where)
                        .doesNotContain(value);
            }
        }
        assertThat(prefsText).contains("127.0.0.1:9000").doesNotContain(accessKeyId);
    }

    private static String base64(int bytes) {
        byte[] b = bytes(bytes);
        // mixed case and digits guaranteed, like real keys
        return "Ab1" + Base64.getEncoder().encodeToString(b).replace("=", "").substring(3);
    }

    private static String upperAlnum(int n) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    /** An access key id that no pattern recognises (like the local endpoint's and many S3-compatible servers'). */
    private static String accessKeyId() {
        return "OGC" + HexFormat.of().withUpperCase().formatHex(bytes(8));
    }

    /** A secret key with the '/' and '+' real ones have, otherwise lower-case hex: not secret-shaped for the patterns. */
    private static String secretKey() {
        return hex(8) + "/" + hex(6) + "+" + hex(5);
    }

    private static String hex(int n) {
        return HexFormat.of().formatHex(bytes(n));
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** A loopback port nothing listens on: the endpoint is unreachable. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
