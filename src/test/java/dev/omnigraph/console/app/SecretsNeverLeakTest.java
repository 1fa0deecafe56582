package dev.omnigraph.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.ObjectStores;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.testing.S3TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the console's logging and crash reporting with known fake secrets (environment, system
 * properties, session keys of a real S3 connection, an exception whose message carries a secret)
 * and greps everything written — log file, crash report file, standard error, the report text —
 * for them. Each check also asserts the context that must be there, so the test cannot pass by
 * logging nothing.
 */
class SecretsNeverLeakTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path home;

    private AppRuntime runtime;
    private Thread.UncaughtExceptionHandler previousHandler;
    private final List<Logger> raised = new ArrayList<>();

    @AfterEach
    void restore() {
        raised.forEach(l -> l.setLevel(null));
        if (runtime != null) {
            runtime.uninstall();
        }
        Thread.setDefaultUncaughtExceptionHandler(previousHandler);
    }

    @Test
    void noSecretReachesTheLogTheCrashReportOrStderr() throws Exception {
        previousHandler = Thread.getDefaultUncaughtExceptionHandler();
        String envAccessKeyId = "AKIA" + upperAlnum(16);
        String envSecret = base64(30);                       // 40 characters, like a secret access key
        String envSessionToken = base64(300);
        String envApiKey = "og_live_" + upperAlnum(24).toLowerCase();
        String propertySecret = base64(30);
        Map<String, String> env = new HashMap<>(Map.of(
                "AWS_ACCESS_KEY_ID", envAccessKeyId, "AWS_SECRET_ACCESS_KEY", envSecret, "AWS_SESSION_TOKEN", envSessionToken,
                "OMNIGRAPH_API_KEY", envApiKey, "AWS_REGION", "eu-central-1"));
        Properties properties = new Properties();
        properties.setProperty("aws.secretAccessKey", propertySecret);
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

        runtime = AppRuntime.start(AppRuntime.Mode.WINDOW, new AppHome(home), env, properties, err, StartupTimeline.startingNow());
        Logger log = Logger.getLogger("dev.omnigraph.console.ui.connect.ConnectViewModel");

        // 1. an admin types session keys for a real (loopback) S3 endpoint; the console registers them
        S3Settings server = S3TestServer.settings();
        String sessionToken = base64(330);
        S3Settings.StaticKeys typed = new S3Settings.StaticKeys(server.keys().accessKeyId(), server.keys().secretAccessKey(), sessionToken);
        String wrongSecret = base64(30);
        S3Settings.StaticKeys mistyped = new S3Settings.StaticKeys(server.keys().accessKeyId(), wrongSecret, null);
        AppRuntime.keys(typed);
        AppRuntime.keys(mistyped);
        raise("org.apache.http");                          // wire headers: Authorization, X-Amz-Security-Token
        raise("software.amazon.awssdk");
        StoreUri.S3 root = S3TestServer.newRoot("secrets", "prod");
        log.info("Connecting with " + server.withKeys(typed) + " keys " + typed.accessKeyId() + "/" + typed.secretAccessKey());
        try (ObjectStore store = ObjectStores.open(root, server.withKeys(typed))) {
            try (var listing = store.list("")) {
                log.info("Listed " + listing.count() + " objects with token " + sessionToken);
            } catch (StorageException | RuntimeException e) {
                log.log(Level.INFO, "Listing with a session token was refused: " + e.getMessage(), e);
            }
        }
        try (ObjectStore store = ObjectStores.open(root, server.withKeys(mistyped))) {
            try (var listing = store.list("")) {
                listing.count();
            }
        } catch (StorageException | RuntimeException e) {
            log.log(Level.WARNING, "Test connection failed with secret " + wrongSecret + ": " + e.getMessage(), e);
        }

        // 2. configuration text and exceptions carrying secrets
        String yamlApiKey = "sk-" + upperAlnum(20).toLowerCase();
        log.warning("embedding profile:\n  provider: openai\n  api_key: " + yamlApiKey + "\n  model: text-embedding-3-small");
        log.log(Level.SEVERE, "Probe failed for " + envAccessKeyId,
                new IllegalStateException("signature mismatch for secret " + envSecret,
                        new IOException("token " + envSessionToken + " expired; api_key=" + envApiKey)));
        org.slf4j.LoggerFactory.getLogger("software.amazon.awssdk.auth").warn("credentials from property {} and {}",
                propertySecret, envApiKey);

        // 3. an uncaught exception whose message carries a secret
        Thread crashing = new Thread(() -> {
            throw new IllegalStateException("could not sign with " + typed.secretAccessKey() + " / " + sessionToken,
                    new RuntimeException("AWS_SECRET_ACCESS_KEY=" + envSecret));
        }, "connect-worker");
        crashing.start();
        crashing.join();

        // what was written
        Path logFile = runtime.logFile();
        assertThat(logFile).isNotNull().exists();
        String logText = Files.readString(logFile);
        List<Path> reports = list(new AppHome(home).crashReports());
        assertThat(reports).hasSize(1);
        String reportFile = Files.readString(reports.get(0));
        String stderr = errBytes.toString(StandardCharsets.UTF_8);

        List<String> secrets = List.of(envAccessKeyId, envSecret, envSessionToken, envApiKey, propertySecret, sessionToken,
                typed.secretAccessKey(), wrongSecret, yamlApiKey, typed.accessKeyId());
        for (String written : List.of(logText, reportFile, stderr, allFilesUnder(home))) {
            for (String secret : secrets) {
                assertThat(written).as("secret %s…", secret.substring(0, 4)).doesNotContain(secret);
            }
        }

        // ... and it is not empty: the context is there, the secrets are masked
        assertThat(logText).contains("Connecting with S3Settings[endpoint=" + server.endpoint(), "api_key: " + Redactor.MASK,
                "Probe failed for " + Redactor.MASK, "IllegalStateException: signature mismatch for secret " + Redactor.MASK,
                "Test connection failed with secret " + Redactor.MASK, "credentials from property " + Redactor.MASK,
                "connect-worker", "model: text-embedding-3-small");
        assertThat(logText).as("the HTTP client's header log was exercised").containsIgnoringCase("authorization");
        assertThat(logText).containsIgnoringCase("x-amz-security-token");
        assertThat(reportFile).contains("connect-worker", "could not sign with " + Redactor.MASK, "Technical details");
        assertThat(stderr).contains("IllegalStateException: could not sign with " + Redactor.MASK)
                .contains("WARNING").doesNotContain("\tat ");
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
            dev.omnigraph.console.cli.CliRunner.Outcome out = dev.omnigraph.console.cli.CliRunner.run(home, env, "", argv);
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

    private void raise(String name) {
        Logger l = Logger.getLogger(name);
        l.setLevel(Level.ALL);
        raised.add(l);
    }

    private static String allFilesUnder(Path root) throws IOException {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                b.append(new String(Files.readAllBytes(f), StandardCharsets.UTF_8)).append('\n');
            }
        }
        assertThat(b.length()).isGreaterThan(1000);
        return b.toString();
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.toList();
        }
    }

    private static String base64(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
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
}
