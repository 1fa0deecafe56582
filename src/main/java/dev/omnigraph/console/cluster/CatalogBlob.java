package dev.omnigraph.console.cluster;

import dev.omnigraph.console.cluster.model.ResourceAddress;
import dev.omnigraph.console.cluster.model.ResourceKind;
import dev.omnigraph.console.storage.ObjectInfo;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One object under {@code __cluster/resources/}, with what its key says: the resource address and
 * the digest its file name claims (spec §4.3). A key that does not have the catalog shape is kept
 * with {@code address == null} so nothing under the catalog goes unseen.
 */
public record CatalogBlob(String key, String address, ResourceKind kind, String digest, long size, ObjectInfo info) {
    private static final Pattern QUERY = Pattern.compile("__cluster/resources/query/([^/]+)/([^/]+)/([0-9a-f]{64})\\.gq");
    private static final Pattern BUNDLE = Pattern.compile("__cluster/resources/deployment/([0-9a-f]{64})\\.json");
    private static final Pattern POLICY = Pattern.compile("__cluster/resources/policy/([^/]+)/([0-9a-f]{64})\\.yaml");

    public static CatalogBlob of(ObjectInfo info) {
        Matcher q = QUERY.matcher(info.key());
        if (q.matches()) {
            return new CatalogBlob(info.key(), ResourceAddress.query(q.group(1), q.group(2)), ResourceKind.QUERY, q.group(3),
                    info.size(), info);
        }
        Matcher p = POLICY.matcher(info.key());
        if (p.matches()) {
            return new CatalogBlob(info.key(), ResourceAddress.policy(p.group(1)), ResourceKind.POLICY, p.group(2), info.size(), info);
        }
        return new CatalogBlob(info.key(), null, ResourceKind.UNKNOWN, null, info.size(), info);
    }

    /**
     * The sha256 a deployment bundle's name claims ({@code resources/deployment/<sha256>.json}, spec §6.3),
     * empty for every other object. Bundles are not query/policy payloads: {@link #wellFormed()} stays
     * false for them, so nothing that collects payloads ever treats a bundle as one.
     */
    public Optional<String> bundleDigest() {
        Matcher b = BUNDLE.matcher(key);
        return b.matches() ? Optional.of(b.group(1)) : Optional.empty();
    }

    /** A deployment bundle (by its key). */
    public boolean isBundle() {
        return bundleDigest().isPresent();
    }

    /** False for objects under {@code resources/} that are not named like a catalog payload. */
    public boolean wellFormed() {
        return address != null;
    }

    public Optional<String> graphId() {
        return kind == ResourceKind.QUERY ? Optional.of(ResourceAddress.parse(address).graphId()) : Optional.empty();
    }
}
