package dev.omnigraph.console.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Server-side copies into an {@link S3ObjectStore} from a root on the same endpoint (S3
 * {@code CopyObject}, {@code UploadPartCopy}): the bytes never pass through this machine.
 *
 * <p>ETag parity: a single-part source is copied with one CopyObject (its ETag, the MD5 of the
 * bytes, comes out the same); a multipart source ({@code …-N}) is copied part by part with the
 * source's own part boundaries, read with {@code HEAD ?partNumber=i}, so the destination's
 * multipart ETag is the source's too.
 */
final class S3ServerCopy {
    static final long MAX_SINGLE_COPY = 5L * 1024 * 1024 * 1024;
    private static final int MAX_LAYOUT_PARTS = 10_000;

    private final S3Root root;
    private final S3Uploads uploads;

    S3ServerCopy(S3Root root, S3Uploads uploads) {
        this.root = root;
        this.uploads = uploads;
    }

    /**
     * A conditional copy of a listed source object: the destination precondition is sent and
     * {@code x-amz-copy-source-if-match} pins the listed version. Empty when the server will not copy
     * between these roots (the caller streams instead).
     */
    Optional<PutResult> copy(S3ObjectStore source, ObjectInfo sourceInfo, String key, WriteCondition condition) throws StorageException {
        if (multipart(sourceInfo)) {
            for (List<Long> layout : candidateLayouts(source, sourceInfo)) {
                Optional<PutResult> r = copyInParts(source, sourceInfo, layout, key, condition);
                if (r.isPresent()) {
                    return r;
                }
            }
        }
        if (sourceInfo.size() > MAX_SINGLE_COPY) {
            return Optional.empty(); // over CopyObject's limit and no layout to follow: stream it in parts instead
        }
        String srcFull = source.root().objectKey(sourceInfo.key());
        String dstFull = root.objectKey(key);
        try {
            if (root.direct() != null) {
                return Optional.of(new PutResult.Written(S3Root.unquote(root.direct().copy(source.root().bucket(), srcFull,
                        sourceInfo.etag(), root.bucket(), dstFull, condition))));
            }
            var r = root.writes().copyObject(b -> {
                b.sourceBucket(source.root().bucket()).sourceKey(srcFull).destinationBucket(root.bucket()).destinationKey(dstFull)
                        .copySourceIfMatch(S3Root.quote(sourceInfo.etag()));
                S3Uploads.applyCondition(condition, b::ifNoneMatch, b::ifMatch);
            });
            return Optional.of(new PutResult.Written(S3Root.unquote(r.copyObjectResult().eTag())));
        } catch (S3Exception e) {
            return refused(e, source, sourceInfo, key);
        } catch (RuntimeException e) {
            throw S3Errors.map(e, "copy to", root.display(key), true);
        }
    }

