package dev.omnigraph.console.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The upload path of {@link S3ObjectStore}: conditional puts of a byte array (sent in one piece,
 * with Content-MD5, re-sent only after {@link S3UnknownOutcome} showed that an earlier attempt did
 * not land), streamed single PUTs and multipart uploads.
 *
 * <p>Sizes ({@link S3ObjectStore#putStream}): up to {@link S3ObjectStore#BUFFERED_MAX} read into
 * memory and sent whole; up to {@link S3ObjectStore#SINGLE_PUT_MAX} one streamed PUT, signed chunk
 * by chunk over HTTP, never held in memory, its ETag checked against the MD5 of the bytes sent;
 * above that multipart, one part buffered at a time (one buffer per upload, reused).
 */
final class S3Uploads {
    /** How often a conditional write whose outcome was unknown is resolved and retried. */
    private static final int UNKNOWN_OUTCOME_RETRIES = 3;

    private final S3Root root;
    private final S3UnknownOutcome outcomes;
    private final long singlePutMax;

    S3Uploads(S3Root root, S3UnknownOutcome outcomes, long singlePutMax) {
        this.root = root;
        this.outcomes = outcomes;
        this.singlePutMax = singlePutMax;
    }

    /**
     * A conditional put. It is never re-sent blindly: after a transport failure, a timeout or a 5xx
     * answer (the write may have landed) the object is re-read first; only when that shows the write
     * did not land is it sent again. A 409 ConditionalRequestConflict (another conditional write on
     * the key was in flight; ours did not land) is retried after a pause, and reported as a lost
     * precondition only when it persists.
     */
    PutResult put(String key, byte[] content, WriteCondition condition) throws StorageException {
        return put(key, content, null, condition);
    }

    /** As {@link #put(String, byte[], WriteCondition)}; {@code sha256Hex}: the body's SHA-256 when the caller has it (else null). */
    PutResult put(String key, byte[] content, String sha256Hex, WriteCondition condition) throws StorageException {
        String full = root.objectKey(key);
        String md5 = Base64.getEncoder().encodeToString(Hashing.md5().digest(content));
        boolean unknownBefore = false;
        for (int attempt = 0; ; attempt++) {
            StorageException unknown;
            try {
                return new PutResult.Written(S3Root.unquote(send(full, content, md5, sha256Hex, condition)));
            } catch (S3Exception e) {
                if (conditionalConflict(e) && attempt < UNKNOWN_OUTCOME_RETRIES) {
                    pause(key, attempt);
                    continue;
                }
                Optional<PutResult> lost = lostRace(e);
                if (lost.isPresent()) {
                    return unknownBefore ? outcomes.afterLostRace(key, content, condition, lost.get()) : lost.get();
                }
                if (e.statusCode() < 500 || e.statusCode() == 501 || e.statusCode() == 503) {
                    throw S3Errors.map(e, "write", root.display(key), false); // refused before acting
                }
                unknown = new StorageException(StorageException.Kind.OUTCOME_UNKNOWN, root.display(key),
                        S3Errors.map(e, "write", root.display(key), false).getMessage() + " (the write may have landed)", e);
            } catch (RuntimeException e) {
                unknown = S3Errors.map(e, "write", root.display(key), true);
                if (unknown.kind() != StorageException.Kind.OUTCOME_UNKNOWN && !unknown.kind().transientFailure()) {
                    throw unknown;
                }
            }
            unknownBefore = true;
            Optional<PutResult> resolved = outcomes.resolve(key, content, condition);
            if (resolved.isPresent()) {
                return resolved.get();
            }
            if (attempt >= UNKNOWN_OUTCOME_RETRIES) {
                throw unknown;
            }
            pause(key, attempt);
        }
    }

    /** One PUT of a body in memory: the direct path for small bodies where the endpoint allows it, else the SDK; the ETag as sent. */
    private String send(String full, byte[] content, String md5, String sha256Hex, WriteCondition condition) {
        if (root.direct() != null && S3DirectPut.carries(content.length)) {
            return root.direct().put(root.bucket(), full, content, md5, sha256Hex != null ? sha256Hex : Hashing.sha256Hex(content), condition);
        }
        return root.whole().putObject(b -> {
            b.bucket(root.bucket()).key(full).contentMD5(md5).contentLength((long) content.length);
            applyCondition(condition, b::ifNoneMatch, b::ifMatch);
        }, body(content)).eTag();
    }

    PutResult putStream(String key, InputStream content, long size, WriteCondition condition, LongConsumer progress)
            throws StorageException {
        try {
            if (size <= S3ObjectStore.BUFFERED_MAX) {
                byte[] bytes = content.readNBytes((int) size);
                if (bytes.length != size || content.read() != -1) {
                    throw new StorageException(StorageException.Kind.IO, root.display(key),
                            "The source of " + root.display(key) + " did not have the expected " + size + " bytes");
                }
                PutResult r = put(key, bytes, content instanceof Sha256InputStream hashed ? hashed.sha256Hex() : null, condition);
                if (progress != null) {
                    progress.accept(size);
                }
                return r;
            }
            if (size <= singlePutMax) {
                return streamedPut(key, content, size, condition, progress);
            }
            return multipartUpload(key, content, size, condition, progress);
        } catch (InterruptedIOException e) {
            throw new StorageException(StorageException.Kind.CANCELLED, root.display(key), "Upload cancelled", e);
        } catch (IOException e) {
            throw new StorageException(StorageException.Kind.IO, root.display(key), "Could not read the source of " + root.display(key)
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * One PUT streamed from {@code content}, never held in memory. A source that is shorter or
     * longer than {@code size} aborts the request before its last chunk, so nothing is written. A
     * transport failure after sending is {@link StorageException.Kind#OUTCOME_UNKNOWN}: the body
     * cannot be replayed, so the caller re-reads and decides.
     */
    private PutResult streamedPut(String key, InputStream content, long size, WriteCondition condition, LongConsumer progress)
            throws StorageException {
        String full = root.objectKey(key);
        ExactLengthStream body = new ExactLengthStream(content, size, progress);
        AtomicBoolean opened = new AtomicBoolean();
        RequestBody request = RequestBody.fromContentProvider(() -> {
            if (!opened.compareAndSet(false, true)) {
                throw new IllegalStateException("a streamed upload cannot be replayed");
            }
            return body;
        }, size, "application/octet-stream");
        try {
            var response = root.writes().putObject(b -> {
                b.bucket(root.bucket()).key(full).contentLength(size);
                applyCondition(condition, b::ifNoneMatch, b::ifMatch);
            }, request);
            String etag = S3Root.unquote(response.eTag());
            String sent = body.md5Hex();
            if (etag != null && etag.matches("[0-9a-f]{32}") && !etag.equals(sent)) {
                throw new StorageException(StorageException.Kind.SERVER_ERROR, root.display(key), "The server stored " + root.display(key)
                        + " with ETag " + etag + ", but the bytes sent have MD5 " + sent);
            }
            return new PutResult.Written(etag);
        } catch (S3Exception e) {
            Optional<PutResult> lost = lostRace(e);
            if (lost.isPresent()) {
                return lost.get();
            }
            throw S3Errors.map(e, "write", root.display(key), false);
        } catch (RuntimeException e) {
            if (body.failure() != null) {
                throw new StorageException(body.failure() instanceof InterruptedIOException ? StorageException.Kind.CANCELLED
                        : StorageException.Kind.IO, root.display(key), "Could not read the source of " + root.display(key) + ": "
                        + body.failure().getMessage(), body.failure());
            }
            throw S3Errors.map(e, "write", root.display(key), opened.get());
        }
    }

    private PutResult multipartUpload(String key, InputStream content, long size, WriteCondition condition, LongConsumer progress)
            throws StorageException, IOException {
        String full = root.objectKey(key);
        String uploadId;
        try {
            uploadId = root.reads().createMultipartUpload(b -> b.bucket(root.bucket()).key(full)).uploadId();
        } catch (RuntimeException e) {
            throw S3Errors.map(e, "start an upload of", root.display(key), false);
        }
        boolean completed = false;
        try {
            List<CompletedPart> parts = uploadParts(key, full, uploadId, content, size, progress);
            PutResult result = complete(key, full, uploadId, parts, condition);
            completed = true;
            return result;
        } finally {
            if (!completed) {
                abort(full, uploadId);
            }
        }
    }

    private List<CompletedPart> uploadParts(String key, String full, String uploadId, InputStream content, long size, LongConsumer progress)
            throws StorageException, IOException {
        long partSize = S3ObjectStore.partSizeFor(size);  // 8 MiB, or more to stay within 10,000 parts
        byte[] buf = new byte[(int) Math.min(partSize, size)];
        List<CompletedPart> parts = new ArrayList<>();
        long sent = 0;
        for (int number = 1; sent < size; number++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new StorageException(StorageException.Kind.CANCELLED, root.display(key), "Upload cancelled");
            }
            int len = (int) Math.min(partSize, size - sent);
            int got = content.readNBytes(buf, 0, len);
            if (got != len) {
                throw new StorageException(StorageException.Kind.IO, root.display(key),
                        "The source of " + root.display(key) + " ended after " + (sent + got) + " of " + size + " bytes");
            }
            parts.add(uploadPart(key, full, uploadId, number, buf, len));
            sent += len;
            if (progress != null) {
                progress.accept(len);
            }
        }
        if (content.read() != -1) {
            throw new StorageException(StorageException.Kind.IO, root.display(key), "The source of " + root.display(key)
                    + " is longer than " + size + " bytes");
        }
        return parts;
    }

    private CompletedPart uploadPart(String key, String full, String uploadId, int number, byte[] buf, int len) throws StorageException {
        java.security.MessageDigest md = Hashing.md5();
        md.update(buf, 0, len);
        String md5 = Base64.getEncoder().encodeToString(md.digest());
        try {
            var r = root.whole().uploadPart(b -> b.bucket(root.bucket()).key(full).uploadId(uploadId)
                    .partNumber(number).contentMD5(md5).contentLength((long) len), body(buf, len));
            return CompletedPart.builder().partNumber(number).eTag(r.eTag()).build();
        } catch (RuntimeException e) {
            throw S3Errors.map(e, "upload part " + number + " of", root.display(key), false);
        }
    }

    PutResult complete(String key, String full, String uploadId, List<CompletedPart> parts, WriteCondition condition)
            throws StorageException {
        try {
            var done = root.writes().completeMultipartUpload(b -> {
                b.bucket(root.bucket()).key(full).uploadId(uploadId).multipartUpload(CompletedMultipartUpload.builder().parts(parts).build());
                applyCondition(condition, b::ifNoneMatch, b::ifMatch);
            });
            return new PutResult.Written(S3Root.unquote(done.eTag()));
        } catch (S3Exception e) {
            Optional<PutResult> lost = lostRace(e);
            if (lost.isPresent()) {
                return lost.get();
            }
            throw S3Errors.map(e, "complete the upload of", root.display(key), false);
        } catch (RuntimeException e) {
            throw S3Errors.map(e, "complete the upload of", root.display(key), true);
        }
    }

    void abort(String full, String uploadId) {
        try {
            root.reads().abortMultipartUpload(b -> b.bucket(root.bucket()).key(full).uploadId(uploadId));
        } catch (RuntimeException ignored) {
            // the bucket's lifecycle rule or a later abort cleans it; nothing visible was written
        }
    }

    private static boolean conditionalConflict(S3Exception e) {
        return e.statusCode() == 409 && "ConditionalRequestConflict".equals(S3Errors.code(e));
    }

    private void pause(String key, int attempt) throws StorageException {
        try {
            Thread.sleep(50L << Math.min(attempt, 6));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException(StorageException.Kind.CANCELLED, root.display(key), "Cancelled while retrying the write of "
                    + root.display(key), e);
        }
    }

    /** A request body over the caller's array without the defensive copy {@code RequestBody.fromBytes} makes (one part less in memory). */
    private static RequestBody body(byte[] bytes) {
        return body(bytes, bytes.length);
    }

    private static RequestBody body(byte[] bytes, int length) {
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(bytes, 0, length), length, "application/octet-stream");
    }

    static void applyCondition(WriteCondition condition, Consumer<String> ifNoneMatch, Consumer<String> ifMatch) {
        switch (condition) {
            case WriteCondition.IfAbsent a -> ifNoneMatch.accept("*");
            case WriteCondition.IfMatch m -> ifMatch.accept(S3Root.quote(m.token()));
        }
    }

    static Optional<PutResult> lostRace(S3Exception e) {
        if (e.statusCode() == 404 && "NoSuchKey".equals(S3Errors.code(e))) {
            return Optional.of(new PutResult.PreconditionFailed("the object does not exist (If-Match on a missing key)"));
        }
        if (e.statusCode() == 412) {
            return Optional.of(new PutResult.PreconditionFailed("the precondition failed (HTTP 412)"));
        }
        if (e.statusCode() == 409 && "ConditionalRequestConflict".equals(S3Errors.code(e))) {
            return Optional.of(new PutResult.PreconditionFailed("a concurrent conditional write won (HTTP 409)"));
        }
        return Optional.empty();
    }
}
