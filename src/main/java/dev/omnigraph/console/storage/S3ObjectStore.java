package dev.omnigraph.console.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A storage root in an S3 or S3-compatible bucket ({@code s3://bucket/prefix}).
 *
 * <ul>
 *   <li>Version token: the ETag (quotes stripped).</li>
 *   <li>Create-only: {@code If-None-Match: *}; replace: {@code If-Match: "etag"}; a 412 is
 *       {@link PutResult.PreconditionFailed}, as is a 409 ConditionalRequestConflict (AWS: another
 *       conditional write on the key was in flight; ours did not land). A transport failure after
 *       a conditional write was sent is {@link StorageException.Kind#OUTCOME_UNKNOWN}.</li>
 *   <li>Integrity: every upload and part carries {@code Content-MD5}, so the server rejects bytes
 *       damaged on the way.</li>
 *   <li>Streamed uploads ({@link #putStream}): up to {@link #MULTIPART_THRESHOLD} buffered and sent
 *       with Content-MD5; up to {@link #SINGLE_PUT_MAX} sent as one streamed PUT without buffering
 *       (the request is signed chunk by chunk over HTTP, so the server rejects damaged bytes, and the
 *       returned ETag is checked against the MD5 of the bytes sent); above that multipart, parts
 *       buffered one at a time, so memory per transfer stays at one part.</li>
 *   <li>Conditional delete: DELETE with {@code If-Match}; 501 is reported as
 *       {@link DeleteResult.ConditionNotSupported}. Some servers ignore the header and delete
 *       anyway: the capability probe detects that, and callers consult it.</li>
 * </ul>
 */
public final class S3ObjectStore implements ObjectStore {
    public static final long MULTIPART_THRESHOLD = 16L * 1024 * 1024;
    public static final long PART_SIZE = 8L * 1024 * 1024;
    /** The largest object {@link #putStream} sends as one streamed PUT; larger ones go multipart. */
    public static final long SINGLE_PUT_MAX = 32L * 1024 * 1024;
    private static final long MAX_SINGLE_COPY = 5L * 1024 * 1024 * 1024;
    private static final int PAGE_SIZE = 1000;

    /**
     * The part size {@link #putStream} uses for an object of {@code size} bytes above
     * {@link #MULTIPART_THRESHOLD}: {@link #PART_SIZE}, or larger to stay within S3's 10,000 parts.
     * Callers that must predict the resulting multipart ETag (resume checks) use it.
     */
    public static long partSizeFor(long size) {
        return Math.max(PART_SIZE, (size + 9_999) / 10_000);
    }

    /** Whether {@link #putStream} uploads an object of this size in parts (its ETag then has the {@code -N} shape). */
    public static boolean usesMultipart(long size) {
        return size > SINGLE_PUT_MAX;
    }

    private final StoreUri.S3 uri;
    private final S3Settings settings;
    private final S3Client client;
    /** For writes that must not be re-sent blindly: retries throttling answers only (see {@link S3ClientFactory#createForWrites}). */
    private final S3Client writes;

    public S3ObjectStore(StoreUri.S3 uri, S3Settings settings) {
        this.uri = uri;
        this.settings = settings;
        this.client = S3ClientFactory.create(settings);
        this.writes = S3ClientFactory.createForWrites(settings);
    }

    @Override
    public StoreUri uri() {
        return uri;
    }

    public S3Settings settings() {
        return settings;
    }

    String bucket() {
        return uri.bucket();
    }

    private String objectKey(String key) throws StorageException {
        return uri.objectKey(Keys.check(key));
    }

    private String display(String key) {
        return "s3://" + uri.bucket() + "/" + uri.objectKey(key);
    }

    private String relative(String fullKey) {
        return uri.prefix().isEmpty() ? fullKey : fullKey.substring(uri.prefix().length() + 1);
    }

    private static String unquote(String etag) {
        if (etag == null) {
            return null;
        }
        String e = etag.trim();
        if (e.startsWith("W/")) {
            e = e.substring(2);
        }
        return e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"") ? e.substring(1, e.length() - 1) : e;
    }

    private static String quote(String token) {
        return token.startsWith("\"") ? token : "\"" + token + "\"";
    }

    // ---- reads ---------------------------------------------------------------------------

    @Override
    public Optional<StoredObject> read(String key, long maxBytes) throws StorageException {
        ConditionalRead r = readIfChanged(key, null, maxBytes);
        return r instanceof ConditionalRead.Changed c ? Optional.of(c.object()) : Optional.empty();
    }

    @Override
    public ConditionalRead readIfChanged(String key, String knownToken, long maxBytes) throws StorageException {
        return BrokenConnectionRetry.call(() -> readIfChangedOnce(key, knownToken, maxBytes));
    }

    private ConditionalRead readIfChangedOnce(String key, String knownToken, long maxBytes) throws StorageException {
        String full = objectKey(key);
        try (ResponseInputStream<GetObjectResponse> in = client.getObject(b -> {
            b.bucket(uri.bucket()).key(full);
            if (knownToken != null) {
                b.ifNoneMatch(quote(knownToken));
            }
        })) {
            return new ConditionalRead.Changed(readBody(key, in, maxBytes));
        } catch (S3Exception e) {
            if (e.statusCode() == 304) {
                return new ConditionalRead.Unchanged();
            }
            if (e.statusCode() == 404 && !"NoSuchBucket".equals(S3Errors.code(e))) {
                return new ConditionalRead.Absent();
            }
            throw S3Errors.map(e, "read", display(key), false);
        } catch (RuntimeException e) {
            throw S3Errors.map(e, "read", display(key), false);
        } catch (IOException e) {
            throw new StorageException(StorageException.Kind.UNREACHABLE, display(key), "Could not read " + display(key) + ": " + e.getMessage(), e);
        }
    }

    private StoredObject readBody(String key, ResponseInputStream<GetObjectResponse> in, long maxBytes)
            throws IOException, StorageException {
        GetObjectResponse meta = in.response();
        Long length = meta.contentLength();
        if (length != null && length > maxBytes) {
            in.abort();
            throw new StorageException(StorageException.Kind.TOO_LARGE, display(key),
                    display(key) + " is " + length + " bytes, over the " + maxBytes + "-byte limit");
        }
        long cap = maxBytes >= Integer.MAX_VALUE - 9 ? Integer.MAX_VALUE - 9 : maxBytes + 1;
        byte[] bytes = in.readNBytes((int) cap);
        if (bytes.length > maxBytes) {
            in.abort();
            throw new StorageException(StorageException.Kind.TOO_LARGE, display(key),
                    display(key) + " is over the " + maxBytes + "-byte limit");
        }
        if (length != null && bytes.length != length) {
            throw new StorageException(StorageException.Kind.SERVER_ERROR, display(key),
                    "The body of " + display(key) + " was truncated (" + bytes.length + " of " + length + " bytes)");
        }
        return new StoredObject(key, bytes, unquote(meta.eTag()), meta.lastModified() == null ? Instant.EPOCH : meta.lastModified());
    }

    @Override
    public Optional<ObjectInfo> stat(String key) throws StorageException {
        return BrokenConnectionRetry.call(() -> statOnce(key));
    }

    private Optional<ObjectInfo> statOnce(String key) throws StorageException {
        String full = objectKey(key);
        try {
            var head = client.headObject(b -> b.bucket(uri.bucket()).key(full));
            return Optional.of(new ObjectInfo(key, head.contentLength(), head.lastModified(), unquote(head.eTag())));
        } catch (S3Exception e) {
            if (e.statusCode() == 404 && !"NoSuchBucket".equals(S3Errors.code(e))) {
                return Optional.empty();
            }
            throw S3Errors.map(e, "stat", display(key), false);
        } catch (RuntimeException e) {
            throw S3Errors.map(e, "stat", display(key), false);
        }
    }

    @Override
    public Optional<InputStream> openStream(String key) throws StorageException {
        return BrokenConnectionRetry.call(() -> openStreamOnce(key));
    }

    private Optional<InputStream> openStreamOnce(String key) throws StorageException {
        String full = objectKey(key);
        try {
            return Optional.of(client.getObject(b -> b.bucket(uri.bucket()).key(full)));
        } catch (S3Exception e) {
            if (e.statusCode() == 404 && !"NoSuchBucket".equals(S3Errors.code(e))) {
                return Optional.empty();
            }
            throw S3Errors.map(e, "open", display(key), false);
        } catch (RuntimeException e) {
            throw S3Errors.map(e, "open", display(key), false);
        }
    }

    // ---- listings ------------------------------------------------------------------------

    private String fullPrefix(String prefix) throws StorageException {
        Keys.checkPrefix(prefix);
        String base = uri.prefix().isEmpty() ? "" : uri.prefix() + "/";
        return base + prefix;
    }

    private ListObjectsV2Response listPage(String fullPrefix, String delimiter, String token) throws StorageException {
        return BrokenConnectionRetry.call(() -> listPageOnce(fullPrefix, delimiter, token));
    }

    private ListObjectsV2Response listPageOnce(String fullPrefix, String delimiter, String token) throws StorageException {
        try {
            ListObjectsV2Request.Builder b = ListObjectsV2Request.builder().bucket(uri.bucket()).prefix(fullPrefix).maxKeys(PAGE_SIZE);
            if (delimiter != null) {
                b.delimiter(delimiter);
            }
            if (token != null) {
                b.continuationToken(token);
            }
            return client.listObjectsV2(b.build());
        } catch (RuntimeException e) {
            throw S3Errors.map(e, "list", "s3://" + uri.bucket() + "/" + fullPrefix, false);
        }
    }

    @Override
    public Stream<ObjectInfo> list(String prefix) throws StorageException {
        String full = fullPrefix(prefix);
        ListObjectsV2Response first = listPage(full, null, null);
        Iterator<ObjectInfo> it = new Iterator<>() {
            private ListObjectsV2Response page = first;
            private Iterator<S3Object> items = first.contents().iterator();

            @Override
            public boolean hasNext() {
                while (!items.hasNext()) {
                    if (!Boolean.TRUE.equals(page.isTruncated()) || page.nextContinuationToken() == null) {
                        return false;
                    }
                    try {
                        page = listPage(full, null, page.nextContinuationToken());
                    } catch (StorageException e) {
                        throw new UncheckedStorageException(e);
                    }
                    items = page.contents().iterator();
                }
                return true;
            }

            @Override
            public ObjectInfo next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                S3Object o = items.next();
                return new ObjectInfo(relative(o.key()), o.size(), o.lastModified(), unquote(o.eTag()));
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public Listing listChildren(String prefix) throws StorageException {
        String full = fullPrefix(prefix);
        List<ObjectInfo> objects = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        String token = null;
        do {
            ListObjectsV2Response page = listPage(full, "/", token);
            for (S3Object o : page.contents()) {
                objects.add(new ObjectInfo(relative(o.key()), o.size(), o.lastModified(), unquote(o.eTag())));
            }
            for (CommonPrefix p : page.commonPrefixes()) {
                prefixes.add(relative(p.prefix()));
            }
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return new Listing(objects, prefixes);
    }

    // ---- writes --------------------------------------------------------------------------

    /** How often a conditional write whose outcome was unknown is resolved and retried. */
    private static final int UNKNOWN_OUTCOME_RETRIES = 3;

    /**
     * A conditional put. It is never re-sent blindly: after a transport failure, a timeout or a 5xx
     * answer (the write may have landed) the object is re-read first ({@link #resolveUnknownOutcome});
     * only when that shows the write did not land is it sent again. A 409 ConditionalRequestConflict
     * (another conditional write on the key was in flight; ours did not land) is retried after a
     * pause, and reported as a lost precondition only when it persists.
     */
    @Override
    public PutResult put(String key, byte[] content, WriteCondition condition) throws StorageException {
        String full = objectKey(key);
        String md5 = Base64.getEncoder().encodeToString(Hashing.md5().digest(content));
        boolean unknownBefore = false;
        for (int attempt = 0; ; attempt++) {
            StorageException unknown;
            try {
                var response = writes.putObject(b -> {
                    b.bucket(uri.bucket()).key(full).contentMD5(md5).contentLength((long) content.length);
                    applyCondition(condition, b::ifNoneMatch, b::ifMatch);
                }, body(content));
                return new PutResult.Written(unquote(response.eTag()));
            } catch (S3Exception e) {
                if (conditionalConflict(e) && attempt < UNKNOWN_OUTCOME_RETRIES) {
                    pause(key, attempt);
                    continue;
                }
                Optional<PutResult> lost = lostRace(e);
                if (lost.isPresent()) {
                    if (unknownBefore) {
                        // an earlier attempt timed out or broke and may have landed since (a server can still
                        // apply a request the client gave up on): the precondition we now fail may be our own write
                        Optional<PutResult> ours = resolveUnknownOutcome(key, content, condition);
                        if (ours.isPresent() && ours.get() instanceof PutResult.Written) {
                            return ours.get();
                        }
                    }
                    return lost.get();
                }
                if (e.statusCode() < 500 || e.statusCode() == 501 || e.statusCode() == 503) {
                    throw S3Errors.map(e, "write", display(key), false); // refused before acting
                }
                unknown = new StorageException(StorageException.Kind.OUTCOME_UNKNOWN, display(key),
                        S3Errors.map(e, "write", display(key), false).getMessage() + " (the write may have landed)", e);
            } catch (RuntimeException e) {
                unknown = S3Errors.map(e, "write", display(key), true);
                if (unknown.kind() != StorageException.Kind.OUTCOME_UNKNOWN && !unknown.kind().transientFailure()) {
                    throw unknown;
                }
            }
            unknownBefore = true;
            Optional<PutResult> resolved = resolveUnknownOutcome(key, content, condition);
            if (resolved.isPresent()) {
                return resolved.get();
            }
            if (attempt >= UNKNOWN_OUTCOME_RETRIES) {
                throw unknown;
            }
            pause(key, attempt);
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
            throw new StorageException(StorageException.Kind.CANCELLED, display(key), "Cancelled while retrying the write of " + display(key), e);
        }
    }

    /**
     * After a conditional write failed in transit, re-read the object to learn what happened:
     * our bytes are there (written, by us or by an identical writer), the precondition no longer
     * holds (lost), or nothing changed (empty: safe to send again).
     */
    private Optional<PutResult> resolveUnknownOutcome(String key, byte[] content, WriteCondition condition) throws StorageException {
        Optional<ObjectInfo> info = stat(key);
        if (info.isPresent() && info.get().size() == content.length) {
            Optional<StoredObject> now = read(key, content.length);
            boolean ours = now.isPresent() && java.util.Arrays.equals(now.get().bytes(), content);
            boolean unchanged = condition instanceof WriteCondition.IfMatch m && now.isPresent() && m.token().equals(now.get().token());
            if (ours && !unchanged) {
                return Optional.of(new PutResult.Written(now.get().token()));
            }
        }
        return switch (condition) {
            case WriteCondition.IfAbsent a -> info.isPresent()
                    ? Optional.of(new PutResult.PreconditionFailed("the object already exists"))
                    : Optional.empty();
            case WriteCondition.IfMatch m -> info.isEmpty() || !m.token().equals(info.get().etag())
                    ? Optional.of(new PutResult.PreconditionFailed("the object changed since it was read"))
                    : Optional.empty();
        };
    }

    /** A request body over the caller's array without the defensive copy {@code RequestBody.fromBytes} makes (one part less in memory). */
    private static RequestBody body(byte[] bytes) {
        return RequestBody.fromContentProvider(() -> new java.io.ByteArrayInputStream(bytes), bytes.length, "application/octet-stream");
    }

    private static void applyCondition(WriteCondition condition,
                                       java.util.function.Consumer<String> ifNoneMatch,
                                       java.util.function.Consumer<String> ifMatch) {
        switch (condition) {
            case WriteCondition.IfAbsent a -> ifNoneMatch.accept("*");
            case WriteCondition.IfMatch m -> ifMatch.accept(quote(m.token()));
        }
    }

    private static Optional<PutResult> lostRace(S3Exception e) {
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

    @Override
    public PutResult putStream(String key, InputStream content, long size, WriteCondition condition, LongConsumer progress)
            throws StorageException {
        try {
            if (size <= MULTIPART_THRESHOLD) {
                byte[] bytes = content.readNBytes((int) size);
                if (bytes.length != size || content.read() != -1) {
                    throw new StorageException(StorageException.Kind.IO, display(key),
                            "The source of " + display(key) + " did not have the expected " + size + " bytes");
                }
                PutResult r = put(key, bytes, condition);
                if (progress != null) {
                    progress.accept(size);
                }
                return r;
            }
            if (!usesMultipart(size)) {
                return streamedPut(key, content, size, condition, progress);
            }
            return multipartUpload(key, content, size, condition, progress);
        } catch (InterruptedIOException e) {
            throw new StorageException(StorageException.Kind.CANCELLED, display(key), "Upload cancelled", e);
        } catch (IOException e) {
            throw new StorageException(StorageException.Kind.IO, display(key), "Could not read the source of " + display(key) + ": " + e.getMessage(), e);
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
        String full = objectKey(key);
        ExactLengthStream body = new ExactLengthStream(content, size, progress);
        java.util.concurrent.atomic.AtomicBoolean opened = new java.util.concurrent.atomic.AtomicBoolean();
        RequestBody request = RequestBody.fromContentProvider(() -> {
            if (!opened.compareAndSet(false, true)) {
                throw new IllegalStateException("a streamed upload cannot be replayed");
            }
            return body;
        }, size, "application/octet-stream");
        try {
            var response = writes.putObject(b -> {
                b.bucket(uri.bucket()).key(full).contentLength(size);
                applyCondition(condition, b::ifNoneMatch, b::ifMatch);
            }, request);
            String etag = unquote(response.eTag());
            String sent = body.md5Hex();
            if (etag != null && etag.matches("[0-9a-f]{32}") && !etag.equals(sent)) {
                throw new StorageException(StorageException.Kind.SERVER_ERROR, display(key), "The server stored " + display(key)
                        + " with ETag " + etag + ", but the bytes sent have MD5 " + sent);
            }
            return new PutResult.Written(etag);
        } catch (S3Exception e) {
            Optional<PutResult> lost = lostRace(e);
            if (lost.isPresent()) {
                return lost.get();
            }
            throw S3Errors.map(e, "write", display(key), false);
        } catch (RuntimeException e) {
            if (body.failure() != null) {
                throw new StorageException(body.failure() instanceof InterruptedIOException ? StorageException.Kind.CANCELLED
                        : StorageException.Kind.IO, display(key), "Could not read the source of " + display(key) + ": "
                        + body.failure().getMessage(), body.failure());
            }
            throw S3Errors.map(e, "write", display(key), opened.get());
        }
    }

    private PutResult multipartUpload(String key, InputStream content, long size, WriteCondition condition, LongConsumer progress)
            throws StorageException, IOException {
        String full = objectKey(key);
        long partSize = partSizeFor(size);
        String uploadId;
        try {
            uploadId = client.createMultipartUpload(b -> b.bucket(uri.bucket()).key(full)).uploadId();
        } catch (RuntimeException e) {
            throw S3Errors.map(e, "start an upload of", display(key), false);
        }
        boolean completed = false;
        try {
            List<CompletedPart> parts = new ArrayList<>();
            long sent = 0;
            int number = 1;
            while (sent < size) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new StorageException(StorageException.Kind.CANCELLED, display(key), "Upload cancelled");
                }
                int len = (int) Math.min(partSize, size - sent);
                byte[] buf = content.readNBytes(len);
                if (buf.length != len) {
                    throw new StorageException(StorageException.Kind.IO, display(key),
                            "The source of " + display(key) + " ended after " + (sent + buf.length) + " of " + size + " bytes");
                }
                String md5 = Base64.getEncoder().encodeToString(Hashing.md5().digest(buf));
                final int partNumber = number;
                try {
                    var r = client.uploadPart(b -> b.bucket(uri.bucket()).key(full).uploadId(uploadId)
                            .partNumber(partNumber).contentMD5(md5).contentLength((long) len), body(buf));
                    parts.add(CompletedPart.builder().partNumber(partNumber).eTag(r.eTag()).build());
                } catch (RuntimeException e) {
                    throw S3Errors.map(e, "upload part " + partNumber + " of", display(key), false);
                }
                sent += len;
                number++;
                if (progress != null) {
                    progress.accept(len);
                }
            }
            if (content.read() != -1) {
                throw new StorageException(StorageException.Kind.IO, display(key), "The source of " + display(key) + " is longer than " + size + " bytes");
            }
            try {
                var done = writes.completeMultipartUpload(b -> {
                    b.bucket(uri.bucket()).key(full).uploadId(uploadId)
                            .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build());
                    applyCondition(condition, b::ifNoneMatch, b::ifMatch);
                });
                completed = true;
                return new PutResult.Written(unquote(done.eTag()));
            } catch (S3Exception e) {
                Optional<PutResult> lost = lostRace(e);
                if (lost.isPresent()) {
                    return lost.get();
                }
                throw S3Errors.map(e, "complete the upload of", display(key), false);
            } catch (RuntimeException e) {
                throw S3Errors.map(e, "complete the upload of", display(key), true);
            }
        } finally {
            if (!completed) {
                try {
                    client.abortMultipartUpload(b -> b.bucket(uri.bucket()).key(full).uploadId(uploadId));
                } catch (RuntimeException ignored) {
                    // the bucket's lifecycle rule or a later abort cleans it; nothing visible was written
                }
            }
        }
    }

    @Override
    public Optional<PutResult> copyFrom(ObjectStore source, String sourceKey, String key, WriteCondition condition)
            throws StorageException {
        if (!sameEndpoint(source)) {
            return Optional.empty();
        }
        S3ObjectStore s3 = (S3ObjectStore) source;
        Optional<ObjectInfo> info = s3.stat(sourceKey);
        if (info.isEmpty()) {
            throw new StorageException(StorageException.Kind.NOT_FOUND, s3.display(sourceKey), s3.display(sourceKey) + " vanished before it could be copied");
        }
        return copyFrom(source, info.get(), key, condition);
    }

    /** Server-side copy of a listed source object: no HEAD first; {@code x-amz-copy-source-if-match} pins the listed version. */
    @Override
    public Optional<PutResult> copyFrom(ObjectStore source, ObjectInfo sourceInfo, String key, WriteCondition condition)
            throws StorageException {
        if (!sameEndpoint(source)) {
            return Optional.empty();
        }
        S3ObjectStore s3 = (S3ObjectStore) source;
        String sourceKey = sourceInfo.key();
        if (sourceInfo.size() > MAX_SINGLE_COPY || sourceInfo.etag() == null) {
            return sourceInfo.etag() == null && sourceInfo.size() <= MAX_SINGLE_COPY
                    ? copyFrom(source, sourceKey, key, condition) // no ETag to pin: read it first
                    : Optional.empty(); // over CopyObject's limit: stream it in parts instead
        }
        String srcFull = s3.objectKey(sourceKey);
        String dstFull = objectKey(key);
        try {
            var r = writes.copyObject(b -> {
                b.sourceBucket(s3.bucket()).sourceKey(srcFull).destinationBucket(uri.bucket()).destinationKey(dstFull)
                        .copySourceIfMatch(quote(sourceInfo.etag()));
                applyCondition(condition, b::ifNoneMatch, b::ifMatch);
            });
            return Optional.of(new PutResult.Written(unquote(r.copyObjectResult().eTag())));
        } catch (S3Exception e) {
            if (e.statusCode() == 412) {
                // either our destination precondition or the source changed under us: tell them apart
                Optional<ObjectInfo> now = s3.stat(sourceKey);
                if (now.isEmpty() || !sourceInfo.etag().equals(now.get().etag())) {
                    throw new StorageException(StorageException.Kind.IO, s3.display(sourceKey),
                            s3.display(sourceKey) + " changed while it was being copied");
                }
            }
            Optional<PutResult> lost = lostRace(e);
            if (lost.isPresent()) {
                return lost;
            }
            if (e.statusCode() == 403 || e.statusCode() == 501) {
                return Optional.empty(); // cross-account or unsupported: fall back to streaming
            }
            throw S3Errors.map(e, "copy to", display(key), false);
        } catch (RuntimeException e) {
            throw S3Errors.map(e, "copy to", display(key), true);
        }
    }

    private boolean sameEndpoint(ObjectStore source) {
        return source instanceof S3ObjectStore s3 && s3.settings.endpointIdentity().equals(settings.endpointIdentity());
    }

    // ---- deletes -------------------------------------------------------------------------

    /**
     * A delete is sent once: the write client never re-sends it (a blind retry could remove an object
     * re-created meanwhile). A transport failure or a 5xx after it was sent is
     * {@link StorageException.Kind#OUTCOME_UNKNOWN}: re-read before deciding anything.
     */
    @Override
    public DeleteResult deleteIfMatch(String key, String token) throws StorageException {
        String full = objectKey(key);
        try {
            writes.deleteObject(b -> b.bucket(uri.bucket()).key(full).ifMatch(quote(token)));
            return new DeleteResult.Deleted(true);
        } catch (S3Exception e) {
            switch (e.statusCode()) {
                case 412 -> {
                    return new DeleteResult.PreconditionFailed();
                }
                case 404 -> {
                    if (!"NoSuchBucket".equals(S3Errors.code(e))) {
                        return new DeleteResult.NotFound();
                    }
                }
                case 501 -> {
                    return new DeleteResult.ConditionNotSupported("the server answered 501 Not Implemented to DELETE with If-Match");
                }
                default -> {
                    // fall through to the failure below
                }
            }
            throw deleteFailure(e, key);
        } catch (RuntimeException e) {
            throw S3Errors.map(e, "delete", display(key), true);
        }
    }

    private StorageException deleteFailure(S3Exception e, String key) {
        StorageException mapped = S3Errors.map(e, "delete", display(key), false);
        if (e.statusCode() >= 500 && e.statusCode() != 501 && e.statusCode() != 503) {
            return new StorageException(StorageException.Kind.OUTCOME_UNKNOWN, display(key), mapped.getMessage()
                    + " (the delete may have happened)", e);
        }
        return mapped;
    }

    @Override
    public DeleteResult deleteUnconditionally(String key) throws StorageException {
        String full = objectKey(key);
        try {
            writes.deleteObject(b -> b.bucket(uri.bucket()).key(full));
            return new DeleteResult.Deleted(false);
        } catch (S3Exception e) {
            throw deleteFailure(e, key);
        } catch (RuntimeException e) {
            throw S3Errors.map(e, "delete", display(key), true);
        }
    }

    // ---- versions ------------------------------------------------------------------------

    @Override
    public Optional<Boolean> versioningEnabled() throws StorageException {
        try {
            var r = client.getBucketVersioning(b -> b.bucket(uri.bucket()));
            return Optional.of(r.status() == BucketVersioningStatus.ENABLED);
        } catch (S3Exception e) {
            if (e.statusCode() == 501 || e.statusCode() == 403) {
                return Optional.empty();
            }
            throw S3Errors.map(e, "read the versioning state of", "s3://" + uri.bucket(), false);
        } catch (RuntimeException e) {
            throw S3Errors.map(e, "read the versioning state of", "s3://" + uri.bucket(), false);
        }
    }

    @Override
    public List<ObjectVersion> listVersions(String key) throws StorageException {
        String full = objectKey(key);
        List<ObjectVersion> out = new ArrayList<>();
        try {
            String keyMarker = null;
            String versionMarker = null;
            do {
                final String km = keyMarker;
                final String vm = versionMarker;
                ListObjectVersionsResponse page = client.listObjectVersions(b -> {
                    b.bucket(uri.bucket()).prefix(full).maxKeys(PAGE_SIZE);
                    if (km != null) {
                        b.keyMarker(km).versionIdMarker(vm);
                    }
                });
                page.versions().stream().filter(v -> v.key().equals(full)).forEach(v -> out.add(new ObjectVersion(
                        key, v.versionId(), v.lastModified(), v.size(), unquote(v.eTag()), Boolean.TRUE.equals(v.isLatest()), false)));
                page.deleteMarkers().stream().filter(d -> d.key().equals(full)).forEach(d -> out.add(new ObjectVersion(
                        key, d.versionId(), d.lastModified(), 0, null, Boolean.TRUE.equals(d.isLatest()), true)));
                boolean more = Boolean.TRUE.equals(page.isTruncated());
                keyMarker = more ? page.nextKeyMarker() : null;
                versionMarker = more ? page.nextVersionIdMarker() : null;
            } while (keyMarker != null);
        } catch (S3Exception e) {
            if (e.statusCode() == 501) {
                return List.of();
            }
            throw S3Errors.map(e, "list the versions of", display(key), false);
        } catch (RuntimeException e) {
            throw S3Errors.map(e, "list the versions of", display(key), false);
        }
        out.sort((a, b) -> b.lastModified().compareTo(a.lastModified()));
        return out;
    }

    @Override
    public Optional<StoredObject> readVersion(String key, String versionId, long maxBytes) throws StorageException {
        return BrokenConnectionRetry.call(() -> readVersionOnce(key, versionId, maxBytes));
    }

    private Optional<StoredObject> readVersionOnce(String key, String versionId, long maxBytes) throws StorageException {
        String full = objectKey(key);
        try (ResponseInputStream<GetObjectResponse> in = client.getObject(b -> b.bucket(uri.bucket()).key(full).versionId(versionId))) {
            return Optional.of(readBody(key, in, maxBytes));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw S3Errors.map(e, "read a version of", display(key), false);
        } catch (RuntimeException e) {
            throw S3Errors.map(e, "read a version of", display(key), false);
        } catch (IOException e) {
            throw new StorageException(StorageException.Kind.UNREACHABLE, display(key), "Could not read " + display(key) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        client.close();
        writes.close();
    }

    @Override
    public String toString() {
        return "S3ObjectStore[" + uri.display() + ", " + settings + "]";
    }
}
