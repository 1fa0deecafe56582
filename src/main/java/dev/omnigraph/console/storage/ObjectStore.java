package dev.omnigraph.console.storage;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * A storage root seen as objects under relative keys. Two backends implement it: local folders
 * ({@link FileObjectStore}) and S3 or S3-compatible buckets ({@link S3ObjectStore}); one contract
 * test suite runs against both.
 *
 * <p>It knows bytes, keys, version tokens and conditional outcomes, nothing about OmniGraph.
 * Every write is conditional ({@link WriteCondition}). All methods block: call them from a
 * background thread, never from the JavaFX application thread.
 */
public interface ObjectStore extends AutoCloseable {

    /** The root this store serves. */
    StoreUri uri();

    /** Reads a whole object of at most {@code maxBytes}; empty when it does not exist. */
    Optional<StoredObject> read(String key, long maxBytes) throws StorageException;

    /**
     * Reads an object only if its version differs from {@code knownToken} (HTTP
     * {@code If-None-Match}); a {@code null} token always reads. The cheap poll behind live refresh.
     */
    ConditionalRead readIfChanged(String key, String knownToken, long maxBytes) throws StorageException;

    /** Size, time and ETag of one object; empty when it does not exist. */
    Optional<ObjectInfo> stat(String key) throws StorageException;

    /**
     * Every object whose key starts with {@code prefix} ("" for the whole root), in S3 key order
     * (UTF-8 bytes), fetched page by page as the stream is consumed: 100,000 keys never sit in
     * one response or in memory at once. Close the stream (try-with-resources) when done.
     * Listing failures surface as {@link UncheckedStorageException}.
     */
    Stream<ObjectInfo> list(String prefix) throws StorageException;

    /**
     * The direct children of a "folder" prefix (ending in '/' or empty): objects directly under it
     * and the sub-prefixes (delimiter '/'), all pages gathered.
     */
    Listing listChildren(String prefix) throws StorageException;

    /** Opens an object for streaming; empty when it does not exist. Close the stream. */
    Optional<InputStream> openStream(String key) throws StorageException;

    /** Writes a small object from memory under a condition. */
    PutResult put(String key, byte[] content, WriteCondition condition) throws StorageException;

    /**
     * Streams {@code size} bytes from {@code content} into an object under a condition, using a
     * multipart upload above the backend's threshold. {@code progress} receives byte counts as
     * they are sent (may be {@code null}). The caller owns and closes {@code content}.
     */
    PutResult putStream(String key, InputStream content, long size, WriteCondition condition, LongConsumer progress)
            throws StorageException;

    /**
     * Copies an object within this store's endpoint without moving the bytes through the console,
     * when {@code source} shares this store's endpoint and credentials. Empty when a server-side
     * copy is not possible here (different endpoints or backends); the caller then streams.
     */
    Optional<PutResult> copyFrom(ObjectStore source, String sourceKey, String key, WriteCondition condition)
            throws StorageException;

    /**
     * As {@link #copyFrom(ObjectStore, String, String, WriteCondition)}, for a caller that already
     * listed the source object: its size and ETag are taken from {@code sourceInfo} instead of being
     * read again, and the copy happens only if the source still has that ETag (a bulk copy saves
     * one request per object).
     */
    default Optional<PutResult> copyFrom(ObjectStore source, ObjectInfo sourceInfo, String key, WriteCondition condition)
            throws StorageException {
        return copyFrom(source, sourceInfo.key(), key, condition);
    }

    /**
     * A server-side copy of a listed source object onto {@code key}, which the caller found absent,
     * for a destination that has not proven that its copies honour preconditions: the copy is sent
     * create-only anyway, and it counts only when the ETag the server reports for the new object
     * equals the source listing's (the caller's verify then requires the source's size and ETag in a
     * fresh listing of the destination). Empty when this store cannot copy from {@code source}
     * (the caller streams instead). The guard that no one else writes the key meanwhile is the
     * caller's (a migration: the plan, the source lock, writers stopped).
     */
    default Optional<CheckedCopy> copyChecked(ObjectStore source, ObjectInfo sourceInfo, String key) throws StorageException {
        return Optional.empty();
    }

    /** Deletes an object only if its version is {@code token} (S3 DELETE with {@code If-Match}). */
    DeleteResult deleteIfMatch(String key, String token) throws StorageException;

    /**
     * Deletes an object without a precondition. Only for callers that have just re-read and
     * compared it (the documented fallback when {@link #deleteIfMatch} is not supported), and
     * for the console's own scratch objects.
     */
    DeleteResult deleteUnconditionally(String key) throws StorageException;

    /** Whether the root keeps old versions of objects (S3 bucket versioning); empty when unknown. */
    Optional<Boolean> versioningEnabled() throws StorageException;

    /** The stored versions of one key, newest first; empty list where versioning is off or unsupported. */
    List<ObjectVersion> listVersions(String key) throws StorageException;

    /** Reads one stored version of a key. */
    Optional<StoredObject> readVersion(String key, String versionId, long maxBytes) throws StorageException;

    @Override
    void close();

    /** Objects and sub-prefixes directly under a prefix. */
    record Listing(List<ObjectInfo> objects, List<String> prefixes) {}
}
