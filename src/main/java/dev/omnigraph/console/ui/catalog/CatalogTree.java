package dev.omnigraph.console.ui.catalog;

import dev.omnigraph.console.ui.common.Bundles;
import dev.omnigraph.console.cluster.CatalogEntry;
import dev.omnigraph.console.cluster.CatalogIndex;
import dev.omnigraph.console.cluster.model.ResourceAddress;
import dev.omnigraph.console.cluster.model.ResourceKind;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Groups a {@link CatalogIndex} into the tree the Catalog view shows (spec §4.3): Queries → graph
 * → query → versions; Policies → policy → versions; Other objects for keys that are not named like
 * a payload. One pass over the entries, no storage access.
 *
 * @param byKey  every blob node by its key, to apply verification verdicts
 * @param groups every section and group by its {@link CatalogNode#id()}, to keep what the admin
 *               opened across a refresh
 */
public record CatalogTree(CatalogNode root, Map<String, CatalogNode> byKey, Map<String, CatalogNode> groups) {

    public static CatalogTree build(CatalogIndex index) {
        return build(index, java.util.Optional.empty());
    }

    /**
     * With the ledger: deployment bundles get their own section, each saying which receipt or the
     * outstanding deployment references it, and bundles the ledger names but storage lacks appear as missing.
     */
    public static CatalogTree build(CatalogIndex index, java.util.Optional<dev.omnigraph.console.cluster.model.Ledger> ledger) {
        CatalogNode root = CatalogNode.section("catalog");
        CatalogNode bundles = CatalogNode.section("Deployment bundles");
        CatalogNode queries = CatalogNode.section("Queries");
        CatalogNode policies = CatalogNode.section("Policies");
        CatalogNode other = CatalogNode.section("Other objects");
        Map<String, CatalogNode> graphs = new TreeMap<>();
        Map<String, CatalogNode> queryGroups = new LinkedHashMap<>();
        Map<String, CatalogNode> policyGroups = new TreeMap<>();
        Map<String, CatalogNode> byKey = new HashMap<>(index.entries().size() * 2);
        java.util.List<CatalogEntry> entries = new java.util.ArrayList<>(index.entries());
        for (CatalogEntry e : entries) {
            CatalogNode blob = CatalogNode.blob(e);
            byKey.put(e.key(), blob);
            java.util.Optional<String> bundle = Bundles.digestOf(e.key());
            if (bundle.isPresent()) {
                blob.setBundleReference(Bundles.reference(bundle.get(), ledger));
                bundles.add(blob);
                continue;
            }
            if (e.address() == null) {
                other.add(blob);
                continue;
            }
            ResourceAddress address = ResourceAddress.parse(e.address());
            if (address.kind() == ResourceKind.QUERY) {
                CatalogNode graph = graphs.computeIfAbsent(address.graphId(), g -> CatalogNode.group(queries, g));
                CatalogNode query = queryGroups.computeIfAbsent(e.address(), k -> {
                    CatalogNode g = CatalogNode.group(graph, address.name());
                    graph.add(g);
                    return g;
                });
                query.add(blob);
            } else if (address.kind() == ResourceKind.POLICY) {
                policyGroups.computeIfAbsent(address.name(), p -> CatalogNode.group(policies, p)).add(blob);
            } else {
                other.add(blob);
            }
        }
        graphs.values().forEach(queries::add);
        policyGroups.values().forEach(policies::add);
        root.add(queries);
        root.add(policies);
        if (!bundles.children().isEmpty()) {
            root.add(bundles);
        }
        if (!other.children().isEmpty()) {
            root.add(other);
        }
        root.total();
        Map<String, CatalogNode> groups = new HashMap<>();
        collectGroups(root, groups);
        return new CatalogTree(root, byKey, groups);
    }

    private static void collectGroups(CatalogNode node, Map<String, CatalogNode> into) {
        if (node.isBlob()) {
            return;
        }
        into.put(node.id(), node);
        for (CatalogNode c : node.children()) {
            if (!c.isBlob()) {
                collectGroups(c, into);
            }
        }
    }

    /** The node with this {@link CatalogNode#id()} (a blob key or a group path), if the tree has it. */
    public java.util.Optional<CatalogNode> find(String id) {
        CatalogNode n = byKey.get(id);
        return java.util.Optional.ofNullable(n != null ? n : groups.get(id));
    }
}
