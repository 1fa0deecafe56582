package dev.omnigraph.console.cluster.diff;

import dev.omnigraph.console.cluster.CatalogEntry;
import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.ClusterSnapshot;
import dev.omnigraph.console.cluster.GraphSummary;
import dev.omnigraph.console.cluster.LedgerState;
import dev.omnigraph.console.cluster.LockState;
import dev.omnigraph.console.cluster.history.LedgerCopy;
import dev.omnigraph.console.cluster.model.ApprovalArtifact;
import dev.omnigraph.console.cluster.model.CatalogPayload;
import dev.omnigraph.console.cluster.model.Ledger;
import dev.omnigraph.console.cluster.model.LedgerResource;
import dev.omnigraph.console.cluster.model.RecoverySidecar;
import dev.omnigraph.console.cluster.model.ResourceAddress;
import dev.omnigraph.console.cluster.model.ResourceKind;
import dev.omnigraph.console.cluster.model.Rfc3339;
import dev.omnigraph.console.cluster.model.Ulid;
import dev.omnigraph.console.storage.StoreUri;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What an admin would have to do, and what would break, to put an older ledger back. The console
 * never restores a ledger itself; it prints the exact conditional commands (spec §3.7, §10) and
 * the consequences, derived from upstream's rules:
 *
 * <ul>
 *   <li>pending approvals authorize a change only while their {@code bound_before_digest} equals the
 *       ledger's digest of that resource ({@code diff.rs::approved_resources}), so a restore can make
 *       them {@code approval_stale};</li>
 *   <li>a recovery sidecar's sweep compares the graph's live schema with the ledger's
 *       {@code schema.<id>} digest, and its {@code state_cas_base} names the ledger the apply
 *       started from (spec §6.2);</li>
 *   <li>observations are only rewritten by the next {@code refresh};</li>
 *   <li>upstream never checks that {@code state_revision} grows: the next write stores the restored
 *       revision + 1, so revision numbers stop naming one ledger each (the CAS still does);</li>
 *   <li>catalog blobs the older ledger references must still exist, or serving refuses
 *       ({@code catalog_payload_missing}).</li>
 * </ul>
 *
 * @param commands     the steps, as shell commands with comments, in order
 * @param consequences what the restore would invalidate or change, one sentence each
 */
public record RestoreGuidance(String summary, List<String> commands, List<String> consequences) {

    /** Where the older ledger's bytes are, for the first step. */
    public sealed interface Origin {
        /** A version of the ledger in the same bucket. */
        record BucketVersion(String versionId) implements Origin {}

        /** A file on this machine (a cache entry or a file the admin named). */
        record LocalFile(String path) implements Origin {}
    }

