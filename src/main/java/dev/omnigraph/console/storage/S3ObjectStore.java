package dev.omnigraph.console.storage;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A storage root in an S3 or S3-compatible bucket ({@code s3://bucket/prefix}).
 *
 * <ul>
 *   <li>Version token: the ETag (quotes stripped).</li>
 *   <li>Create-only: {@code If-None-Match: *}; replace: {@code If-Match: "etag"}; a 412 is
 *       {@link PutResult.PreconditionFailed}, as is a 409 ConditionalRequestConflict (AWS: another
 *       conditional write on the key was in flight; ours did not land). A transport failure after
 *       a conditional write was sent is {@link StorageException.Kind#OUTCOME_UNKNOWN}.</li>
 *   <li>Integrity: every buffered upload and part carries {@code Content-MD5}, so the server rejects
 *       bytes damaged on the way; a streamed PUT is signed chunk by chunk over HTTP and its ETag is
 *       checked against the MD5 of the bytes sent.</li>
 *   <li>Uploads ({@link S3Uploads}): up to {@link #BUFFERED_MAX} buffered and sent in one piece; up to
 *       {@link #SINGLE_PUT_MAX} one streamed PUT without buffering; above that multipart, one part
 *       buffered at a time. {@code Expect: 100-continue} only on bodies of 1 MiB and more
 *       ({@link ExpectContinueForLargeBodies}).</li>
 *   <li>Server-side copies on one endpoint ({@link S3ServerCopy}) keep the source's ETag: single-part
 *       objects stay single-part, multipart ones are copied with the source's part layout.</li>
 *   <li>Listings ({@link S3Listings}) fetch the next page while the caller reads the current one.</li>
 *   <li>Conditional delete: DELETE with {@code If-Match}; 501 is reported as
 *       {@link DeleteResult.ConditionNotSupported}. Some servers ignore the header and delete
 *       anyway: the capability probe detects that, and callers consult it.</li>
 * </ul>
 */
public final class S3ObjectStore implements ObjectStore {
    /** The largest object {@link #putStream} reads into memory and sends in one piece (with Content-MD5). */
    public static final long BUFFERED_MAX = 1024L * 1024;
    /** @deprecated the name of {@link #BUFFERED_MAX} before streamed single PUTs existed; objects above it are not buffered. */
    @Deprecated
    public static final long MULTIPART_THRESHOLD = BUFFERED_MAX;
    public static final long PART_SIZE = 8L * 1024 * 1024;
    /**
     * The largest object {@link #putStream} sends as one streamed PUT (never held in memory, signed
     * chunk by chunk); larger ones go multipart. rclone's own cut-over is 200 MiB.
     */
    public static final long SINGLE_PUT_MAX = 256L * 1024 * 1024;

    /**
     * The part size {@link #putStream} uses for an object of {@code size} bytes above
     * {@link #SINGLE_PUT_MAX}: {@link #PART_SIZE}, or larger to stay within S3's 10,000 parts.
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
    private final S3Root root;
    private final S3Uploads uploads;
    private final S3ServerCopy copies;
    private final S3Listings listings;
    private final S3Versions versions;

    public S3ObjectStore(StoreUri.S3 uri, S3Settings settings) {
        this(uri, settings, SINGLE_PUT_MAX);
    }

    /** With another cut-over between one streamed PUT and a multipart upload (tests reach the multipart path with small objects). */
    S3ObjectStore(StoreUri.S3 uri, S3Settings settings, long singlePutMax) {
        this.uri = uri;
        this.settings = settings;
        // writes that must not be re-sent blindly: retries throttling answers only (see S3ClientFactory#createForWrites)
        this.root = S3Root.open(uri, settings);
        this.client = root.reads();
        this.uploads = new S3Uploads(root, new S3UnknownOutcome(this), singlePutMax);
        this.copies = new S3ServerCopy(root, uploads);
        this.listings = new S3Listings(root);
        this.versions = new S3Versions(root);
    }

    S3Root root() {
        return root;
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
        return root.objectKey(key);
    }

    private String display(String key) {
        return root.display(key);
    }

    private String relative(String fullKey) {
        return root.relative(fullKey);
    }

    private static String unquote(String etag) {
        return S3Root.unquote(etag);
    }

    private static String quote(String token) {
        return S3Root.quote(token);
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

    // ---- listings (S3Listings) ----------------------------------------------------------

    @Override
    public Stream<ObjectInfo> list(String prefix) throws StorageException {
        return listings.list(prefix);
    }

    @Override
    public Listing listChildren(String prefix) throws StorageException {
        return listings.listChildren(prefix);
    }

    // ---- writes (S3Uploads, S3ServerCopy) -------------------------------------------------

    /** A conditional put, sent in one piece; never re-sent blindly (see {@link S3Uploads#put}). */
    @Override
    public PutResult put(String key, byte[] content, WriteCondition condition) throws StorageException {
        return uploads.put(key, content, condition);
    }

    @Override
    public PutResult putStream(String key, InputStream content, long size, WriteCondition condition, LongConsumer progress)
            throws StorageException {
        return uploads.putStream(key, content, size, condition, progress);
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
        if (sourceInfo.etag() == null) {
            return copyFrom(source, sourceInfo.key(), key, condition); // no ETag to pin: read it first
        }
        return copies.copy((S3ObjectStore) source, sourceInfo, key, condition);
    }

    @Override
    public Optional<CheckedCopy> copyChecked(ObjectStore source, ObjectInfo sourceInfo, String key) throws StorageException {
        if (!sameEndpoint(source) || sourceInfo.etag() == null) {
            return Optional.empty();
        }
        return copies.copyChecked((S3ObjectStore) source, sourceInfo, key);
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
            root.writes().deleteObject(b -> b.bucket(uri.bucket()).key(full).ifMatch(quote(token)));
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
            root.writes().deleteObject(b -> b.bucket(uri.bucket()).key(full));
            return new DeleteResult.Deleted(false);
        } catch (S3Exception e) {
            throw deleteFailure(e, key);
        } catch (RuntimeException e) {
            throw S3Errors.map(e, "delete", display(key), true);
        }
    }

    // ---- versions (S3Versions) ----------------------------------------------------------

    @Override
    public Optional<Boolean> versioningEnabled() throws StorageException {
        return versions.versioningEnabled();
    }

    @Override
    public List<ObjectVersion> listVersions(String key) throws StorageException {
        return versions.listVersions(key);
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
        root.close();
    }

    @Override
    public String toString() {
        return "S3ObjectStore[" + uri.display() + ", " + settings + "]";
    }
}
