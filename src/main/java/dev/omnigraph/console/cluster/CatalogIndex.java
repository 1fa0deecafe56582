package dev.omnigraph.console.cluster;

import dev.omnigraph.console.cluster.model.CatalogPayload;
import dev.omnigraph.console.cluster.model.DeploymentResult;
import dev.omnigraph.console.cluster.model.Ledger;
import dev.omnigraph.console.cluster.model.LedgerResource;
import dev.omnigraph.console.cluster.model.ResourceAddress;
import dev.omnigraph.console.cluster.model.ResourceKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog joined with the ledger: every blob under {@code __cluster/resources/} marked live or
 * orphan, plus the payloads the ledger references that are missing (spec §4.3, §3.8). On v2 roots
 * the deployment bundles ({@code resources/deployment/<sha256>.json}, v0.13 spec §6.3) are joined
 * too: live when a retained receipt or the outstanding deployment names them (see
 * {@link #bundleReferences()}), orphan otherwise (bundles of evicted receipts; upstream never
 * deletes them), missing when the ledger names one that does not exist. Bundle entries have a null
 * address (they are not query/policy payloads) and {@link CatalogEntry#isBundle()}.
 *
 * @param bundleReferences bundle key → what references it (e.g. {@code receipt …:3:…}, {@code outstanding …:4:…})
 */
public record CatalogIndex(List<CatalogEntry> entries, Map<String, List<String>> bundleReferences) {

    /** An index without bundle references (payload entries only). */
    public CatalogIndex(List<CatalogEntry> entries) {
        this(entries, Map.of());
    }

    public CatalogIndex {
        entries = List.copyOf(entries);
        bundleReferences = Collections.unmodifiableMap(new LinkedHashMap<>(bundleReferences));
    }

    public static CatalogIndex build(List<CatalogBlob> blobs, Optional<Ledger> ledger) {
        Map<String, String> referenced = new HashMap<>(); // key -> address
        if (ledger.isPresent()) {
            for (Map.Entry<String, LedgerResource> r : ledger.get().resources().entrySet()) {
                ResourceAddress address = ResourceAddress.parse(r.getKey());
                if (address.kind() == ResourceKind.QUERY || address.kind() == ResourceKind.POLICY) {
                    CatalogPayload.relativeKey(address, r.getValue().digest()).ifPresent(k -> referenced.put(k, r.getKey()));
                }
            }
        }
        Map<String, List<String>> bundles = ledger.map(CatalogIndex::bundleReferences).orElse(Map.of());
        List<CatalogEntry> entries = new ArrayList<>(blobs.size() + 8);
        Map<String, Boolean> seen = new HashMap<>();
        for (CatalogBlob blob : blobs) {
            boolean live = referenced.containsKey(blob.key()) || bundles.containsKey(blob.key());
            seen.put(blob.key(), true);
            entries.add(new CatalogEntry(blob.address(), blob.bundleDigest().orElse(blob.digest()), blob.key(), Optional.of(blob),
                    live ? CatalogEntry.Reference.LIVE : CatalogEntry.Reference.ORPHAN));
        }
        for (Map.Entry<String, String> ref : referenced.entrySet()) {
            if (!seen.containsKey(ref.getKey())) {
                String digest = ledger.orElseThrow().resources().get(ref.getValue()).digest();
                entries.add(new CatalogEntry(ref.getValue(), digest, ref.getKey(), Optional.empty(), CatalogEntry.Reference.MISSING));
            }
        }
        for (String key : bundles.keySet()) {
            if (!seen.containsKey(key)) {
                entries.add(new CatalogEntry(null, ClusterLayout.bundleDigestOf(key), key, Optional.empty(),
                        CatalogEntry.Reference.MISSING));
            }
        }
        entries.sort((a, b) -> a.key().compareTo(b.key()));
        return new CatalogIndex(entries, bundles);
    }

    /** Bundle key → "receipt <id>" / "outstanding <id>", in ledger order. */
    private static Map<String, List<String>> bundleReferences(Ledger ledger) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (DeploymentResult r : ledger.deploymentResults()) {
            out.computeIfAbsent(ClusterLayout.bundleKey(r.inputDigest()), k -> new ArrayList<>()).add("receipt " + r.id());
        }
        ledger.outstanding().ifPresent(o -> out.computeIfAbsent(ClusterLayout.bundleKey(o.inputDigest()),
                k -> new ArrayList<>()).add("outstanding " + o.id()));
        out.replaceAll((k, v) -> List.copyOf(v));
        return out;
    }

    public long count(CatalogEntry.Reference reference) {
        return entries.stream().filter(e -> e.reference() == reference).count();
    }

    public long bytes() {
        return entries.stream().mapToLong(CatalogEntry::size).sum();
    }

    /** Query/policy payloads the ledger references that do not exist (bundles: {@link #missingBundles()}). */
    public List<CatalogEntry> missing() {
        return entries.stream().filter(e -> e.reference() == CatalogEntry.Reference.MISSING && !e.isBundle()).toList();
    }

    /** Every deployment bundle entry (present or missing). */
    public List<CatalogEntry> bundles() {
        return entries.stream().filter(CatalogEntry::isBundle).toList();
    }

    /** Bundles the ledger references that do not exist. */
    public List<CatalogEntry> missingBundles() {
        return entries.stream().filter(e -> e.isBundle() && e.reference() == CatalogEntry.Reference.MISSING).toList();
    }

    /** What references this bundle key (empty for an orphan or a non-bundle). */
    public List<String> referencesOf(String key) {
        return bundleReferences.getOrDefault(key, List.of());
    }
}
