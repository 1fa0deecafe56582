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
import dev.omnigraph.console.runtime.AppHome;
import dev.omnigraph.console.runtime.AppRuntime;
import dev.omnigraph.console.runtime.Redactor;
import dev.omnigraph.console.runtime.StartupTimeline;
import dev.omnigraph.console.storage.FileObjectStore;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.testing.S3TestServer;
import dev.omnigraph.console.ui.common.Failures;
import dev.omnigraph.console.ui.common.UserMessage;
import dev.omnigraph.console.ui.connect.CheckRow;
import dev.omnigraph.console.ui.connect.ConnectViewModel;
import dev.omnigraph.console.ui.migrate.LocalS3Endpoint;
import dev.omnigraph.console.ui.migrate.WizardViewModel;
import dev.omnigraph.console.ui.task.ImmediateTaskRunner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way a key enters the console registers it with the redactor, and then it reaches no log,
 * crash report, preferences file, window text or standard stream. Each test gives secrets to the
 * console through the product's own path only (the Connect form, the migration wizard's
 * Destination page, the CLI's environment, the local S3 endpoint), provokes failures that log
 * request details and a crash whose report carries them, and greps everything written for each
 * secret in its plain, URL-encoded and base64 forms.
 *
 * <p>The runtime starts with an empty environment and no system properties, and the secrets are
 * shaped like real MinIO/local keys that no redaction pattern recognises (lower-case hex,
 * {@code OGC…} ids): only the registration where they enter can mask them, so each test fails
 * when that one registration is removed ({@code S3Input.over}, {@code S3Input.environment},
 * {@code LocalS3Server.start}).
 */
class SecretsNeverLeakTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger REQUESTS = Logger.getLogger("software.amazon.awssdk.request");

    @TempDir
    Path home;

    private AppRuntime runtime;
    private Thread.UncaughtExceptionHandler previousHandler;
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final List<String> windowText = new ArrayList<>();
    private final StringBuilder streams = new StringBuilder();

    @BeforeEach
    void startRuntimeWithNothingRegistered() {
        previousHandler = Thread.getDefaultUncaughtExceptionHandler();
        runtime = AppRuntime.start(AppRuntime.Mode.WINDOW, new AppHome(home), Map.of(), new Properties(),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8), StartupTimeline.startingNow());
        assertThat(runtime.redactor().knownSecretCount()).isZero();
    }

    @AfterEach
    void restore() {
        if (runtime != null) {
            runtime.uninstall();
        }
        Thread.setDefaultUncaughtExceptionHandler(previousHandler);
    }

    @Test
    void keysTypedInTheConnectFormNeverLeak() throws Exception {
        String id = accessKeyId();
        String secret = hex(20);
        S3Settings server = S3TestServer.settings();
        PreferencesModel prefs = new PreferencesModel(new PreferencesStore(home.resolve("prefs")));
        ConnectViewModel vm = new ConnectViewModel(new ImmediateTaskRunner(), prefs, S3Settings.fromEnvironment(Map.of()), home, s -> { });
        vm.rootProperty().set(S3TestServer.newRoot("secrets-connect", "prod").display());
        vm.s3().endpointProperty().set(server.endpoint());
        vm.s3().regionProperty().set("us-east-1");
        vm.s3().accessKeyProperty().set(id);
        vm.s3().secretKeyProperty().set(secret + "\n"); // pasted with its line end: the same secret
        vm.testConnection();
        vm.save();
        vm.open();

        assertThat(vm.verdictProperty().get().text()).as("the server refused the typed keys").startsWith("Cannot browse");
        windowText.add(vm.verdictProperty().get().text());
        vm.checks().stream().map(CheckRow::toString).forEach(windowText::add);
        assertNothingLeaks(List.of(id, secret));
    }

    @Test
    void keysTypedOnTheDestinationPageNeverLeak() throws Exception {
        String id = accessKeyId();
        String secret = hex(20);
        Path source = Files.createDirectories(home.resolve("source"));
        try (ObjectStore store = new FileObjectStore(new StoreUri.Local(source))) {
            DemoClusterGenerator.write(store, new DemoOptions("leak", false, false, Duration.ZERO, 0, 2, 1024, 0, 0, 2), Progress.NONE);
        }
        WizardViewModel vm = new WizardViewModel(ClusterLocation.ofRoot(new StoreUri.Local(source)), null, new ImmediateTaskRunner(),
                new MigrationHome(home.resolve("migrations")), home, Runnable::run);
        vm.next();
        vm.form().uriProperty().set(S3TestServer.newRoot("secrets-wizard", "copy").toString());
        vm.form().s3().endpointProperty().set(S3TestServer.settings().endpoint());
        vm.form().s3().accessKeyProperty().set(id);
        vm.form().s3().secretKeyProperty().set(secret);
        vm.checkDestination();

        assertThat(vm.canNextProperty().get()).as("the server refused the typed keys").isFalse();
        windowText.add(vm.problemProperty().get());
        windowText.add(vm.blockedReasonProperty().get());
        windowText.add(String.valueOf(vm.destinationProperty().get()));
        vm.close();
        assertNothingLeaks(List.of(id, secret));
    }

    @Test
    void keysFromTheCommandLineEnvironmentNeverLeak() throws Exception {
        String id = accessKeyId();
        String secret = hex(20);
        String token = hex(48);
        Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", id, "AWS_SECRET_ACCESS_KEY", secret, "AWS_SESSION_TOKEN", token,
                "AWS_ENDPOINT_URL", S3TestServer.get().endpoint(), "AWS_REGION", "us-east-1", "AWS_ALLOW_HTTP", "true");
        String root = S3TestServer.newRoot("secrets-cli", "prod").toString();
        for (String[] argv : List.of(new String[] {"status", "--root", root}, new String[] {"status", "--root", root, "--json"},
                new String[] {"probe", "--root", root, "--path-style", "true"})) {
            CliRunner.Outcome out = CliRunner.run(home, env, "", argv);
            assertThat(out.exitCode()).as(out.err()).isNotZero();
            streams.append(out.out()).append(out.err());
        }
        assertThat(streams.toString()).as("the runs reached the server and were refused").contains("(HTTP ");
        assertNothingLeaks(List.of(id, secret, token));
    }

    @Test
    void theGeneratedKeysOfTheLocalEndpointNeverLeak() throws Exception {
        LocalS3Endpoint local = new LocalS3Endpoint();
        local.start(new ImmediateTaskRunner());
        try {
            LocalS3Endpoint.Running running = local.runningProperty().get();
            assertThat(running).as(local.problemProperty().get()).isNotNull();
            windowText.add(local.problemProperty().get());
            windowText.add(running.toString());
            assertNothingLeaks(List.of(running.accessKey(), running.secretKey()));
        } finally {
            local.stopNow();
        }
    }

    /**
     * Failures carrying request details, as a library or a careless line of ours could write them:
     * log lines (JUL and SLF4J, with causes), an error shown in the window, an uncaught exception
     * (crash report, standard error). Then every trace of them is read back.
     */
    private void assertNothingLeaks(List<String> secrets) throws Exception {
        List<String> forms = new ArrayList<>();
        StringBuilder details = new StringBuilder();
        for (String s : secrets) {
            String url = URLEncoder.encode(s + "/", StandardCharsets.UTF_8).replace("%2F", "");
            String base64 = Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
            forms.addAll(List.of(s, base64));
            details.append(" key=").append(s).append(" url=").append(url).append(" basic=").append(base64);
        }
        REQUESTS.log(Level.WARNING, "request failed:" + details, new IOException("sent" + details,
                new IllegalStateException("signed" + details)));
        org.slf4j.LoggerFactory.getLogger("software.amazon.awssdk.auth").warn("credentials{}", details);
        UserMessage shown = Failures.describe(new StorageException(StorageException.Kind.INVALID_CREDENTIALS, "s3://bucket",
                "refused" + details, null));
        windowText.add(shown.detail());
        Thread crashing = new Thread(() -> {
            throw new IllegalStateException("could not sign" + details);
        }, "connect-worker");
        crashing.start();
        crashing.join();

        String logText = Files.readString(runtime.logFile());
        List<Path> reports = list(new AppHome(home).crashReports());
        assertThat(reports).hasSize(1);
        String reportText = Files.readString(reports.getFirst());
        String stderr = errBytes.toString(StandardCharsets.UTF_8);
        String everyFile = allFilesUnder(home);
        Map<String, String> written = Map.of("log", logText, "crash report", reportText, "stderr", stderr,
                "files under home (preferences included)", everyFile, "window text", String.join("\n", windowText),
                "CLI output", streams.toString());
        for (var where : written.entrySet()) {
            for (String form : forms) {
                assertThat(where.getValue()).as("%s… in the %s", form.substring(0, 6), where.getKey()).doesNotContain(form);
            }
        }
        // and it is not empty: the context is there, the secrets are masked
        assertThat(logText).contains("request failed: key=" + Redactor.MASK, "signed key=" + Redactor.MASK, "connect-worker");
        assertThat(reportText).contains("connect-worker", "could not sign key=" + Redactor.MASK);
        assertThat(stderr).contains("could not sign key=" + Redactor.MASK);
        assertThat(shown.detail()).contains("refused key=" + Redactor.MASK);
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

    /** Lower-case hex: not secret-shaped for the redactor's patterns. */
    private static String hex(int n) {
        return HexFormat.of().formatHex(bytes(n));
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private static String allFilesUnder(Path root) throws IOException {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                b.append(new String(Files.readAllBytes(f), StandardCharsets.UTF_8)).append('\n');
            }
        }
        return b.toString();
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.toList();
        }
    }
}
