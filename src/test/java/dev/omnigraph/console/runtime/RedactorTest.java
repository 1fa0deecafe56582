package dev.omnigraph.console.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.storage.S3Settings;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class RedactorTest {
    private static final String SECRET_40 = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYFAKEKEY123";
    private static final String ACCESS_KEY_ID = "AKIAIOSFODNN7FAKE123";

    @Test
    void knownSecretsAreRemovedWhereverTheyAppearAlsoUrlEncoded() {
        Redactor r = new Redactor();
        r.addSecret("s3cr3t-value-42");
        String out = r.redact("x=s3cr3t-value-42, again s3cr3t-value-42; url %2F s3cr3t-value-42");
        assertThat(out).doesNotContain("s3cr3t-value-42").contains(Redactor.MASK);

        r.addSecret("a/b+c=d/secretish");
        assertThat(r.redact("GET /x?X-Token=a%2Fb%2Bc%3Dd%2Fsecretish")).doesNotContain("a%2Fb%2Bc%3Dd%2Fsecretish");
    }

    @Test
    void shortSecretsAreMaskedAsWordsSoOrdinaryWordsSurvive() {
        Redactor r = new Redactor();
        r.addSecret("abc");
        r.addSecret("xy"); // too short to mask anything
        r.addSecret("   ");
        r.addSecret(null);
        assertThat(r.redact("abc is fine")).isEqualTo(Redactor.MASK + " is fine");
        assertThat(r.redact("abcdef and cabc and xy stay")).isEqualTo("abcdef and cabc and xy stay");

        Redactor guessed = new Redactor();
        guessed.addFromEnvironment(Map.of("DISABLE_TOKEN_CACHE", "true", "SECRET_MODE", "off"));
        assertThat(guessed.knownSecretCount()).isZero();
        assertThat(guessed.redact("true or off")).isEqualTo("true or off");
    }

    @Test
    void staticKeysEnvironmentAndSdkPropertiesAreRegistered() {
        Redactor r = new Redactor();
        r.addSecrets("OGCFAKE0123456789", "0123456789abcdef0123456789abcdef01234567", "tok-tok-tok-1");
        r.addFromEnvironment(Map.of("AWS_SECRET_ACCESS_KEY", "env-secret-1", "MY_API_KEY", "env-api-1",
                "AWS_REGION", "eu-central-1", "AWS_WEB_IDENTITY_TOKEN_FILE", "/var/run/token", "HOME", "/root",
                "XAUTHORITY", "/tmp/xvfb-run.1/Xauthority"));
        Properties p = new Properties();
        p.setProperty("aws.secretAccessKey", "prop-secret-1");
        p.setProperty("user.name", "alice1");
        r.addFromSystemProperties(p);

        String text = "OGCFAKE0123456789 0123456789abcdef0123456789abcdef01234567 tok-tok-tok-1 env-secret-1 env-api-1 "
                + "prop-secret-1 eu-central-1 /var/run/token /root alice1";
        assertThat(r.redact(text))
                .doesNotContain("OGCFAKE0123456789", "0123456789abcdef0123456789abcdef01234567", "tok-tok-tok-1",
                        "env-secret-1", "env-api-1", "prop-secret-1")
                .contains("eu-central-1", "/var/run/token", "/root", "alice1");
        assertThat(r.redact("display auth /tmp/xvfb-run.1/Xauthority")).contains("/tmp/xvfb-run.1/Xauthority");
    }

    @Test
    void secretShapesAreRemovedWithoutRegistration() {
        Redactor r = new Redactor();
        String token = "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQDfakefakeFAKEfake0123456789abcdefghijkLMNOPQRstuvWXyz"
                + "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789+/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789AbCdEfGhIjKlMnOp==";
        String text = String.join("\n",
                "key id " + ACCESS_KEY_ID + " and ASIAZZZZYYYYXXXX1234",
                "aws_secret_access_key = " + SECRET_40,
                "export AWS_SESSION_TOKEN=" + token,
                "api_key: sk-live-abcdef123456",
                "{\"api_key\":\"json-api-value-9\", \"password\" : \"hunter2hunter2\"}",
                "escaped {\\\"api_key\\\":\\\"escaped-api-value\\\"}",
                "Authorization: AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY_ID + "/20260101/us-east-1/s3/aws4_request, "
                        + "SignedHeaders=host;x-amz-date, Signature=3f1c9b2e8d7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c",
                "x-amz-security-token: " + token,
                "https://b.s3.amazonaws.com/k?X-Amz-Credential=abc%2F123&X-Amz-Signature=deadbeef&X-Amz-Security-Token=zzz",
                "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig",
                "a bare secret " + SECRET_40 + " in prose");
        String out = r.redact(text);
        assertThat(out).doesNotContain(ACCESS_KEY_ID, "ASIAZZZZYYYYXXXX1234", SECRET_40, token, "sk-live-abcdef123456",
                "json-api-value-9", "hunter2hunter2", "escaped-api-value", "3f1c9b2e8d7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c",
                "abc%2F123", "deadbeef", "eyJhbGciOiJIUzI1NiJ9");
        assertThat(out).contains("AKIA" + Redactor.MASK, "api_key: " + Redactor.MASK, "SignedHeaders=host");
    }

    @Test
    void identifiersAdminsNeedStayReadable() {
        Redactor r = new Redactor();
        String text = String.join("\n",
                "cas sha256:1e8d5ccfae49120a8ad7c76d949c704e67cbaf406e89e67c98f00094c6c20b47",
                "lock 01JH8ZK4Q3V5T6W7X8Y9Z0ABCD held by apply",
                "etag \"9b2cf535f27731c974343645a3985328\" git 0172a8a5e1f2d3c4b5a6978877665544332211ff",
                "s3://company-data/prod/omnigraph/__cluster/resources/graph/company-brain/0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9",
                "graphs/company-brain.omni/_versions/1.manifest",
                "\tat dev.omnigraph.console.cluster.ClusterReader.read(ClusterReader.java:120)",
                "S3Settings[endpoint=http://127.0.0.1:9000, region=us-east-1, pathStyle=true, profile=(default chain)]",
                "token 1e8d5ccfae49120a8ad7c76d949c704e67cbaf406e89e67c98f00094c6c20b47");
        assertThat(r.redact(text)).isEqualTo(text);
    }

    @Test
    void alreadyMaskedValuesAreNotMangled() {
        Redactor r = new Redactor();
        r.addSecret("my-api-key-value");
        assertThat(r.redact("api_key=my-api-key-value")).isEqualTo("api_key=" + Redactor.MASK);
        assertThat(r.redact("StaticKeys[accessKeyId=OGCF…, secret=***]")).isEqualTo("StaticKeys[accessKeyId=OGCF…, secret=***]");
    }

    @Test
    void aRegisteredSecretIsAlsoMaskedInItsUrlEncodedAndBase64Forms() {
        Redactor r = new Redactor();
        String secret = "pl41n/secret+value";
        r.addSecrets(secret, null, "tiny");
        String base64 = java.util.Base64.getEncoder().encodeToString(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String out = r.redact("raw " + secret + " url " + java.net.URLEncoder.encode(secret, java.nio.charset.StandardCharsets.UTF_8)
                + " basic " + base64 + " tiny");
        assertThat(out).isEqualTo("raw " + Redactor.MASK + " url " + Redactor.MASK + " basic " + Redactor.MASK + " " + Redactor.MASK);
    }
}
