package dev.omnigraph.console.ui.catalog;

import dev.omnigraph.console.ui.common.Bundles;
import dev.omnigraph.console.cluster.CatalogEntry;
import dev.omnigraph.console.cluster.CatalogIntegrity;
import dev.omnigraph.console.common.Format;
import dev.omnigraph.console.ui.common.Severity;
import dev.omnigraph.console.ui.common.Tagged;
import java.util.ArrayList;
import java.util.List;

/**
 * A node of the catalog tree: a section (Queries, Policies, Other objects), a group (a graph, a
 * query or a policy name) or one blob. Groups keep their children as plain data; the view makes
 * tree items only for what is expanded, so 100,000 blobs cost one small object each here (no
 * properties, no child list, the label computed when drawn) and nothing on screen until opened.
 */
public final class CatalogNode {
    /** What the node stands for. */
    public enum Type { SECTION, GROUP, BLOB }

    private final Type type;
    private final String label;
    private final String id;
    private final CatalogEntry entry;
    private final List<CatalogNode> children;
    private volatile CatalogIntegrity integrity;
    private volatile boolean changedSinceVerified;
    private Tagged bundleReference;
    private long blobs;
    private long bytes;
    private long problems;

    private CatalogNode(Type type, String id, String label, CatalogEntry entry) {
        this.type = type;
        this.id = id;
        this.label = label;
        this.entry = entry;
        this.children = type == Type.BLOB ? List.of() : new ArrayList<>();
        this.integrity = type != Type.BLOB ? null
                : entry.reference() == CatalogEntry.Reference.MISSING ? CatalogIntegrity.MISSING : CatalogIntegrity.UNVERIFIED;
    }

    static CatalogNode section(String label) {
        return new CatalogNode(Type.SECTION, label, label, null);
    }

    /** A group under {@code parent}; its id is the parent's id and its label joined by "/". */
    static CatalogNode group(CatalogNode parent, String label) {
        return new CatalogNode(Type.GROUP, parent.id + "/" + label, label, null);
    }

    static CatalogNode blob(CatalogEntry entry) {
        return new CatalogNode(Type.BLOB, null, null, entry);
    }

    void add(CatalogNode child) {
        children.add(child);
    }

    /** Totals after the tree is built (blobs, bytes, references the ledger misses). */
    void total() {
        if (type == Type.BLOB) {
            blobs = 1;
            bytes = entry.size();
            problems = entry.reference() == CatalogEntry.Reference.MISSING ? 1 : 0;
            return;
        }
        blobs = 0;
        bytes = 0;
        problems = 0;
        for (CatalogNode c : children) {
            c.total();
            blobs += c.blobs;
            bytes += c.bytes;
            problems += c.problems;
        }
    }

    /**
     * What identifies the node across refreshes: a blob's key (a content address), or a section's
     * or group's path of labels ("Queries/knowledge/find_person").
     */
    public String id() {
        return id != null ? id : entry.key();
    }

    public Type type() {
        return type;
    }

    /** Group name, or the blob's short digest (computed when drawn, to keep 100,000 nodes small). */
    public String label() {
        if (label != null) {
            return label;
        }
        if (bundleReference != null) {
            String d = Bundles.digestOf(entry.key()).orElse("");
            return Format.shortDigest(d) + ".json";
        }
        return entry.digest() == null ? entry.key().substring(entry.key().lastIndexOf('/') + 1) : Format.shortDigest(entry.digest());
    }

    /** The blob's entry; null for sections and groups. */
    public CatalogEntry entry() {
        return entry;
    }

    public List<CatalogNode> children() {
        return children;
    }

    public boolean isBlob() {
        return type == Type.BLOB;
    }

    /** Integrity of a blob (null for groups). The view redraws when {@code CatalogViewModel#verdictsProperty()} moves. */
    public CatalogIntegrity integrity() {
        return integrity;
    }

    void setIntegrity(CatalogIntegrity value) {
        if (type == Type.BLOB) {
            integrity = value;
            changedSinceVerified = false;
        }
    }

    /** A verdict was computed for this key, but the bytes listed now are not the bytes it hashed. */
    void markChangedSinceVerified() {
        if (type == Type.BLOB && integrity == CatalogIntegrity.UNVERIFIED) {
            changedSinceVerified = true;
        }
    }

    void setBundleReference(Tagged reference) {
        bundleReference = reference;
    }

    /** Whether this blob is a deployment bundle ({@code resources/deployment/<sha256>.json}). */
    public boolean isBundle() {
        return bundleReference != null;
    }

    /** This blob's integrity in words, including "not verified since it changed". */
    public Tagged integrityTag() {
        if (changedSinceVerified && integrity == CatalogIntegrity.UNVERIFIED) {
            return Tagged.warn("not verified since it changed");
        }
        return integrityTag(integrity);
    }

    public long blobs() {
        return blobs;
    }

    public long bytes() {
        return bytes;
    }

    /** Reference column: live / orphan / missing for a blob, a count for a group. */
    public Tagged reference() {
        if (type != Type.BLOB) {
            return problems > 0 ? Tagged.danger(Format.count(problems) + " missing") : Tagged.neutral(Format.count(blobs) + " blob"
                    + (blobs == 1 ? "" : "s"));
        }
        if (bundleReference != null && entry.reference() != CatalogEntry.Reference.MISSING) {
            return bundleReference;
        }
        return switch (entry.reference()) {
            case LIVE -> Tagged.ok("live");
            case ORPHAN -> Tagged.neutral("orphan");
            case MISSING -> Tagged.danger("missing");
        };
    }

    public static Tagged integrityTag(CatalogIntegrity integrity) {
        if (integrity == null) {
            return new Tagged("", Severity.NEUTRAL);
        }
        return switch (integrity) {
            case UNVERIFIED -> Tagged.neutral("not verified");
            case VERIFIED -> Tagged.ok("verified");
            case TAMPERED -> Tagged.danger("TAMPERED");
            case MISSING -> Tagged.danger("missing");
            case UNREADABLE -> Tagged.danger("unreadable");
        };
    }

    @Override
    public String toString() {
        return label();
    }
}
