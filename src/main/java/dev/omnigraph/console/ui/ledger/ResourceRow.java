package dev.omnigraph.console.ui.ledger;

import dev.omnigraph.console.cluster.model.Ledger;
import dev.omnigraph.console.cluster.model.LedgerResource;
import dev.omnigraph.console.cluster.model.ResourceAddress;
import dev.omnigraph.console.cluster.model.ResourceStatusRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One row of the ledger's resource table: an {@code applied_revision.resources} entry joined with
 * its {@code resource_statuses} record (spec §3.1). Empty strings stand for absent fields.
 */
public record ResourceRow(String address, String kind, String digest, String status, String conditions, String message,
                          String appliesTo, String embeddingProvider, String externalBlobPolicy, boolean statusOnly) {

    public static List<ResourceRow> of(Ledger ledger) {
        List<ResourceRow> rows = new ArrayList<>();
        for (Map.Entry<String, LedgerResource> e : ledger.resources().entrySet()) {
            LedgerResource r = e.getValue();
            ResourceStatusRecord s = ledger.resourceStatuses().get(e.getKey());
            String policy = "";
            if (ResourceAddress.parse(e.getKey()).kind() == dev.omnigraph.console.cluster.model.ResourceKind.GRAPH) {
                policy = r.externalBlobPolicy() == null ? "deny (default)" : r.externalBlobPolicy().toCompactJson();
            }
            rows.add(new ResourceRow(e.getKey(), ResourceAddress.parse(e.getKey()).kind().wireName(), r.digest(),
                    s == null ? "" : s.status().wireName(), s == null ? "" : String.join(", ", s.conditions()),
                    s == null || s.message() == null ? "" : s.message(), r.appliesTo() == null ? "" : String.join(", ", r.appliesTo()),
                    r.embeddingProvider() == null ? "" : r.embeddingProvider(), policy, false));
        }
        // statuses for addresses that have no resource entry (drifted graph_missing removes the digest)
        for (Map.Entry<String, ResourceStatusRecord> e : ledger.resourceStatuses().entrySet()) {
            if (!ledger.resources().containsKey(e.getKey())) {
                ResourceStatusRecord s = e.getValue();
                rows.add(new ResourceRow(e.getKey(), ResourceAddress.parse(e.getKey()).kind().wireName(), "", s.status().wireName(),
                        String.join(", ", s.conditions()), s.message() == null ? "" : s.message(), "", "", "", true));
            }
        }
        return rows;
    }

    /** Case-insensitive match of every word in {@code query} against the row's text. */
    public boolean matches(String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        String hay = (address + " " + kind + " " + digest + " " + status + " " + conditions + " " + message + " " + appliesTo + " "
                + embeddingProvider).toLowerCase(Locale.ROOT);
        for (String word : query.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
            if (!hay.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** The detail pane's text. */
    public String detail() {
        StringBuilder out = new StringBuilder();
        line(out, "Address", address);
        line(out, "Kind", kind);
        line(out, "Digest", digest.isEmpty() ? "(no resource entry: only a status record)" : digest);
        line(out, "Status", status.isEmpty() ? "(no status record)" : status);
        line(out, "Conditions", conditions);
        line(out, "Message", message);
        line(out, "Applies to", appliesTo);
        line(out, "Embedding provider", embeddingProvider);
        line(out, "External blob policy", externalBlobPolicy);
        return out.toString();
    }

    private static void line(StringBuilder out, String label, String value) {
        if (!value.isEmpty()) {
            out.append(label).append(": ").append(value).append('\n');
        }
    }
}
