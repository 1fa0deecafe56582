package dev.omnigraph.console.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnigraph.console.cluster.ClusterLayout;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A restore point's manifest ({@code points/<id>/manifest.json}): when and from where it was
 * taken, the ledger it captured (cas, revision, generation, ledger id), how the cluster lock was
 * handled, and every object of the root except the lock, with size and SHA-256. Written last and
 * create-only: its presence is what makes a point complete.
 *
 * @param lockHandling    {@code acquired} (the root was unlocked; our lock was released after) or
 *                        {@code taken-over} (a held lock was replaced by ours and put back after)
 * @param lockTakenOver   the id of the lock that was taken over and put back
 * @param copiedObjects   objects this point wrote to the location (the rest were already there)
 */
public record RestorePoint(String pointId, Instant startedAt, Instant finishedAt, String sourceRoot, LedgerFacts ledger,
                           String lockHandling, Optional<String> lockTakenOver, List<PointObject> objects, long copiedObjects,
                           long copiedBytes) {
    public static final String FORMAT = "omnigraph-console-restore-point";
    public static final int FORMAT_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    public RestorePoint {
        objects = List.copyOf(objects);
    }

    public long totalBytes() {
        return objects.stream().mapToLong(PointObject::size).sum();
    }

    /** The ledger's entry. */
    public Optional<PointObject> ledgerObject() {
        return objects.stream().filter(o -> o.key().equals(ClusterLayout.STATE)).findFirst();
    }

    public byte[] toBytes() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("format_version", FORMAT_VERSION);
        root.put("point_id", pointId);
        root.put("started_at", startedAt.toString());
        root.put("finished_at", finishedAt.toString());
        root.put("source_root", sourceRoot);
        root.set("ledger", ledgerJson());
        ObjectNode lock = root.putObject("lock");
        lock.put("handling", lockHandling);
        lock.put("taken_over_id", lockTakenOver.orElse(null));
        ObjectNode totals = root.putObject("totals");
        totals.put("objects", objects.size());
        totals.put("bytes", totalBytes());
        totals.put("copied_objects", copiedObjects);
        totals.put("copied_bytes", copiedBytes);
        ArrayNode list = root.putArray("objects");
        for (PointObject o : objects) {
            ObjectNode n = list.addObject();
            n.put("key", o.key());
            n.put("size", o.size());
            n.put("sha256", o.sha256());
            o.sourceEtag().ifPresent(e -> n.put("etag", e));
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("could not encode the manifest", e);
        }
    }

    private ObjectNode ledgerJson() {
        ObjectNode n = JSON.createObjectNode();
        n.put("cas", ledger.cas());
        n.put("size", ledger.size());
        n.put("version", ledger.version());
        n.put("state_revision", ledger.stateRevision());
        n.put("ledger_id", ledger.ledgerId().orElse(null));
        ledger.resultRevision().ifPresent(r -> n.put("result_revision", r));
        n.put("outstanding_id", ledger.outstandingId().orElse(null));
        ArrayNode ids = n.putArray("deployment_ids");
        ledger.deploymentIds().forEach(ids::add);
        ObjectNode contracts = n.putObject("graph_contracts");
        ledger.graphContracts().forEach(contracts::put);
        n.put("generation", ledger.generation().orElse(null));
        n.put("problem", ledger.problem().orElse(null));
        return n;
    }

    /** Parses a manifest; {@link IllegalArgumentException} with a sentence when it is damaged or of an unknown format. */
    public static RestorePoint parse(byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("the manifest is not valid JSON: it is damaged");
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException("the manifest is not an OmniGraph Console restore point manifest");
        }
        if (root.path("format_version").asInt() != FORMAT_VERSION) {
            throw new IllegalArgumentException("the manifest has format version " + root.path("format_version").asText()
                    + ", which this console does not understand (it knows " + FORMAT_VERSION + ")");
        }
        List<PointObject> objects = new ArrayList<>();
        for (JsonNode n : root.path("objects")) {
            String sha = n.path("sha256").asText();
            BackupLayout.blobKey(sha); // refuses a malformed digest
            objects.add(new PointObject(n.path("key").asText(), n.path("size").asLong(), sha,
                    n.hasNonNull("etag") ? Optional.of(n.path("etag").asText()) : Optional.empty()));
        }
        JsonNode lock = root.path("lock");
        JsonNode totals = root.path("totals");
        try {
            return new RestorePoint(RestorePointId.check(root.path("point_id").asText()), Instant.parse(root.path("started_at").asText()),
                    Instant.parse(root.path("finished_at").asText()), root.path("source_root").asText(),
                    LedgerFacts.fromManifest(root.path("ledger")), lock.path("handling").asText(),
                    lock.hasNonNull("taken_over_id") ? Optional.of(lock.path("taken_over_id").asText()) : Optional.empty(), objects,
                    totals.path("copied_objects").asLong(), totals.path("copied_bytes").asLong());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("the manifest has an unreadable time: it is damaged");
        }
    }
}
