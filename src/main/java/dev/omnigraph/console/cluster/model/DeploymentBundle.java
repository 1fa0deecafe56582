package dev.omnigraph.console.cluster.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A deployment bundle, {@code __cluster/resources/deployment/<sha256>.json}: upstream's strict
 * {@code CapturedDeployment} (spec §6.3), read like {@code read_deployment_bundle}: a name that is
 * not 64-hex or differs from sha256(bytes) → {@code deployment_bundle_digest}; above 16 MiB →
 * {@code deployment_bundle_read}; strict decode (all six keys, no others — the v0.12
 * {@code schema_corrections} and the interim {@code options} are refused) →
 * {@code deployment_bundle_invalid}. {@link #validate} then applies {@code validate_bundle}'s
 * checks the console can make without compiling schemas ({@code deployment_input_invalid},
 * {@code deployment_requires_lock}). The exact bytes are kept.
 */
public final class DeploymentBundle {

    static final StrictJson.Source SOURCE = new StrictJson.Source("deployment_bundle_invalid", "deployment_bundle_read",
            "bundle", "deployment bundle", V2Values.MAX_LEDGER_BYTES);
    static final List<String> FIELDS = List.of("version", "canonical_root", "config_digest", "config_semantics",
            "resources", "sources");
    static final int MAX_SOURCE_BYTES = 1_048_576;
    static final int MAX_SOURCE_TOTAL_BYTES = 8_388_608;

    private final String digest;
    private final byte[] rawBytes;
    private final long version;
    private final String canonicalRoot;
    private final String configDigest;
    private final String configSemantics;
    private final SortedMap<String, LedgerResource> resources;
    private final SortedMap<String, String> sources;

    private DeploymentBundle(String digest, byte[] rawBytes, long version, String canonicalRoot, String configDigest,
            String configSemantics, Map<String, LedgerResource> resources, Map<String, String> sources) {
        this.digest = digest;
        this.rawBytes = rawBytes.clone();
        this.version = version;
        this.canonicalRoot = canonicalRoot;
        this.configDigest = configDigest;
        this.configSemantics = configSemantics;
        this.resources = LedgerV2Parts.sorted(resources);
        this.sources = LedgerV2Parts.sorted(sources);
    }

    /**
     * Reads a bundle.
     *
     * @param name the object name's stem (the claimed sha256), e.g. {@code 0645bb19…2c5c}
     */
    public static DeploymentBundle parse(String name, byte[] bytes) throws WireFormatException {
        String path = "resources/deployment/" + name + ".json";
        if (!V2Values.isDigest(name)) {
            throw new WireFormatException(Diagnostic.error("deployment_bundle_digest", path,
                    "bundle name " + name + " is not a 64 lower-case hex sha256"));
        }
        if (bytes.length > V2Values.MAX_LEDGER_BYTES) {
            throw new WireFormatException(Diagnostic.error("deployment_bundle_read", path,
                    "bundle is " + bytes.length + " bytes, more than 16 MiB"));
        }
        String actual = Digests.sha256Hex(bytes);
        if (!actual.equals(name)) {
            throw new WireFormatException(Diagnostic.error("deployment_bundle_digest", path,
                    "bundle bytes hash to " + actual + ", not to their name: the bundle was altered or misnamed"));
        }
        JsonNode root = StrictJson.parse(bytes, SOURCE);
        String code = SOURCE.parseCode();
        JsonStruct s = JsonStruct.open(root, "bundle", code, "struct CapturedDeployment", FIELDS);
        for (String field : FIELDS) {
            s.required(field);
        }
        Map<String, LedgerResource> resources = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : s.requiredMap("resources").entrySet()) {
            resources.put(e.getKey(), LedgerResource.readJson(e.getValue(), s.fieldPath("resources") + "." + e.getKey(), code));
        }
        Map<String, String> sources = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : s.requiredMap("sources").entrySet()) {
            sources.put(e.getKey(), s.asString(e.getValue(), s.fieldPath("sources") + "." + e.getKey(), "a string"));
        }
        return new DeploymentBundle(name, bytes, s.requiredU32("version"), s.requiredString("canonical_root"),
                s.requiredString("config_digest"), s.requiredString("config_semantics"), resources, sources);
    }

    /**
     * The {@code validate_bundle} checks the console can make (no schema compilation): version 2,
     * bounds, each source named by its sha256, the config digest recomputed from
     * {@code config_semantics} and the resources, canonical semantics, {@code state.lock},
     * projection rules, and captured sources for every schema/query/policy.
     *
     * @param canonicalRoot the root the bundle should belong to, when known
     * @return findings (empty when the bundle passes)
     */
    public List<Diagnostic> validate(Optional<String> canonicalRoot) {
        return BundleRules.validate(this, canonicalRoot);
    }

    public String digest() {
        return digest;
    }

    public byte[] rawBytes() {
        return rawBytes.clone();
    }

    public long version() {
        return version;
    }

    public String canonicalRoot() {
        return canonicalRoot;
    }

    public String configDigest() {
        return configDigest;
    }

    /** The compact JSON of the captured {@code cluster.yaml}, verbatim. */
    public String configSemantics() {
        return configSemantics;
    }

    public SortedMap<String, LedgerResource> resources() {
        return resources;
    }

    /** sha256 → captured source text. */
    public SortedMap<String, String> sources() {
        return sources;
    }

    /** The captured sources as display path → exact bytes (see {@link CapturedSources}). */
    public Map<String, byte[]> files() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (CapturedSources.File f : CapturedSources.of(this)) {
            out.put(f.path(), f.text().getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    /** The captured sources with their roles, in display order. */
    public List<CapturedSources.File> capturedFiles() {
        return new ArrayList<>(CapturedSources.of(this));
    }
}
