package dev.omnigraph.console.cluster;

import dev.omnigraph.console.cluster.model.CatalogPayload;
import dev.omnigraph.console.cluster.model.Ledger;
import dev.omnigraph.console.cluster.model.LedgerResource;
import dev.omnigraph.console.cluster.model.ResourceAddress;
import dev.omnigraph.console.cluster.model.ResourceKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog joined with the ledger: every blob under {@code __cluster/resources/} marked live or
 * orphan, plus the payloads the ledger references that are missing (spec §4.3, §3.8).
 */
public record CatalogIndex(List<CatalogEntry> entries) {

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
        List<CatalogEntry> entries = new ArrayList<>(blobs.size() + 8);
        Map<String, Boolean> seen = new HashMap<>();
        for (CatalogBlob blob : blobs) {
            boolean live = referenced.containsKey(blob.key());
            seen.put(blob.key(), true);
            entries.add(new CatalogEntry(blob.address(), blob.digest(), blob.key(), Optional.of(blob),
                    live ? CatalogEntry.Reference.LIVE : CatalogEntry.Reference.ORPHAN));
        }
        for (Map.Entry<String, String> ref : referenced.entrySet()) {
            if (!seen.containsKey(ref.getKey())) {
                String digest = ledger.orElseThrow().resources().get(ref.getValue()).digest();
                entries.add(new CatalogEntry(ref.getValue(), digest, ref.getKey(), Optional.empty(), CatalogEntry.Reference.MISSING));
            }
        }
        entries.sort((a, b) -> a.key().compareTo(b.key()));
        return new CatalogIndex(List.copyOf(entries));
    }

    public long count(CatalogEntry.Reference reference) {
        return entries.stream().filter(e -> e.reference() == reference).count();
    }

    public long bytes() {
        return entries.stream().mapToLong(CatalogEntry::size).sum();
    }

    public List<CatalogEntry> missing() {
        return entries.stream().filter(e -> e.reference() == CatalogEntry.Reference.MISSING).toList();
    }
}
