package dev.omnigraph.console.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.runtime.AppHome;
import dev.omnigraph.console.runtime.AppRuntime;
import dev.omnigraph.console.runtime.Redactor;
import dev.omnigraph.console.runtime.StartupTimeline;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.ui.common.Failures;
import dev.omnigraph.console.ui.common.UserMessage;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import javafx.beans.value.ObservableValue;
import javafx.beans.value.WritableValue;
import javafx.collections.ObservableList;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A console runtime whose every output is kept to be searched for secrets: the log file, crash
 * reports, every file under the console's home (preferences, migration journals), its standard
 * error, the process's {@code System.out}/{@code System.err}, and the window and command-line text
 * a test adds. {@link #assertNothingLeaks} first makes the console write the secrets the way a
 * library or a careless line could (log records with causes, a wrapped line, a line split over two
 * records, an error shown in the window, an uncaught exception whose report carries request
 * details), then searches all of it for each secret, plain, URL-encoded and base64, also with line
 * breaks removed. It never registers anything: only the console's own registrations can mask them.
 */
public final class LeakTrap implements AutoCloseable {
    private static final Logger REQUESTS = Logger.getLogger("software.amazon.awssdk.request");
    /** {@code 2026-01-05 14:03:07.120 WARNING [thread] logger: } at the start of a log record. */
    private static final Pattern RECORD_HEADER = Pattern.compile(
            "(?m)^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} [A-Z]+ \\[[^\\]]*\\] [^:]+: ");

    private final Path home;
    private final AppRuntime runtime;
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream systemBytes = new ByteArrayOutputStream();
    private final PrintStream systemOut = System.out;
    private final PrintStream systemErr = System.err;
    private final Thread.UncaughtExceptionHandler previousHandler = Thread.getDefaultUncaughtExceptionHandler();
    private final List<String> windowText = new ArrayList<>();
    private final StringBuilder commandLineText = new StringBuilder();

    /** Starts a window runtime in {@code home} with this process environment and these system properties. */
    public LeakTrap(Path home, Map<String, String> env, Properties properties) {
        this.home = home;
        PrintStream captured = new PrintStream(systemBytes, true, StandardCharsets.UTF_8);
        System.setOut(captured);
        System.setErr(captured);
        this.runtime = AppRuntime.start(AppRuntime.Mode.WINDOW, new AppHome(home), env, properties,
                new PrintStream(errBytes, true, StandardCharsets.UTF_8), StartupTimeline.startingNow());
    }

    public AppRuntime runtime() {
        return runtime;
    }

    /** Text the window shows (view-model properties, checks, messages). */
    public void shown(String text) {
        windowText.add(String.valueOf(text));
    }

    /**
     * Everything a view-model offers its view to show: the value of every read-only property and
     * the items of every list it exposes (its input fields, which hold what was typed, left out).
     */
    public void shownBy(Object viewModel) throws ReflectiveOperationException {
        for (Method m : viewModel.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || m.getDeclaringClass() == Object.class) {
                continue;
            }
            boolean display = ObservableValue.class.isAssignableFrom(m.getReturnType())
                    && !WritableValue.class.isAssignableFrom(m.getReturnType());
            if (display) {
                windowText.add(m.getName() + ": " + ((ObservableValue<?>) m.invoke(viewModel)).getValue());
            } else if (ObservableList.class.isAssignableFrom(m.getReturnType())) {
                ((ObservableList<?>) m.invoke(viewModel)).forEach(item -> windowText.add(m.getName() + ": " + item));
            }
        }
    }

    /** What a command printed. */
    public void printed(String text) {
        commandLineText.append(text).append('\n');
    }

    public String printed() {
        return commandLineText.toString();
    }

    /**
     * Makes the console write {@code secrets} everywhere it writes, then asserts that none of them
     * can be read anywhere, while the text around them is still there.
     */
    public void assertNothingLeaks(List<String> secrets) throws Exception {
        StringBuilder details = new StringBuilder();
        for (String s : secrets) {
            details.append(" key=").append(s).append(" url=").append(urlEncoded(s)).append(" basic64=").append(base64(s));
        }
        writeCarelessly(secrets, details.toString());

        Map<String, String> written = everythingWritten();
        for (var where : written.entrySet()) {
            String joined = where.getValue().replaceAll("[ \\t]*\\R[ \\t]*", "");
            for (String secret : secrets) {
                for (String form : List.of(secret, urlEncoded(secret), base64(secret))) {
                    assertThat(where.getValue()).as("%s… in the %s", form.substring(0, 4), where.getKey()).doesNotContain(form);
                    assertThat(joined).as("%s… split over lines in the %s", form.substring(0, 4), where.getKey()).doesNotContain(form);
                }
            }
        }
        // and it is not empty: the context is there, the secrets are masked
        assertThat(written.get("log")).contains("request failed: key=" + Redactor.MASK, "signed key=" + Redactor.MASK,
                "connect-worker", "Request ID: 0MNIGRAPH7E57REQ");
        assertThat(written.get("crash report")).contains("connect-worker", "could not sign key=" + Redactor.MASK, "0MNIGRAPH7E57REQ");
        assertThat(written.get("console's standard error")).contains("could not sign key=" + Redactor.MASK);
    }

    private void writeCarelessly(List<String> secrets, String details) throws InterruptedException {
        REQUESTS.log(Level.WARNING, "request failed:" + details, new IOException("sent" + details,
                new IllegalStateException("signed" + details)));
        org.slf4j.LoggerFactory.getLogger("software.amazon.awssdk.auth").warn("credentials{}", details);
        for (String s : secrets) {
            int half = s.length() / 2;
            REQUESTS.info("header wrapped: " + s.substring(0, half) + "\n        " + s.substring(half));
            REQUESTS.info("wire >> \"x-omnigraph-echo: " + s.substring(0, half));
            REQUESTS.info(s.substring(half) + "[\\r][\\n]\"");
        }
        UserMessage shown = Failures.describe(new StorageException(StorageException.Kind.INVALID_CREDENTIALS, "s3://bucket",
                "refused" + details, null));
        windowText.add(shown.title() + "\n" + shown.detail() + "\n" + shown.hint());
        assertThat(shown.detail()).contains("refused key=" + Redactor.MASK);
        S3Exception refused = (S3Exception) S3Exception.builder().statusCode(403).requestId("0MNIGRAPH7E57REQ")
                .awsErrorDetails(AwsErrorDetails.builder().serviceName("S3").errorCode("SignatureDoesNotMatch").build())
                .message("The request signature we calculated does not match the signature you provided. Headers:" + details).build();
        Thread crashing = new Thread(() -> {
            throw new IllegalStateException("could not sign" + details, refused);
        }, "connect-worker");
        crashing.start();
        crashing.join();
    }

    private Map<String, String> everythingWritten() throws IOException {
        List<Path> reports;
        try (Stream<Path> s = Files.list(new AppHome(home).crashReports())) {
            reports = s.toList();
        }
        assertThat(reports).hasSize(1);
        Map<String, String> written = new LinkedHashMap<>();
        String log = Files.readString(runtime.logFile());
        written.put("log", log);
        written.put("log, its records' messages joined", RECORD_HEADER.matcher(log).replaceAll(""));
        written.put("crash report", Files.readString(reports.getFirst()));
        written.put("console's standard error", errBytes.toString(StandardCharsets.UTF_8));
        written.put("process's System.out and System.err", systemBytes.toString(StandardCharsets.UTF_8));
        written.put("files under home (preferences, journals)", allFilesUnder(home));
        written.put("window text", String.join("\n", windowText));
        written.put("command-line output", commandLineText.toString());
        return written;
    }

    @Override
    public void close() {
        runtime.uninstall();
        Thread.setDefaultUncaughtExceptionHandler(previousHandler);
        System.setOut(systemOut);
        System.setErr(systemErr);
    }

    static String urlEncoded(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
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
}