    /**
     * @param snapshot the cluster as it is now (its ledger is what would be replaced)
     * @param target   the older ledger to restore
     * @param origin   where the target's bytes are
     * @param endpoint the S3 endpoint URL to pass to the AWS CLI, when not AWS itself
     */
    public static RestoreGuidance of(ClusterSnapshot snapshot, LedgerCopy target, Origin origin, Optional<String> endpoint) {
        List<String> consequences = new ArrayList<>();
        if (!(snapshot.ledger() instanceof LedgerState.Present present)) {
            return new RestoreGuidance("There is no readable current ledger to compare with; restoring means creating it.",
                    List.of(), List.of("Read the current ledger first ('status' says why it cannot be read)."));
        }
        Ledger current = present.ledger();
        if (target.ledger().isEmpty()) {
            return new RestoreGuidance("The older copy is not a valid ledger (" + target.problem().map(p -> p.code()).orElse("?")
                    + "): upstream would refuse it, so it must not be restored.", List.of(), List.of());
        }
        Ledger older = target.ledger().get();
        if (older.cas().equals(current.cas())) {
            return new RestoreGuidance("The older copy is the current ledger: there is nothing to restore.", List.of(), List.of());
        }
        List<String> commands = snapshot.location().root() instanceof StoreUri.S3 s3
                ? s3Commands(s3, present.token(), older, origin, endpoint)
                : localCommands((StoreUri.Local) snapshot.location().root(), current, older, origin);

        if (snapshot.lock() instanceof LockState.Held h) {
            consequences.add("The cluster lock is held now by '" + h.lock().operation() + "' (id " + h.lock().lockId()
                    + "): a cluster command may be running. Wait for it; a running apply would otherwise fail with "
                    + "state_cas_mismatch after the restore, or its sweep would act on the restored ledger.");
        } else if (snapshot.lock() instanceof LockState.Unreadable) {
            consequences.add("A lock object that cannot be read is present: every cluster command is blocked until it is removed.");
        }
        V2RestoreRisks.add(consequences, current, older);
        if (!current.generation().isV2() && !older.generation().isV2()) {
            revision(consequences, current, older); // its advice edits the ledger: never on v2
        }
        if (!Objects.equals(current.configDigest(), older.configDigest())) {
            consequences.add("The applied config digest goes from " + LedgerDiffReport.shorten(current.configDigest()) + " to "
                    + LedgerDiffReport.shorten(older.configDigest()) + ": the next 'cluster plan' compares cluster.yaml with the "
                    + "restored ledger and proposes every difference again.");
        }
        StructuralDiff back = LedgerDiffer.structural(current, older);
        graphs(consequences, back, snapshot);
        approvals(consequences, snapshot.pendingApprovals(), older);
        sidecars(consequences, snapshot.sidecars(), current, older);
        catalog(consequences, older, snapshot);
        records(consequences, back);
        return new RestoreGuidance("Restoring " + target.origin() + " (revision " + Long.toUnsignedString(older.stateRevision())
                + ", " + older.cas() + ") over the current ledger (revision " + Long.toUnsignedString(current.stateRevision())
                + ", " + current.cas() + ") is not offered as an action. If you decide to, these are the exact conditional steps:",
                List.copyOf(commands), List.copyOf(consequences));
    }

    // ---- commands ------------------------------------------------------------------------

    private static List<String> s3Commands(StoreUri.S3 root, String etag, Ledger older, Origin origin, Optional<String> endpoint) {
        String key = root.objectKey(ClusterLayout.STATE);
        String ep = endpoint.map(e -> " --endpoint-url " + shellQuote(e)).orElse("");
        String hex = older.cas().substring(7);
        List<String> out = new ArrayList<>();
        String file;
        if (origin instanceof Origin.BucketVersion v) {
            file = "restored-state.json";
            out.add("# 1. Fetch the older ledger version");
            out.add("aws s3api get-object" + ep + " --bucket " + shellQuote(root.bucket()) + " --key " + shellQuote(key)
                    + " --version-id " + shellQuote(v.versionId()) + " " + file);
        } else {
            file = ((Origin.LocalFile) origin).path();
            out.add("# 1. The older ledger's exact bytes are in " + file);
        }
        out.add("# 2. Check it is the ledger you compared (must print " + hex + ")");
        out.add("sha256sum " + shellQuote(file));
        out.add("# 3. Replace the ledger only if it is still the one read now (ETag " + etag + "); a 412 means it moved: diff again");
        out.add("aws s3api put-object" + ep + " --bucket " + shellQuote(root.bucket()) + " --key " + shellQuote(key)
                + " --body " + shellQuote(file) + " --if-match " + shellQuote("\"" + etag + "\""));
        out.add("# The replaced ledger stays in the bucket as a noncurrent version, so this step can itself be undone.");
        return out;
    }

