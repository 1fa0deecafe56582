package dev.omnigraph.console.cluster.model;

import java.util.Optional;

/**
 * Content-addressed catalog payloads under {@code __cluster/resources/} (spec §4.3,
 * {@code store.rs::payload_relative}, {@code read_verified_payload}): only queries
 * ({@code resources/query/<graph>/<name>/<digest>.gq}) and policies
 * ({@code resources/policy/<name>/<digest>.yaml}) have one; the content is the exact source bytes
 * and the file name is their SHA-256, so a blob is verified by hashing it.
 */
public final class CatalogPayload {

    private CatalogPayload() {
    }

    /** Key relative to the storage root, or empty for kinds without a payload. */
    public static Optional<String> relativeKey(ResourceAddress address, String digest) {
        return switch (address.kind()) {
            case QUERY -> Optional.of("__cluster/resources/query/" + address.graphId() + "/" + address.name() + "/"
                    + digest + ".gq");
            case POLICY -> Optional.of("__cluster/resources/policy/" + address.name() + "/" + digest + ".yaml");
            default -> Optional.empty();
        };
    }

    /**
     * Checks a payload read from the catalog: within {@link WireLimits#CATALOG_BLOB_MAX_BYTES}, valid
     * UTF-8 (upstream reads payloads as text) and hashing to {@code expectedDigest}.
     *
     * @return the payload text
     * @throws WireFormatException {@code catalog_payload_read_error} (oversize / not UTF-8) or
     *                             {@code catalog_payload_digest_mismatch}
     */
    public static String verify(String address, byte[] bytes, String expectedDigest) throws WireFormatException {
        WireLimits.requireWithin(bytes.length, WireLimits.CATALOG_BLOB_MAX_BYTES, "catalog_payload_read_error",
                address, "catalog payload for " + address);
        String text = StrictUtf8.decode(bytes, "catalog_payload_read_error", address, "catalog payload for " + address);
        String actual = Digests.sha256Hex(bytes);
        if (!actual.equals(expectedDigest)) {
            throw new WireFormatException(Diagnostic.error("catalog_payload_digest_mismatch", address,
                    "catalog payload for " + address + " hashes to " + actual + ", not its recorded digest "
                            + expectedDigest));
        }
        return text;
    }
}
