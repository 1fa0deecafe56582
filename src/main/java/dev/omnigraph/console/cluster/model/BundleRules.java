package dev.omnigraph.console.cluster.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The checks of {@code validate_bundle} the console can make without compiling sources (spec §6.3). */
final class BundleRules {

    private static final String INVALID = "deployment_input_invalid";

    private BundleRules() {
    }

    static List<Diagnostic> validate(DeploymentBundle b, Optional<String> canonicalRoot) {
        List<Diagnostic> out = new ArrayList<>();
        if (b.version() != 2) {
            out.add(invalid("bundle.version", "bundle version " + b.version() + " is not 2"));
        }
        canonicalRoot.filter(root -> !root.equals(b.canonicalRoot())).ifPresent(root -> out.add(invalid(
                "bundle.canonical_root", "captured for " + b.canonicalRoot() + ", not for this root (" + root + ")")));
        if (b.canonicalRoot().getBytes(StandardCharsets.UTF_8).length > 4096 || b.resources().size() > V2Values.MAX_RESOURCES) {
            out.add(invalid("bundle", "canonical root or resource map over its bound"));
        }
        sources(b, out);
        Map<String, String> digests = LedgerRules.digests(b.resources());
        if (digests.entrySet().stream().anyMatch(e -> e.getKey().length() > 512 || !V2Values.isDigest(e.getValue()))) {
            out.add(invalid("bundle.resources", "an address over 512 bytes or a digest that is not 64-hex"));
        }
        String recomputed = Digests.desiredConfigDigest(b.configSemantics(), digests);
        if (!recomputed.equals(b.configDigest())) {
            out.add(invalid("bundle.config_digest", "config_digest " + b.configDigest()
                    + " is not the digest of the captured config and resources (" + recomputed + ")"));
        }
        semantics(b, canonicalRoot, out);
        try {
            ProjectionRules.validate(b.resources(), "bundle.resources", INVALID);
        } catch (WireFormatException e) {
            out.add(e.diagnostic());
        }
        b.resources().forEach((address, resource) -> {
            ResourceKind kind = ResourceAddress.parse(address).kind();
            boolean needsSource = kind == ResourceKind.SCHEMA || kind == ResourceKind.QUERY || kind == ResourceKind.POLICY;
            if (needsSource && !b.sources().containsKey(resource.digest())) {
                out.add(invalid("bundle.resources." + address, "no captured source for " + address));
            }
        });
        return List.copyOf(out);
    }

    private static void sources(DeploymentBundle b, List<Diagnostic> out) {
        long total = 0;
        for (Map.Entry<String, String> e : b.sources().entrySet()) {
            byte[] bytes = e.getValue().getBytes(StandardCharsets.UTF_8);
            total += bytes.length;
            if (bytes.length > DeploymentBundle.MAX_SOURCE_BYTES || !Digests.sha256Hex(bytes).equals(e.getKey())) {
                out.add(invalid("bundle.sources." + e.getKey(), "captured source is over 1 MiB or not named by its sha256"));
            }
        }
        if (total > DeploymentBundle.MAX_SOURCE_TOTAL_BYTES) {
            out.add(invalid("bundle.sources", "captured sources exceed 8 MiB in total"));
        }
    }

    private static void semantics(DeploymentBundle b, Optional<String> canonicalRoot, List<Diagnostic> out) {
        JsonNode raw;
        try {
            raw = StrictJson.parseText(b.configSemantics(), new StrictJson.Source(INVALID, INVALID,
                    "bundle.config_semantics", "config_semantics", V2Values.MAX_LEDGER_BYTES));
        } catch (WireFormatException e) {
            out.add(e.diagnostic());
            return;
        }
        if (!raw.isObject() || !canonical(raw).equals(b.configSemantics())) {
            out.add(invalid("bundle.config_semantics", "config_semantics is not the compact serde encoding"));
            return;
        }
        if (raw.path("state").path("lock").isBoolean() && !raw.path("state").path("lock").booleanValue()) {
            out.add(Diagnostic.error("deployment_requires_lock", "bundle.config_semantics.state.lock",
                    "the captured config sets state.lock: false; v2 deployments require the lock"));
        }
        JsonNode storage = raw.path("storage");
        if (storage.isTextual() && !stripSlash(storage.textValue()).equals(b.canonicalRoot())) {
            out.add(invalid("bundle.config_semantics.storage", "declared storage " + storage.textValue()
                    + " does not resolve to the captured root " + b.canonicalRoot()));
        }
        TreeSet<String> declared = new TreeSet<>();
        raw.path("graphs").fieldNames().forEachRemaining(declared::add);
        TreeSet<String> captured = new TreeSet<>();
        b.resources().keySet().stream().filter(a -> a.startsWith("graph.")).forEach(a -> captured.add(a.substring(6)));
        if (!declared.equals(captured)) {
            out.add(invalid("bundle.resources", "graph inventory " + captured + " differs from the captured config " + declared));
        }
    }

    private static String canonical(JsonNode node) {
        try {
            return SerdeJson.compact(node);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static String stripSlash(String text) {
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private static Diagnostic invalid(String path, String message) {
        return Diagnostic.error(INVALID, path, message);
    }
}
