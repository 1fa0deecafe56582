package dev.omnigraph.console.ui.catalog;

import dev.omnigraph.console.cluster.CatalogEntry;
import dev.omnigraph.console.cluster.CatalogIndex;
import dev.omnigraph.console.cluster.CatalogIntegrity;
import dev.omnigraph.console.cluster.CatalogVerifier;
import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.model.DeploymentResult;
import dev.omnigraph.console.cluster.model.Ledger;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.StoredObject;
import dev.omnigraph.console.ui.common.Tagged;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deployment bundles in the catalog (OmniGraph v0.13, spec §6.3):
 * {@code __cluster/resources/deployment/<sha256>.json}, verified when sha256(bytes) equals the
 * name, tampered otherwise, and referenced by retained receipts or the outstanding deployment, or
 * by nothing (kept forever by upstream, shown as "not referenced").
 */
public final class Bundles {
    /** Bundles are bounded like upstream's reader. */
    public static final long MAX_BYTES = 16L << 20;
    private static final Pattern KEY = Pattern.compile(Pattern.quote(ClusterLayout.RESOURCES) + "deployment/([0-9a-f]{64})\\.json");

    private Bundles() {}

    /** The digest a bundle key names, when {@code key} is shaped like a bundle. */
    public static Optional<String> digestOf(String key) {
        Matcher m = KEY.matcher(key);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    public static String key(String digest) {
        return ClusterLayout.RESOURCES + "deployment/" + digest + ".json";
    }

    /** "outstanding deployment #4", "receipt #1, #3", or "not referenced" (neutral: upstream keeps every bundle). */
    public static Tagged reference(String digest, Optional<Ledger> ledger) {
        List<String> by = new ArrayList<>();
        ledger.flatMap(Ledger::outstanding).filter(o -> o.inputDigest().equals(digest))
                .ifPresent(o -> by.add("outstanding deployment #" + (o.deploymentId() == null ? "?" : o.deploymentId().sequenceText())));
        List<String> receipts = new ArrayList<>();
        for (DeploymentResult r : ledger.map(Ledger::deploymentResults).orElse(List.of())) {
            if (r.inputDigest().equals(digest)) {
                receipts.add("#" + (r.sequence() < 0 ? "?" : Long.toUnsignedString(r.sequence())));
            }
        }
        if (!receipts.isEmpty()) {
            by.add((receipts.size() == 1 ? "receipt " : "receipts ") + String.join(", ", receipts));
        }
        return by.isEmpty() ? Tagged.neutral("not referenced") : by.get(0).startsWith("outstanding") ? Tagged.warn(String.join(" · ", by))
                : Tagged.ok(String.join(" · ", by));
    }

    /** Bundles the ledger references that the listing does not have (upstream: deployment_bundle_missing). */
    public static List<CatalogEntry> missing(CatalogIndex index, Optional<Ledger> ledger) {
        Set<String> listed = new HashSet<>();
        index.entries().forEach(e -> digestOf(e.key()).ifPresent(listed::add));
        List<CatalogEntry> out = new ArrayList<>();
        for (String digest : ledger.map(Ledger::referencedBundles).orElse(Set.of())) {
            if (!listed.contains(digest)) {
                out.add(new CatalogEntry(null, digest, key(digest), Optional.empty(), CatalogEntry.Reference.MISSING));
            }
        }
        out.sort((a, b) -> a.key().compareTo(b.key()));
        return out;
    }

    /** Hashes one bundle (job thread): VERIFIED when sha256(bytes) is its name, TAMPERED otherwise. */
    public static CatalogVerifier.Result verify(ObjectStore store, CatalogEntry entry) throws StorageException {
        String digest = digestOf(entry.key()).orElseThrow();
        Optional<StoredObject> o;
        try {
            o = store.read(entry.key(), MAX_BYTES);
        } catch (StorageException e) {
            if (e.kind() == StorageException.Kind.TOO_LARGE || e.kind() == StorageException.Kind.ACCESS_DENIED) {
                return new CatalogVerifier.Result(entry, CatalogIntegrity.UNREADABLE, e.describe());
            }
            throw e;
        }
        if (o.isEmpty()) {
            return new CatalogVerifier.Result(entry, CatalogIntegrity.MISSING, "deployment_bundle_missing: no object at " + entry.key());
        }
        String actual = sha256(o.get().bytes());
        return actual.equals(digest) ? new CatalogVerifier.Result(entry, CatalogIntegrity.VERIFIED, "")
                : new CatalogVerifier.Result(entry, CatalogIntegrity.TAMPERED, "deployment_bundle_digest: the bytes hash to " + actual
                        + ", not to the name " + digest);
    }

    /** {@code report} with every bundle's verdict computed by {@link #verify} (the generic verifier cannot judge bundles). */
    static CatalogVerifier.Report withBundles(CatalogVerifier.Report report, ObjectStore store) throws StorageException {
        List<CatalogVerifier.Result> out = new ArrayList<>(report.results().size());
        for (CatalogVerifier.Result r : report.results()) {
            out.add(digestOf(r.entry().key()).isPresent() && r.entry().blob().isPresent() ? verify(store, r.entry()) : r);
        }
        return new CatalogVerifier.Report(List.copyOf(out));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
