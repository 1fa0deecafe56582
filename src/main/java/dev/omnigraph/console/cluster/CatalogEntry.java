package dev.omnigraph.console.cluster;

import java.util.Optional;

/**
 * A catalog payload as the console reports it: a blob in storage, a ledger reference, or both.
 *
 * @param address   {@code query.<graph>.<name>} or {@code policy.<name>}; null for a stray object
 * @param digest    the digest named by the key (or by the ledger when the blob is missing)
 * @param key       where the blob is (or should be)
 * @param blob      the object, when present
 * @param reference whether the ledger references exactly this address and digest
 */
public record CatalogEntry(String address, String digest, String key, Optional<CatalogBlob> blob, Reference reference) {

    /** How the ledger relates to this payload. */
    public enum Reference {
        /** The ledger's resource has this digest and the blob exists. */
        LIVE,
        /** A blob the ledger does not reference (an older version, or a stray object). */
        ORPHAN,
        /** The ledger references it but no blob exists: serving would refuse (catalog_payload_missing). */
        MISSING
    }

    /** A deployment bundle ({@code resources/deployment/<sha256>.json}); its {@link #address()} is null. */
    public boolean isBundle() {
        return key.startsWith(ClusterLayout.BUNDLES) && key.endsWith(".json") && address == null;
    }

    public long size() {
        return blob.map(CatalogBlob::size).orElse(0L);
    }
}
