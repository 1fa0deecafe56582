package dev.omnigraph.console.cluster;

/** What hashing a catalog blob found (spec §4.3: the file name is the SHA-256 of its bytes). */
public enum CatalogIntegrity {
    /** Not hashed yet. */
    UNVERIFIED,
    /** The bytes hash to the digest in the file name. */
    VERIFIED,
    /** The bytes hash to something else: serving refuses with catalog_payload_digest_mismatch. */
    TAMPERED,
    /** The ledger references it and it does not exist. */
    MISSING,
    /** It could not be read, or is not valid UTF-8 / over the size cap. */
    UNREADABLE
}
