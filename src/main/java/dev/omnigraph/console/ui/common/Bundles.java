package dev.omnigraph.console.ui.common;

import dev.omnigraph.console.cluster.CatalogEntry;
import dev.omnigraph.console.cluster.CatalogIndex;
import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.model.DeploymentResult;
import dev.omnigraph.console.cluster.model.Ledger;
import dev.omnigraph.console.ui.common.Tagged;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deployment bundles in the catalog (OmniGraph v0.13, spec §6.3):
 * {@code __cluster/resources/deployment/<sha256>.json}, referenced by retained receipts or the
 * outstanding deployment, or by nothing (kept forever by upstream, shown as "not referenced").
 * Verdicts (sha256 of the bytes equals the name, strict decode) come from the cluster layer's
 * {@code CatalogVerifier}.
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
    public static List<CatalogEntry> missing(CatalogIndex index) {
        return index.missingBundles();
    }
}
