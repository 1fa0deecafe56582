package dev.omnigraph.console.cluster.history;

/**
 * Whether the storage root itself keeps older ledgers. Only S3 buckets with versioning enabled do:
 * every successful ledger write (upstream replaces {@code state.json} with a conditional put) then
 * leaves the previous bytes behind as a noncurrent version.
 */
public enum HistoryAvailability {
    /** The bucket keeps versions: the ledger's history can be listed and read. */
    AVAILABLE("the bucket keeps object versions, so every earlier ledger can be listed and read"),
    /** A local folder: files are replaced in place and nothing keeps the old bytes. */
    LOCAL_FOLDER("a local folder keeps no versions: upstream replaces state.json in place (temp file + rename), "
            + "so earlier ledgers exist only where someone copied them"),
    /** An S3 bucket whose versioning is off (or suspended). */
    VERSIONING_OFF("bucket versioning is off, so each ledger write replaces the previous bytes; turn versioning on "
            + "(aws s3api put-bucket-versioning --versioning-configuration Status=Enabled) to keep history from now on"),
    /** The server would not say (no permission for GetBucketVersioning, or the server does not implement it). */
    VERSIONING_UNKNOWN("the server did not say whether the bucket keeps versions (no s3:GetBucketVersioning "
            + "permission, or not implemented by this S3-compatible server)");

    private final String explanation;

    HistoryAvailability(String explanation) {
        this.explanation = explanation;
    }

    /** One sentence for the admin: why history is (un)available. */
    public String explanation() {
        return explanation;
    }

    public boolean available() {
        return this == AVAILABLE;
    }
}
