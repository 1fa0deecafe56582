package dev.omnigraph.console.storage;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.auth.credentials.WebIdentityTokenFileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/** Builds the AWS SDK client for {@link S3Settings}. */
final class S3ClientFactory {
    private S3ClientFactory() {}

    static S3Client create(S3Settings settings) {
        return create(settings, true, retryStrategy(settings));
    }

    /**
     * A client for writes that must never be re-sent blindly (conditional puts, copies, multipart
     * completion, deletes): its only automatic retries are a throttling answer (503 SlowDown, 429),
     * which says the server did not act, a 400 RequestTimeout (the server did not get the whole
     * body) and a request that could not be sent whole ("Broken pipe"). Any other transport
     * failure, or a 5xx, after the request was sent reaches the caller, which re-reads the object
     * to learn the outcome before sending again.
     */
    static S3Client createForWrites(S3Settings settings) {
        return createForWrites(settings, true);
    }

    /**
     * As {@link #createForWrites(S3Settings)}; {@code chunked} false gives the client for bodies that
     * are in memory (buffered puts and parts): each is sent in one piece, its payload hash in the
     * signature, instead of the aws-chunked framing with a signature per 128 KiB chunk that a
     * streamed body of unknown content needs.
     */
    static S3Client createForWrites(S3Settings settings, boolean chunked) {
        return create(settings, chunked, DefaultRetryStrategy.standardStrategyBuilder()
                .maxAttempts(settings.maxAttempts())
                .retryOnException(t -> throttled(t) || bodyNotReceived(t) || neverDelivered(t))
                .treatAsThrottling(S3ClientFactory::throttled)
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(200), Duration.ofSeconds(5)))
                .circuitBreakerEnabled(false)
                .useClientDefaults(false) // else the SDK adds its own conditions back: I/O errors and every 5xx
                .build());
    }

    /**
     * "Broken pipe": writing the request failed because the server had already closed the
     * connection (typically a pooled connection it dropped): the request was not delivered whole,
     * so the server cannot have acted on it, and sending it again is safe. A reset or a missing
     * answer while reading is different: the request may have been applied.
     */
    static boolean neverDelivered(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof java.net.SocketException && c.getMessage() != null && c.getMessage().contains("Broken pipe")) {
                return true;
            }
        }
        return false;
    }

    private static boolean throttled(Throwable t) {
        return t instanceof S3Exception e && (e.statusCode() == 503 || e.statusCode() == 429);
    }

    /** 400 RequestTimeout: the server gave up waiting for the body, so it did not act. */
    private static boolean bodyNotReceived(Throwable t) {
        return t instanceof S3Exception e && e.statusCode() == 400 && e.awsErrorDetails() != null
                && "RequestTimeout".equals(e.awsErrorDetails().errorCode());
    }

    private static S3Client create(S3Settings settings, boolean chunked, RetryStrategy retries) {
        var http = ApacheHttpClient.builder()
                .maxConnections(settings.maxConnections())
                .connectionTimeout(settings.connectTimeout())
                .socketTimeout(settings.readTimeout())
                .connectionAcquisitionTimeout(Duration.ofSeconds(60))
                .tcpKeepAlive(true)
                // "Expect: 100-continue" as the request carries it: the SDK puts it on every PutObject and
                // UploadPart, ExpectContinueForLargeBodies keeps it only on bodies of 1 MiB and more (a server
                // that refuses a conditional write early then never sees half a large body), and Apache waits
                // for "100 Continue" whenever the header is there. Enabled here, Apache would add it to every
                // request with a body again, small ones included (one round trip more per object).
                .expectContinueEnabled(false);
        var builder = S3Client.builder()
                .httpClientBuilder(http)
                .region(Region.of(region(settings)))
                .credentialsProvider(credentials(settings))
                // Third-party servers (older MinIO, R2, RustFS) reject the SDK's default trailing
                // checksums; we send Content-MD5 ourselves where integrity matters.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(settings.effectivePathStyle())
                        .chunkedEncodingEnabled(chunked)
                        .build())
                .overrideConfiguration(o -> o.retryStrategy(retries).addExecutionInterceptor(new ExpectContinueForLargeBodies()));
        if (settings.endpoint() != null) {
            builder.endpointOverride(URI.create(settings.endpoint()));
        }
        return builder.build();
    }

    private static StandardRetryStrategy retryStrategy(S3Settings settings) {
        return software.amazon.awssdk.awscore.retry.AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(settings.maxAttempts())
                .circuitBreakerEnabled(false)
                .build();
    }

    static String region(S3Settings settings) {
        if (settings.region() != null) {
            return settings.region();
        }
        try {
            var provider = settings.profile() == null ? new AwsProfileRegionProvider()
                    : new AwsProfileRegionProvider(null, settings.profile());
            return provider.getRegion().id();
        } catch (RuntimeException none) {
            return settings.regionOrDefault();
        }
    }

    static AwsCredentialsProvider credentials(S3Settings settings) {
        S3Settings.StaticKeys keys = settings.keys();
        if (keys != null) {
            return StaticCredentialsProvider.create(keys.sessionToken() == null || keys.sessionToken().isBlank()
                    ? AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey())
                    : AwsSessionCredentials.create(keys.accessKeyId(), keys.secretAccessKey(), keys.sessionToken()));
        }
        if (settings.profile() != null) {
            return RegisteringCredentialsProvider.of(ProfileCredentialsProvider.builder().profileName(settings.profile()).build());
        }
        if (settings.endpoint() != null) {
            // S3-compatible endpoints: the default chain without the EC2 instance-metadata lookup,
            // which only applies to AWS and otherwise makes "no credentials" take many seconds
            return RegisteringCredentialsProvider.of(AwsCredentialsProviderChain.builder().reuseLastProviderEnabled(true).credentialsProviders(
                    EnvironmentVariableCredentialsProvider.create(),
                    SystemPropertyCredentialsProvider.create(),
                    WebIdentityTokenFileCredentialsProvider.create(),
                    ProfileCredentialsProvider.create(),
                    ContainerCredentialsProvider.create()).build());
        }
        return RegisteringCredentialsProvider.of(DefaultCredentialsProvider.builder().build());
    }
}
