package dev.omnigraph.console.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Where pattern redaction cannot help and only the registered value can: secrets shorter than
 * the shapes the patterns know (a MinIO secret of 8 characters, a 5-character access key), secrets
 * split across lines or log records, and secrets inside exception messages and their causes (AWS
 * SDK exceptions carry request ids, which must stay readable, and can carry header values).
 */
class RedactionEdgeCasesTest {
    private static final String SHORT_SECRET = "m1n10pw8";       // MinIO's shortest secret: no pattern knows it
    private static final String SHORT_ID = "ogc42";              // a short access key id
    private static final String SECRET = "b9f2c61e0d7a4f3890ce1d25a7b04e6f9c83d1a2"; // lower-case hex: not secret-shaped
    private static final String TOKEN = "fwogcmVnaW9uOiB1cy1lYXN0LTEsIHNlc3Npb246IDdmM2E5YzFlLCBleHBpcmVzOiAyMDI2LTEyLTA4"
            + "VDA0OjAwOjAwWiwgcm9sZTogb21uaWdyYXBoLWFkbWluLCBub25jZTogNGY5ZDJhOGMxYjNlNWY3MA";

    private static Redactor registered() {
        Redactor r = new Redactor();
        r.addSecrets(SHORT_SECRET, SHORT_ID, SECRET, TOKEN);
        return r;
    }

    @Test
    void secretsShorterThanEveryPatternAreMaskedOnlyBecauseTheyAreRegistered() {
        String text = "secret " + SHORT_SECRET + " id=" + SHORT_ID + " {\"k\":\"" + SHORT_SECRET + "\"} url "
                + URLEncoder.encode(SHORT_SECRET + "/", StandardCharsets.UTF_8) + " basic "
                + Base64.getEncoder().encodeToString((SHORT_ID + ":" + SHORT_SECRET).getBytes(StandardCharsets.UTF_8)) + " hex " + SECRET;
        assertThat(new Redactor().redact(text)).as("no pattern catches them").contains(SHORT_SECRET, SHORT_ID, SECRET);

        Redactor r = registered();
        assertThat(r.redact(text)).doesNotContain(SHORT_SECRET, SHORT_ID, SECRET,
                Base64.getEncoder().encodeToString((SHORT_ID + ":" + SHORT_SECRET).getBytes(StandardCharsets.UTF_8)));
        assertThat(r.redact("bucket ogc42-data and logc42 keep their names")).isEqualTo("bucket ogc42-data and logc42 keep their names"
                .replace("ogc42-data", Redactor.MASK + "-data"));
    }

    @Test
    void aSecretSplitByLineBreaksInOneTextIsMaskedAndTheLinesStay() {
        Redactor r = registered();
        String wrapped = "x-amz-content: " + SECRET.substring(0, 3) + "\n    " + SECRET.substring(3) + " end";
        String crlf = "id " + SHORT_SECRET.substring(0, 4) + "\r\n" + SHORT_SECRET.substring(4);
        String mime = Base64.getMimeEncoder().encodeToString(("token=" + TOKEN).getBytes(StandardCharsets.UTF_8));
        r.addSecret("token=" + TOKEN);

        assertThat(r.redact(wrapped)).isEqualTo("x-amz-content: " + Redactor.MASK + "\n end");
        assertThat(r.redact(crlf)).isEqualTo("id " + Redactor.MASK + "\r\n");
        assertThat(mime).contains("\r\n");
        assertThat(r.redact(mime).replaceAll("\\R", "")).isEqualTo(Redactor.MASK);
    }

    @Test
    void thePiecesOfASecretWrittenOverSeveralLogRecordsAreMasked() {
        Redactor r = registered();
        LogFormat format = new LogFormat(r, true);
        String first = format.format(record("header x-amz-security-token: " + TOKEN.substring(0, 50)));
        String middle = format.format(record(TOKEN.substring(50, 110)));
        String last = format.format(record(TOKEN.substring(110) + "\" (end of headers)"));
        String secretPieces = format.format(record("secret=" + SECRET.substring(0, 20))) + format.format(record(SECRET.substring(20)));

        for (String line : new String[] {first, middle, last, secretPieces}) {
            for (int at = 0; at + SecretFragments.MIN_FRAGMENT <= TOKEN.length(); at++) {
                assertThat(line).doesNotContain(TOKEN.substring(at, at + SecretFragments.MIN_FRAGMENT));
            }
            for (int at = 0; at + SecretFragments.MIN_FRAGMENT <= SECRET.length(); at++) {
                assertThat(line).doesNotContain(SECRET.substring(at, at + SecretFragments.MIN_FRAGMENT));
            }
        }
        assertThat(first).contains("x-amz-security-token: " + Redactor.MASK);
        assertThat(last).contains(Redactor.MASK + "\" (end of headers)");
        assertThat(r.redact("the digest " + "0".repeat(64) + " and ULID 01JH8ZK4Q3V5T6W7X8Y9Z0ABCD stay"))
                .isEqualTo("the digest " + "0".repeat(64) + " and ULID 01JH8ZK4Q3V5T6W7X8Y9Z0ABCD stay");
    }

