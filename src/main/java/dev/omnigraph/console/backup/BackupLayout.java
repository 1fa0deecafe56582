package dev.omnigraph.console.backup;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The keys of a backup location (a folder or {@code s3://bucket/prefix}), relative to it:
 * <pre>
 * blobs/sha256/&lt;hh&gt;/&lt;64 hex&gt;          one object's bytes, named by their SHA-256 (create-only, shared by every point)
 * points/&lt;point-id&gt;/session.json        written when a point starts: its lock id and the lock it took over
 * points/&lt;point-id&gt;/manifest.json       written last, create-only: a point without it is incomplete
 * </pre>
 * Content addressing makes restore points incremental: an object already stored byte-identical by
 * an earlier point is referenced, not copied again.
 */
public final class BackupLayout {
    public static final String BLOBS = "blobs/sha256/";
    public static final String POINTS = "points/";
    public static final String MANIFEST = "manifest.json";
    public static final String SESSION = "session.json";

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private BackupLayout() {}

    /** {@code blobs/sha256/<hh>/<hex>} for lower-case 64-hex SHA-256. */
    public static String blobKey(String sha256) {
        String hex = sha256.toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(hex).matches()) {
            throw new IllegalArgumentException("not a SHA-256 digest: " + sha256);
        }
        return BLOBS + hex.substring(0, 2) + "/" + hex;
    }

    public static String manifestKey(String pointId) {
        return POINTS + RestorePointId.check(pointId) + "/" + MANIFEST;
    }

    public static String sessionKey(String pointId) {
        return POINTS + RestorePointId.check(pointId) + "/" + SESSION;
    }

    /** The point id of a {@code points/<id>/} prefix, when it is one. */
    public static Optional<String> pointIdOfPrefix(String prefix) {
        if (!prefix.startsWith(POINTS) || !prefix.endsWith("/")) {
            return Optional.empty();
        }
        String id = prefix.substring(POINTS.length(), prefix.length() - 1);
        return RestorePointId.valid(id) ? Optional.of(id) : Optional.empty();
    }
}
