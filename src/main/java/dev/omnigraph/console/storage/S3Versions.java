package dev.omnigraph.console.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Bucket versioning of an {@link S3ObjectStore}: whether it is on, and the versions of one key (newest first). */
final class S3Versions {
    private static final int PAGE_SIZE = 1000;

    private final S3Root root;

    S3Versions(S3Root root) {
        this.root = root;
    }

    Optional<Boolean> versioningEnabled() throws StorageException {
        try {
            var r = root.reads().getBucketVersioning(b -> b.bucket(root.bucket()));
            return Optional.of(r.status() == BucketVersioningStatus.ENABLED);
        } catch (S3Exception e) {
            if (e.statusCode() == 501 || e.statusCode() == 403) {
                return Optional.empty();
            }
            throw S3Errors.map(e, "read the versioning state of", "s3://" + root.bucket(), false);
        } catch (RuntimeException e) {
            throw S3Errors.map(e, "read the versioning state of", "s3://" + root.bucket(), false);
        }
    }

    List<ObjectVersion> listVersions(String key) throws StorageException {
        String full = root.objectKey(key);
        List<ObjectVersion> out = new ArrayList<>();
        try {
            String keyMarker = null;
            String versionMarker = null;
            do {
                final String km = keyMarker;
                final String vm = versionMarker;
                ListObjectVersionsResponse page = root.reads().listObjectVersions(b -> {
                    b.bucket(root.bucket()).prefix(full).maxKeys(PAGE_SIZE);
                    if (km != null) {
                        b.keyMarker(km).versionIdMarker(vm);
                    }
                });
                page.versions().stream().filter(v -> v.key().equals(full)).forEach(v -> out.add(new ObjectVersion(
                        key, v.versionId(), v.lastModified(), v.size(), S3Root.unquote(v.eTag()), Boolean.TRUE.equals(v.isLatest()), false)));
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
            throw S3Errors.map(e, "list the versions of", root.display(key), false);
        } catch (RuntimeException e) {
            throw S3Errors.map(e, "list the versions of", root.display(key), false);
        }
        out.sort((a, b) -> b.lastModified().compareTo(a.lastModified()));
        return out;
    }
}
