package dev.omnigraph.console.storage;

import dev.omnigraph.console.runtime.AppRuntime;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Where the credentials the AWS SDK finds by itself enter the console: a named profile and its
 * credentials file, SSO, {@code credential_process}, web identity, container and instance roles.
 * The console never sees those keys unless it asks, so this provider asks: every set its delegate
 * resolves (a refreshed role session included) is registered with the redactor, as
 * {@link S3Settings.StaticKeys} registers typed keys, before the SDK signs with it.
 */
public final class RegisteringCredentialsProvider implements AwsCredentialsProvider, SdkAutoCloseable {
    private final AwsCredentialsProvider delegate;
    private volatile AwsCredentials registered;

    private RegisteringCredentialsProvider(AwsCredentialsProvider delegate) {
        this.delegate = delegate;
    }

    /** {@code delegate}, with every credential set it resolves registered as a secret. */
    public static AwsCredentialsProvider of(AwsCredentialsProvider delegate) {
        return delegate instanceof RegisteringCredentialsProvider ? delegate : new RegisteringCredentialsProvider(delegate);
    }

    @Override
    public AwsCredentials resolveCredentials() {
        AwsCredentials credentials = delegate.resolveCredentials();
        if (credentials != registered) {
            String token = credentials instanceof AwsSessionCredentials session ? session.sessionToken() : null;
            AppRuntime.secrets(credentials.accessKeyId(), credentials.secretAccessKey(), token);
            registered = credentials;
        }
        return credentials;
    }

    @Override
    public void close() {
        if (delegate instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not close the credentials provider " + delegate.getClass().getSimpleName(), e);
            }
        }
    }

    @Override
    public String toString() {
        return "RegisteringCredentialsProvider[" + delegate.getClass().getSimpleName() + "]";
    }
}