    private static List<String> localCommands(StoreUri.Local root, Ledger current, Ledger older, Origin origin) {
        String dir = root.root().resolve("__cluster").toString();
        String lockId = Ulid.generate(Instant.now()).toString();
        String lock = "{\"version\":1,\"lock_id\":\"" + lockId + "\",\"operation\":\"ledger-restore\",\"created_at\":\""
                + Rfc3339.format(Instant.now()) + "\",\"pid\":0}";
        String file = origin instanceof Origin.LocalFile f ? f.path() : "restored-state.json";
        List<String> out = new ArrayList<>();
        out.add("# A local folder has no conditional write: take the cluster lock, re-check, then replace by rename.");
        out.add("cd " + shellQuote(dir));
        out.add("# 1. Take the lock create-only (fails if any lock exists: then stop)");
        out.add("(set -o noclobber; printf '%s' " + shellQuote(lock) + " > lock.json)");
        out.add("# 2. Check nothing wrote the ledger since you looked (must print " + current.cas().substring(7) + ")");
        out.add("sha256sum state.json");
        out.add("# 3. Check the older copy is the one you compared (must print " + older.cas().substring(7) + ")");
        out.add("sha256sum " + shellQuote(file));
        out.add("# 4. Keep the current ledger, then replace it atomically (rename within the folder)");
        out.add("cp -p state.json state.json.before-restore-" + current.cas().substring(7, 19));
        out.add("cp " + shellQuote(file) + " .state.json.restoring && mv .state.json.restoring state.json");
        out.add("# 5. Release the lock, only if it is still yours");
        out.add("grep -q '\"lock_id\":\"" + lockId + "\"' lock.json && rm lock.json");
        return out;
    }

