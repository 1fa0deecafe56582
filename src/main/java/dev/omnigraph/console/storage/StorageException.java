package dev.omnigraph.console.storage;

/**
 * A storage failure, classified so the console can say what happened and what to do, in the
 * window and on the command line. Messages never contain credentials.
 */
public final class StorageException extends Exception {

    /** What went wrong, each with advice an admin can act on. */
    public enum Kind {
        NOT_FOUND("Check the key or prefix."),
        NO_SUCH_BUCKET("Check the bucket name, the endpoint and the region."),
        ACCESS_DENIED("The credentials lack permission for this action: check the IAM policy or bucket policy."),
        INVALID_CREDENTIALS("The access key or secret is wrong: check AWS_ACCESS_KEY_ID / the selected profile."),
        CREDENTIALS_EXPIRED("The session has expired: refresh it (for SSO profiles: aws sso login --profile NAME)."),
        NO_CREDENTIALS("No AWS credentials were found: set a profile, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or run aws sso login."),
        UNREACHABLE("The endpoint could not be reached: check the endpoint URL, the network and any proxy."),
        TIMEOUT("The endpoint did not answer in time: check the network, or retry."),
        TLS("The TLS handshake failed: check the endpoint's certificate and AWS_CA_BUNDLE, or use http:// for a local server."),
        THROTTLED("The server asked to slow down (503 SlowDown): retry later or lower the concurrency."),
        SERVER_ERROR("The server failed (5xx): retry later."),
        OUTCOME_UNKNOWN("The connection failed after the request was sent: re-read the object before deciding anything."),
        INVALID_KEY("The key is not a safe relative name (it would escape the root or is malformed)."),
        TOO_LARGE("The object is larger than the console reads into memory: it is not a valid control-plane object."),
        UNSUPPORTED("The storage backend does not support this operation."),
        CANCELLED("The operation was cancelled."),
        IO("A local input/output error occurred: check the path, permissions and free space.");

        private final String hint;

        Kind(String hint) {
            this.hint = hint;
        }

        /** What to do about it. */
        public String hint() {
            return hint;
        }

        /** Worth retrying with backoff (throttling, 5xx, resets). */
        public boolean transientFailure() {
            return this == THROTTLED || this == SERVER_ERROR || this == TIMEOUT || this == UNREACHABLE;
        }
    }

    private final Kind kind;
    private final String target;

    public StorageException(Kind kind, String target, String message) {
        this(kind, target, message, null);
    }

    public StorageException(Kind kind, String target, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.target = target;
    }

    public Kind kind() {
        return kind;
    }

    /** The object, prefix or root the failure concerns (display form). */
    public String target() {
        return target;
    }

    /** One line for people: what failed, on what, and what to do. */
    public String describe() {
        String what = getMessage();
        return (target == null || what.contains(target) ? what : what + " (" + target + ")") + ". " + kind.hint();
    }
}
