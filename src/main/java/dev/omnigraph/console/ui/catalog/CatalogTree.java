package dev.omnigraph.console.ui.catalog;

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
 * @param byKey every blob node by its key, to apply verification verdicts
 */
public record CatalogTree(CatalogNode root, Map<String, CatalogNode> byKey) {

    public static CatalogTree build(CatalogIndex index) {
        CatalogNode root = CatalogNode.section("catalog");
        CatalogNode queries = CatalogNode.section("Queries");
        CatalogNode policies = CatalogNode.section("Policies");
        CatalogNode other = CatalogNode.section("Other objects");
        Map<String, CatalogNode> graphs = new TreeMap<>();
        Map<String, CatalogNode> queryGroups = new LinkedHashMap<>();
        Map<String, CatalogNode> policyGroups = new TreeMap<>();
        Map<String, CatalogNode> byKey = new HashMap<>(index.entries().size() * 2);
        for (CatalogEntry e : index.entries()) {
            CatalogNode blob = CatalogNode.blob(e);
            byKey.put(e.key(), blob);
            if (e.address() == null) {
                other.add(blob);
                continue;
            }
            ResourceAddress address = ResourceAddress.parse(e.address());
            if (address.kind() == ResourceKind.QUERY) {
                CatalogNode graph = graphs.computeIfAbsent(address.graphId(), CatalogNode::group);
                CatalogNode query = queryGroups.computeIfAbsent(e.address(), k -> {
                    CatalogNode g = CatalogNode.group(address.name());
                    graph.add(g);
                    return g;
                });
                query.add(blob);
            } else if (address.kind() == ResourceKind.POLICY) {
                policyGroups.computeIfAbsent(address.name(), CatalogNode::group).add(blob);
            } else {
                other.add(blob);
            }
        }
        graphs.values().forEach(queries::add);
        policyGroups.values().forEach(policies::add);
        root.add(queries);
        root.add(policies);
        if (!other.children().isEmpty()) {
            root.add(other);
        }
        root.total();
        return new CatalogTree(root, byKey);
    }
}
