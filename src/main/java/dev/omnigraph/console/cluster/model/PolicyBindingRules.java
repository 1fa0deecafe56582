package dev.omnigraph.console.cluster.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The policy part of {@code config.rs::load_desired}: each {@code applies_to} entry normalized to
 * {@code cluster} or {@code graph.<id>} (sorted, de-duplicated), with {@code policy_missing_applies_to},
 * {@code dangling_graph_reference}, {@code wrong_kind_reference}, {@code policy_mixed_binding_kinds},
 * {@code duplicate_policy_binding}; the policy file's raw bytes are its digest
 * ({@code policy_file_missing} when unreadable). Cedar validation ({@code policy_invalid}) is not
 * reproduced.
 */
final class PolicyBindingRules {

    private PolicyBindingRules() {
    }

    static SortedMap<String, List<String>> apply(Path configDir, ClusterConfig config,
            SortedMap<String, ResourceSummary> resources, SortedSet<Dependency> dependencies,
            List<Diagnostic> diagnostics) {
        SortedMap<String, List<String>> bindings = new TreeMap<>(RustStrings.CODE_POINT_ORDER);
        Map<String, String> owners = new HashMap<>();
        for (var entry : config.policies().entrySet()) {
            String name = entry.getKey();
            PolicyConfig policy = entry.getValue();
            String at = "policies." + name;
            ConfigRules.validateId("policy name", at, name, diagnostics);
            if (policy.appliesTo().isEmpty()) {
                diagnostics.add(Diagnostic.error("policy_missing_applies_to", at + ".applies_to",
                        "applies_to is empty; bind the policy to `cluster` or to one or more graphs"));
            }
            String address = ResourceAddress.policy(name);
            SortedSet<String> normalized = normalizedTargets(policy, at, address, config, dependencies, diagnostics);
            checkOneOwnerPerBinding(owners, normalized, name, at, diagnostics);
            summarizeFile(configDir, policy, at, address, resources, diagnostics);
            bindings.put(address, List.copyOf(new ArrayList<>(normalized)));
        }
        return bindings;
    }

    /** The policy's {@code applies_to} as {@code cluster} / {@code graph.<id>}, sorted; records the graph dependencies. */
    private static SortedSet<String> normalizedTargets(PolicyConfig policy, String at, String address, ClusterConfig config,
            SortedSet<Dependency> dependencies, List<Diagnostic> diagnostics) {
        SortedSet<String> normalized = new TreeSet<>(RustStrings.CODE_POINT_ORDER);
        boolean bindsCluster = false;
        boolean bindsGraph = false;
        for (int i = 0; i < policy.appliesTo().size(); i++) {
            String where = at + ".applies_to[" + i + "]";
            switch (ConfigRules.policyTarget(policy.appliesTo().get(i))) {
                case ConfigRules.Target.Cluster c -> {
                    bindsCluster = true;
                    normalized.add("cluster");
                }
                case ConfigRules.Target.Named graph -> {
                    bindsGraph = true;
                    normalized.add(ResourceAddress.graph(graph.name()));
                    bindGraph(graph.name(), where, address, config, dependencies, diagnostics);
                }
                case ConfigRules.Target.WrongKind wrong -> diagnostics.add(Diagnostic.error("wrong_kind_reference", where,
                        "applies_to entry `" + wrong.raw() + "` is neither `cluster` nor a graph reference"));
            }
        }
        if (bindsCluster && bindsGraph) {
            diagnostics.add(Diagnostic.error("policy_mixed_binding_kinds", at + ".applies_to",
                    "a policy binds either `cluster` or graphs, not both; split it into two policies"));
        }
        return normalized;
    }

    private static void bindGraph(String graph, String where, String address, ClusterConfig config,
            SortedSet<Dependency> dependencies, List<Diagnostic> diagnostics) {
        if (config.graphs().containsKey(graph)) {
            dependencies.add(new Dependency(address, ResourceAddress.graph(graph)));
        } else {
            diagnostics.add(Diagnostic.error("dangling_graph_reference", where,
                    "applies_to names graph `" + graph + "`, which is not declared under graphs"));
        }
    }

    /** Each scope takes exactly one policy: {@code duplicate_policy_binding} for a second one. */
    private static void checkOneOwnerPerBinding(Map<String, String> owners, SortedSet<String> normalized, String name, String at,
            List<Diagnostic> diagnostics) {
        for (String binding : normalized) {
            String owner = owners.putIfAbsent(binding, name);
            if (owner != null) {
                diagnostics.add(Diagnostic.error("duplicate_policy_binding", at + ".applies_to",
                        "`" + binding + "` is bound by policy `" + owner + "` and again by policy `" + name
                                + "`; each scope takes exactly one policy"));
            }
        }
    }

    /** The policy file's raw bytes are its digest; {@code policy_file_missing} when unreadable. */
    private static void summarizeFile(Path configDir, PolicyConfig policy, String at, String address,
            SortedMap<String, ResourceSummary> resources, List<Diagnostic> diagnostics) {
        Path file = ConfigFiles.resolve(configDir, policy.file());
        try {
            String digest = Digests.sha256Hex(ConfigFiles.read(file).bytes());
            resources.put(address, new ResourceSummary(address, ResourceKind.POLICY, digest, file.toString()));
        } catch (IOException | RuntimeException e) {
            diagnostics.add(Diagnostic.error("policy_file_missing", at + ".file",
                    "cannot read policy file '" + file + "': " + e.getMessage()));
        }
    }
}