    /**
     * A server-side copy onto a key the plan found absent, for a destination whose copies do not
     * prove preconditions: the copy is still sent create-only (honoured where the server can), and
     * it counts as copied only when the ETag the server reports for the new object equals the
     * source listing's. The caller's verify then lists the destination afresh and requires the
     * source's size and ETag for every such object (it refuses cutover otherwise): one request per
     * object here, no HEAD after each copy.
     */
    Optional<CheckedCopy> copyChecked(S3ObjectStore source, ObjectInfo sourceInfo, String key) throws StorageException {
        Optional<PutResult> copied = copy(source, sourceInfo, key, WriteCondition.IF_ABSENT);
        if (copied.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(switch (copied.get()) {
            case PutResult.PreconditionFailed p -> new CheckedCopy.Refused(p.reason());
            case PutResult.Written w -> sourceInfo.etag().equals(w.token()) ? new CheckedCopy.Confirmed(w.token())
                    : new CheckedCopy.Mismatch(root.display(key) + " was copied server-side, but the server reports ETag " + w.token()
                            + " for it where the source listing has " + sourceInfo.etag());
        });
    }

    /** The source's ETag has the multipart shape {@code <md5>-N}. */
    static boolean multipart(ObjectInfo info) {
        return partCount(info.etag()) > 0;
    }

    static int partCount(String etag) {
        if (etag == null) {
            return 0;
        }
        int dash = etag.lastIndexOf('-');
        if (dash < 0 || dash == etag.length() - 1) {
            return 0;
        }
        try {
            int n = Integer.parseInt(etag.substring(dash + 1));
            return n > 0 && n <= MAX_LAYOUT_PARTS ? n : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * The sizes of a multipart object's parts, in order, from {@code HEAD ?partNumber=i}; empty
     * when the object is single-part or the server does not answer per part.
     */
    /** Part sizes that common uploaders use (ours and the AWS CLI's 8 MiB, S3's 5 MiB minimum, 16 MiB). */
    private static final long[] COMMON_PART_SIZES = {8L << 20, 5L << 20, 16L << 20};

    /**
     * The source's part layout: read from the server ({@code HEAD ?partNumber=i}) where it answers
     * per part; otherwise the common fixed part sizes that give the source's part count (each is
     * tried, and kept only if the copied parts add up to the source's ETag).
     */
    static List<List<Long>> candidateLayouts(S3ObjectStore source, ObjectInfo info) throws StorageException {
        Optional<List<Long>> read = partLayout(source, info);
        if (read.isPresent()) {
            return List.of(read.get());
        }
        int parts = partCount(info.etag());
        List<List<Long>> out = new ArrayList<>();
        long even = ((info.size() + parts - 1) / parts + (1L << 20) - 1) & ~((1L << 20) - 1); // size / parts, up to a whole MiB
        for (long size : new long[] {COMMON_PART_SIZES[0], COMMON_PART_SIZES[1], COMMON_PART_SIZES[2], even}) {
            List<Long> layout = new ArrayList<>();
            for (long off = 0; off < info.size(); off += size) {
                layout.add(Math.min(size, info.size() - off));
            }
            if (layout.size() == parts && !out.contains(layout)) {
                out.add(layout);
            }
        }
        return out;
    }

    /** The multipart ETag S3 computes from the parts' ETags: MD5 of their binary MD5s, then "-N". */
    static String multipartEtag(List<CompletedPart> parts) {
        java.security.MessageDigest md5 = Hashing.md5();
        for (CompletedPart p : parts) {
            md5.update(java.util.HexFormat.of().parseHex(S3Root.unquote(p.eTag())));
        }
        return Hashing.hex(md5.digest()) + "-" + parts.size();
    }

    static Optional<List<Long>> partLayout(S3ObjectStore store, ObjectInfo info) throws StorageException {
        S3Root src = store.root();
        int parts = partCount(info.etag());
        if (parts == 0) {
            return Optional.empty();
        }
        String full = src.objectKey(info.key());
        List<Long> sizes = new ArrayList<>();
        try {
            for (int i = 1; i <= parts; i++) {
                final int n = i;
                var head = src.reads().headObject(b -> b.bucket(src.bucket()).key(full).partNumber(n).ifMatch(S3Root.quote(info.etag())));
                Long length = head.contentLength();
                if (length == null || (parts > 1 && length == info.size()) || (n == 1 && !Integer.valueOf(parts).equals(head.partsCount()))) {
                    return Optional.empty(); // the server ignores partNumber
                }
                sizes.add(length);
            }
        } catch (S3Exception e) {
            if (e.statusCode() == 412 || e.statusCode() == 404) {
                throw new StorageException(StorageException.Kind.IO, src.display(info.key()), src.display(info.key()) + " changed while it was being copied");
            }
            return Optional.empty(); // 400/501: no per-part answers here
        } catch (RuntimeException e) {
            throw S3Errors.map(e, "read the part layout of", src.display(info.key()), false);
        }
        return sizes.stream().mapToLong(Long::longValue).sum() == info.size() ? Optional.of(sizes) : Optional.empty();
    }

    /**
     * Copies a multipart source part by part (UploadPartCopy) with {@code layout}; completes only
     * when the parts add up to the source's ETag. Empty (the upload aborted) when they do not.
     */
    private Optional<PutResult> copyInParts(S3ObjectStore source, ObjectInfo sourceInfo, List<Long> layout, String key,
                                            WriteCondition condition) throws StorageException {
        String srcFull = source.root().objectKey(sourceInfo.key());
        String full = root.objectKey(key);
        String uploadId;
        try {
            uploadId = root.reads().createMultipartUpload(b -> b.bucket(root.bucket()).key(full)).uploadId();
        } catch (RuntimeException e) {
            throw S3Errors.map(e, "start a copy of", root.display(key), false);
        }
        boolean completed = false;
        try {
            List<CompletedPart> parts = new ArrayList<>();
            long offset = 0;
            int number = 1;
            for (long length : layout) {
                parts.add(copyPart(source, srcFull, sourceInfo, full, uploadId, number++, offset, length));
                offset += length;
            }
            if (!multipartEtag(parts).equalsIgnoreCase(sourceInfo.etag())) {
                return Optional.empty(); // not the source's layout: aborted below, nothing visible was written
            }
            PutResult r = uploads.complete(key, full, uploadId, parts, condition);
            completed = true;
            return Optional.of(r);
        } catch (S3Exception e) {
            return refused(e, source, sourceInfo, key);
        } finally {
            if (!completed) {
                uploads.abort(full, uploadId);
            }
        }
    }

    private CompletedPart copyPart(S3ObjectStore source, String srcFull, ObjectInfo sourceInfo, String full, String uploadId, int number,
                                   long offset, long length) throws StorageException {
        try {
            var r = root.reads().uploadPartCopy(b -> b.sourceBucket(source.root().bucket()).sourceKey(srcFull)
                    .destinationBucket(root.bucket()).destinationKey(full).uploadId(uploadId).partNumber(number)
                    .copySourceRange("bytes=" + offset + "-" + (offset + length - 1)).copySourceIfMatch(S3Root.quote(sourceInfo.etag())));
            return CompletedPart.builder().partNumber(number).eTag(r.copyPartResult().eTag()).build();
        } catch (S3Exception e) {
            throw e;
        } catch (RuntimeException e) {
            throw S3Errors.map(e, "copy part " + number + " to", root.display(full), false);
        }
    }

    /** A refused copy: the source changed (412 on the source's ETag), our precondition lost, or no server-side copy here (empty). */
    private Optional<PutResult> refused(S3Exception e, S3ObjectStore source, ObjectInfo sourceInfo, String key) throws StorageException {
        if (e.statusCode() == 412) {
            // either our destination precondition or the source changed under us: tell them apart
            Optional<ObjectInfo> now = source.stat(sourceInfo.key());
            if (now.isEmpty() || !sourceInfo.etag().equals(now.get().etag())) {
                throw new StorageException(StorageException.Kind.IO, source.root().display(sourceInfo.key()),
                        source.root().display(sourceInfo.key()) + " changed while it was being copied");
            }
        }
        Optional<PutResult> lost = S3Uploads.lostRace(e);
        if (lost.isPresent()) {
            return lost;
        }
        if (e.statusCode() == 403 || e.statusCode() == 501) {
            return Optional.empty(); // cross-account or unsupported: fall back to streaming
        }
        throw S3Errors.map(e, "copy to", root.display(key), false);
    }
}