    @Test
    void awsSdkExceptionsKeepTheirRequestIdsAndLoseTheHeaderValuesInMessagesCausesAndSuppressed() {
        Redactor r = registered();
        S3Exception refused = (S3Exception) S3Exception.builder()
                .message("The request signature we calculated does not match. StringToSign: AWS4-HMAC-SHA256\n20261208T004000Z\n"
                        + "x-amz-security-token:" + TOKEN + "\nCanonicalRequest: host;x-amz-date " + SECRET)
                .requestId("4442587FB7D0A2F9").extendedRequestId("s9lzHYrFp76ZVxRcpX9+5cjAnEH2ROuNkd2BHfIa6UkFVdtjf5mKR3")
                .statusCode(403)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("SignatureDoesNotMatch").serviceName("S3")
                        .errorMessage("signed with " + SHORT_ID + "/" + SHORT_SECRET)
                        .sdkHttpResponse(SdkHttpResponse.builder().statusCode(403).putHeader("x-amz-request-id", "4442587FB7D0A2F9")
                                .build()).build())
                .cause(new IOException("header Authorization: Basic "
                        + Base64.getEncoder().encodeToString((SHORT_ID + ":" + SHORT_SECRET).getBytes(StandardCharsets.UTF_8))))
                .build();
        SdkClientException outer = SdkClientException.builder().message("Unable to execute HTTP request with " + SHORT_ID)
                .cause(refused).build();
        outer.addSuppressed(new IllegalStateException("retry 2 sent x-amz-security-token=" + TOKEN.substring(0, 60)));

        String logged = new LogFormat(r, true).format(recordWith("S3 call failed", outer));
        String echoed = new LogFormat(r, false).format(recordWith("S3 call failed", outer));
        CrashReport report = CrashReport.build(Thread.currentThread(), outer,
                new AppFacts("1.0", false, "command line", "os", "java", "not loaded", 1), new ActivityTrail(), null, r);

        for (String text : new String[] {logged, echoed, report.text(), report.summary(), r.redact(CrashReport.oneLine(outer))}) {
            assertThat(text).doesNotContain(TOKEN.substring(0, 20), SECRET, SHORT_SECRET,
                    Base64.getEncoder().encodeToString((SHORT_ID + ":" + SHORT_SECRET).getBytes(StandardCharsets.UTF_8)))
                    .doesNotContainPattern("(?<![A-Za-z0-9])" + SHORT_ID + "(?![A-Za-z0-9])");
        }
        assertThat(logged).contains("Request ID: 4442587FB7D0A2F9", "s9lzHYrFp76ZVxRcpX9+5cjAnEH2ROuNkd2BHfIa6UkFVdtjf5mKR3",
                "Suppressed:", "Caused by:", "Authorization: Basic " + Redactor.MASK);
        assertThat(report.text()).contains("Request ID: 4442587FB7D0A2F9", "caused by java.io.IOException");
    }

    @Test
    void keysGivenAsCommandLineOptionsAreMaskedHoweverAParserEchoesThem() {
        Redactor patternsOnly = new Redactor();
        String echoed = String.join("\n", "Unknown options: '--secret-access-key', '" + SECRET + "'",
                "unknown option --aws-session-token=" + TOKEN, "given: status --access-key-id " + SHORT_ID + " --root s3://b/p",
                "usage: --root URI  --endpoint URL");
        assertThat(patternsOnly.redact(echoed)).doesNotContain(SECRET, TOKEN, SHORT_ID)
                .contains("'--secret-access-key', '" + Redactor.MASK + "'", "--root s3://b/p", "--root URI  --endpoint URL");
    }

    private static LogRecord record(String message) {
        LogRecord record = new LogRecord(Level.INFO, message);
        record.setLoggerName("org.apache.http.wire");
        return record;
    }

    private static LogRecord recordWith(String message, Throwable thrown) {
        LogRecord record = new LogRecord(Level.WARNING, message);
        record.setLoggerName("software.amazon.awssdk.request");
        record.setThrown(thrown);
        return record;
    }
}
