package dev.omnigraph.console.storage;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Turns AWS SDK exceptions into {@link StorageException}s an admin can act on. */
final class S3Errors {
    private S3Errors() {}

    static int status(Throwable e) {
        return e instanceof S3Exception s3 ? s3.statusCode() : -1;
    }

    static String code(Throwable e) {
        if (e instanceof S3Exception s3 && s3.awsErrorDetails() != null && s3.awsErrorDetails().errorCode() != null) {
            return s3.awsErrorDetails().errorCode();
        }
        return "";
    }

    /**
     * Classifies a failure of {@code action} on {@code target}.
     *
     * @param writeSent true for a conditional write whose request may have reached the server: a
     *                  transport failure then means the outcome is unknown
     */
    static StorageException map(RuntimeException e, String action, String target, boolean writeSent) {
        if (e instanceof S3Exception s3) {
            int status = s3.statusCode();
            String code = code(s3);
            StorageException.Kind kind = switch (code) {
                case "NoSuchBucket" -> StorageException.Kind.NO_SUCH_BUCKET;
                case "NoSuchKey" -> StorageException.Kind.NOT_FOUND;
                case "InvalidAccessKeyId", "SignatureDoesNotMatch", "InvalidToken", "AuthorizationHeaderMalformed" ->
                        StorageException.Kind.INVALID_CREDENTIALS;
                case "ExpiredToken", "TokenRefreshRequired" -> StorageException.Kind.CREDENTIALS_EXPIRED;
                case "AccessDenied", "AllAccessDisabled", "AccountProblem" -> StorageException.Kind.ACCESS_DENIED;
                case "SlowDown", "RequestLimitExceeded", "TooManyRequests" -> StorageException.Kind.THROTTLED;
                case "NotImplemented" -> StorageException.Kind.UNSUPPORTED;
                default -> byStatus(status);
            };
            String detail = code.isEmpty() ? "HTTP " + status : code + " (HTTP " + status + ")";
            return new StorageException(kind, target, "Could not " + action + " " + target + ": " + detail, e);
        }
        Throwable root = rootCause(e);
        if (unparsableAnswer(e)) {
            // a body cut short (Content-Length kept) or garbled on the way: the server did answer, so
            // not "unreachable"; reads retry it (BrokenConnectionRetry), a write's outcome is unknown
            String why = root.getMessage() == null ? root.getClass().getSimpleName() : firstLine(root.getMessage());
            return new StorageException(writeSent ? StorageException.Kind.OUTCOME_UNKNOWN : StorageException.Kind.SERVER_ERROR, target,
                    "Could not " + action + " " + target + ": the server's answer was truncated or malformed (" + why + ")", e);
        }
        StorageException.Kind kind;
        if (e instanceof AbortedException || root instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
            kind = StorageException.Kind.CANCELLED;
        } else if (root instanceof UnknownHostException || root instanceof ConnectException || root instanceof NoRouteToHostException) {
            kind = writeSent && !(root instanceof UnknownHostException) && !(root instanceof ConnectException)
                    ? StorageException.Kind.OUTCOME_UNKNOWN : StorageException.Kind.UNREACHABLE;
        } else if (root instanceof SSLException) {
            kind = StorageException.Kind.TLS;
        } else if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException || root instanceof SocketTimeoutException) {
            kind = writeSent ? StorageException.Kind.OUTCOME_UNKNOWN : StorageException.Kind.TIMEOUT;
        } else if (e instanceof SdkClientException && e.getMessage() != null && e.getMessage().contains("credentials")) {
            kind = StorageException.Kind.NO_CREDENTIALS;
        } else if (writeSent) {
            kind = StorageException.Kind.OUTCOME_UNKNOWN;
        } else {
            kind = StorageException.Kind.UNREACHABLE;
        }
        String reason = root.getMessage() == null ? root.getClass().getSimpleName() : firstLine(root.getMessage());
        if (kind == StorageException.Kind.NO_CREDENTIALS) {
            reason = "no credentials in the environment, the profile or the instance";
        }
        return new StorageException(kind, target, "Could not " + action + " " + target + ": " + reason, e);
    }

    /** The SDK could not parse an answer's XML: it was cut short or damaged in transit. */
    static boolean unparsableAnswer(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SdkClientException && t.getMessage() != null
                    && (t.getMessage().startsWith("Could not parse XML response") || t.getMessage().startsWith("Unable to unmarshall"))) {
                return true;
            }
        }
        return false;
    }

    private static StorageException.Kind byStatus(int status) {
        if (status == 404) {
            return StorageException.Kind.NOT_FOUND;
        }
        if (status == 403) {
            return StorageException.Kind.ACCESS_DENIED;
        }
        if (status == 401) {
            return StorageException.Kind.INVALID_CREDENTIALS;
        }
        if (status == 429 || status == 503) {
            return StorageException.Kind.THROTTLED;
        }
        if (status == 501) {
            return StorageException.Kind.UNSUPPORTED;
        }
        if (status >= 500) {
            return StorageException.Kind.SERVER_ERROR;
        }
        return StorageException.Kind.IO;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