    static String shellQuote(String s) {
        if (s.matches("[A-Za-z0-9_./:=@%+,-]+")) {
            return s;
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }

    // ---- consequences ---------------------------------------------------------------------

    private static void revision(List<String> out, Ledger current, Ledger older) {
        long now = current.stateRevision();
        long then = older.stateRevision();
        if (Long.compareUnsigned(then, now) < 0) {
            out.add("state_revision goes back from " + Long.toUnsignedString(now) + " to " + Long.toUnsignedString(then)
                    + ". Upstream does not check that revisions grow: the next apply or refresh writes "
                    + Long.toUnsignedString(then + 1) + ", so " + (then + 1 == now ? "revision " + Long.toUnsignedString(now)
                    + " will name" : "revisions " + Long.toUnsignedString(then + 1) + "–" + Long.toUnsignedString(now)
                    + " will each name") + " two different ledgers (the state_cas stays unique). "
                    + "To keep them growing, set state_revision to " + Long.toUnsignedString(now + 1)
                    + " in the restored file before writing it.");
        } else {
            out.add("state_revision does not go backwards (" + Long.toUnsignedString(now) + " → " + Long.toUnsignedString(then) + ").");
        }
    }

    private static void graphs(List<String> out, StructuralDiff back, ClusterSnapshot snapshot) {
        Set<String> roots = new HashSet<>();
        for (GraphSummary g : snapshot.graphs()) {
            if (g.objects() > 0) {
                roots.add(g.id());
            }
        }
        for (ResourceChange r : back.resources()) {
            if (r.kind() != ResourceKind.GRAPH) {
                continue;
            }
            String id = ResourceAddress.parse(r.address()).graphId();
            if (r.change() == ChangeKind.REMOVED) {
                out.add(r.address() + " is applied now but absent from the restored ledger: its root "
                        + ClusterLayout.graphPrefix(id) + (roots.contains(id) ? " stays, unknown to the ledger, and the next "
                        + "plan proposes to create a graph whose root already exists." : " is already gone."));
            } else if (r.change() == ChangeKind.ADDED) {
                out.add(r.address() + " comes back into the ledger" + (roots.contains(id) ? "."
                        : ", but its root " + ClusterLayout.graphPrefix(id) + " no longer exists: serving would quarantine it "
                        + "(the graph cannot open) and 'cluster refresh' marks it drifted (graph_missing)."));
            } else if (r.field("digest").isPresent()) {
                out.add(r.address() + " goes back to an older definition (composite " + LedgerDiffReport.shorten(r.field("digest")
                        .get().after()) + "); its live schema is not moved back: 'cluster refresh' reports schema_mismatch where they differ.");
            }
        }
    }

    private static void approvals(List<String> out, List<ApprovalArtifact> pending, Ledger older) {
        for (ApprovalArtifact a : pending) {
            String restored = older.resource(a.resource()).map(LedgerResource::digest).orElse(null);
            if (Objects.equals(restored, a.boundBeforeDigest())) {
                out.add("Pending approval " + a.approvalId() + " (" + a.operation() + " " + a.resource() + ") stays valid: the "
                        + "restored ledger has the digest it is bound to.");
            } else {
                out.add("Pending approval " + a.approvalId() + " (" + a.operation() + " " + a.resource() + " by " + a.approvedBy()
                        + ") becomes stale (approval_stale, it authorizes nothing): it is bound to before-digest "
                        + LedgerDiffReport.shorten(a.boundBeforeDigest()) + ", the restored ledger has "
                        + LedgerDiffReport.shorten(restored) + ". It must be approved again.");
            }
        }
    }

    private static void sidecars(List<String> out, List<RecoverySidecar> sidecars, Ledger current, Ledger older) {
        for (RecoverySidecar s : sidecars) {
            String schema = ResourceAddress.schema(s.graphId());
            String now = current.resource(schema).map(LedgerResource::digest).orElse(null);
            String then = older.resource(schema).map(LedgerResource::digest).orElse(null);
            StringBuilder b = new StringBuilder("Recovery sidecar " + s.operationId() + " (" + s.kind().wireName() + " of graph "
                    + s.graphId() + ") started from ledger " + LedgerDiffReport.shorten(s.stateCasBase()));
            b.append(Objects.equals(s.stateCasBase(), older.cas()) ? ", which is the restored one." : ", not the restored one.");
            if (!Objects.equals(now, then)) {
                b.append(" The next sweep compares the live schema with the restored ").append(schema).append(" digest ")
                        .append(LedgerDiffReport.shorten(then)).append(" instead of ").append(LedgerDiffReport.shorten(now))
                        .append(", so it may roll forward, retire or keep the sidecar differently.");
            } else {
                b.append(" Its sweep is decided the same way (").append(schema).append(" is unchanged).");
            }
            out.add(b.toString());
        }
    }

    private static void catalog(List<String> out, Ledger older, ClusterSnapshot snapshot) {
        Set<String> present = new HashSet<>();
        for (CatalogEntry e : snapshot.catalog().entries()) {
            if (e.blob().isPresent()) {
                present.add(e.key());
            }
        }
        for (Map.Entry<String, LedgerResource> r : older.resources().entrySet()) {
            ResourceAddress address = ResourceAddress.parse(r.getKey());
            if (address.kind() != ResourceKind.QUERY && address.kind() != ResourceKind.POLICY) {
                continue;
            }
            Optional<String> key = CatalogPayload.relativeKey(address, r.getValue().digest());
            if (key.isPresent() && !present.contains(key.get())) {
                out.add("The restored ledger references " + key.get() + ", which no longer exists (removed by a catalog GC?): "
                        + "serving would refuse (catalog_payload_missing) until 'cluster refresh' and 'cluster apply' re-publish it.");
            }
        }
    }

    private static void records(List<String> out, StructuralDiff back) {
        List<String> lostApprovals = keys(back, RecordSection.APPROVAL_RECORDS, ChangeKind.REMOVED);
        List<String> lostRecoveries = keys(back, RecordSection.RECOVERY_RECORDS, ChangeKind.REMOVED);
        if (!lostApprovals.isEmpty() || !lostRecoveries.isEmpty()) {
            List<String> parts = new ArrayList<>();
            if (!lostApprovals.isEmpty()) {
                parts.add("approval_records " + String.join(", ", lostApprovals));
            }
            if (!lostRecoveries.isEmpty()) {
                parts.add("recovery_records " + String.join(", ", lostRecoveries));
            }
            out.add("Audit records written since would leave the ledger: " + String.join("; ", parts)
                    + " (the approval files and the ledger's history keep them).");
        }
        long observations = back.records(RecordSection.OBSERVATIONS).size();
        if (observations > 0) {
            out.add(observations + " observation(s) revert to what was recorded then (graph existence, manifest versions, schema "
                    + "digests, tombstones); the next 'cluster refresh' observes the graphs again.");
        }
    }

    private static List<String> keys(StructuralDiff d, RecordSection section, ChangeKind kind) {
        return d.records(section).stream().filter(r -> r.change() == kind).map(RecordChange::key).toList();
    }
}
