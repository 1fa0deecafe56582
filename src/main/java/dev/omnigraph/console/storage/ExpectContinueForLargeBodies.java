package dev.omnigraph.console.storage;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Keeps {@code Expect: 100-continue} (which the SDK adds to every PutObject and UploadPart) only on
 * bodies of at least {@link #MIN_BODY} bytes. For a small body the header costs a whole round trip
 * per object (the client waits for "100 Continue" before sending the bytes) and saves nothing: the
 * body fits in the socket buffers. The trade-off kept for refused conditional writes: a server that
 * answers 412 before reading a small body may close the connection while the body is in flight, so
 * the client can see a reset instead of the 412; the write's outcome is then unknown, and the
 * store re-reads the object before deciding (see {@link S3UnknownOutcome}), as it does for any
 * broken connection. Large bodies keep the header, so a refusal costs no wasted upload.
 */
final class ExpectContinueForLargeBodies implements ExecutionInterceptor {
    static final long MIN_BODY = 1024L * 1024;

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        SdkHttpRequest request = context.httpRequest();
        if (request.firstMatchingHeader("Expect").isEmpty()) {
            return request;
        }
        long length = bodyLength(request);
        return length >= 0 && length < MIN_BODY ? request.toBuilder().removeHeader("Expect").build() : request;
    }

    /** The body's length: the decoded one for aws-chunked bodies, else Content-Length; -1 when unknown. */
    static long bodyLength(SdkHttpRequest request) {
        String value = request.firstMatchingHeader("x-amz-decoded-content-length")
                .or(() -> request.firstMatchingHeader("Content-Length")).orElse(null);
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
