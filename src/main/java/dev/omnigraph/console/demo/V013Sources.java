package dev.omnigraph.console.demo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnigraph.console.cluster.model.SerdeJson;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration sources of the v0.13 demo clusters: the same files as the v0.13 fixtures
 * ({@code ../shared/omnigraph/v0.13/fixtures/config/}), with the cluster name and storage root as
 * parameters. Schema and query texts were not compiled by upstream (synthetic, say so when shown).
 */
final class V013Sources {
    static final String SCHEMA_KNOWLEDGE = "node Person {\n  name: String @key\n  title: String?\n}\n";
    static final String SCHEMA_SCRATCH = "node Note {\n  slug: String @key\n  body: String?\n}\n";
    static final String PEOPLE_V1 = "query find_person($name: String) {\n"
            + "  match { $p: Person { name: $name } }\n"
            + "  return { $p.name }\n"
            + "}\n\n"
            + "query list_people() {\n"
            + "  match { $p: Person }\n"
            + "  return { $p.name }\n"
            + "}\n";
    static final String PEOPLE_V2 = PEOPLE_V1.replace("return { $p.name }\n}\n\nquery list_people",
            "return { $p.name, $p.title }\n}\n\nquery list_people");
    static final String PEOPLE_V3 = PEOPLE_V2 + "\n"
            + "query people_by_title($title: String) {\n"
            + "  match { $p: Person { title: $title } }\n"
            + "  return { $p.name }\n"
            + "}\n";
    static final String CLUSTER_POLICY = "version: 1\n"
            + "groups:\n"
            + "  operators: [act-alice]\n"
            + "rules:\n"
            + "  - id: operators-manage-cluster\n"
            + "    allow:\n"
            + "      actors: { group: operators }\n"
            + "      actions: [config_manage]\n";
    static final String GRAPH_POLICY = "version: 1\n"
            + "groups:\n"
            + "  admins: [act-alice]\n"
            + "rules:\n"
            + "  - id: admins-full-access\n"
            + "    allow:\n"
            + "      actors: { group: admins }\n"
            + "      actions: [read, change, schema_apply, branch_create, branch_delete, branch_merge]\n";
    static final String PROVIDER_KIND = "openai-compatible";
    static final String PROVIDER_URL = "https://openrouter.ai/api/v1";
    static final String PROVIDER_MODEL = "openai/text-embedding-3-large";
    static final String PROVIDER_KEY = "${OPENROUTER_API_KEY}";
    static final String BLOB_BASE = "s3://assets-bucket/knowledge/";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern QUERY = Pattern.compile("^query\\s+([A-Za-z_][A-Za-z0-9_-]*)", Pattern.MULTILINE);

    private V013Sources() {}

    static String clusterYaml(String name, String root, boolean withScratch) {
        StringBuilder y = new StringBuilder()
                .append("version: 1\nmetadata:\n  name: ").append(name).append('\n')
                .append("storage: ").append(root).append('\n')
                .append("providers:\n  embedding:\n    default:\n")
                .append("      kind: ").append(PROVIDER_KIND).append('\n')
                .append("      base_url: ").append(PROVIDER_URL).append('\n')
                .append("      model: ").append(PROVIDER_MODEL).append('\n')
                .append("      api_key: ").append(PROVIDER_KEY).append('\n')
                .append("graphs:\n  knowledge:\n    schema: knowledge.pg\n    queries: queries/\n")
                .append("    embedding_provider: default\n    external_blobs:\n      allow:\n")
                .append("        - base: ").append(BLOB_BASE).append("\n          scope: server_safe\n");
        if (withScratch) {
            y.append("  scratch:\n    schema: scratch.pg\n");
        }
        return y.append("policies:\n  cluster-access:\n    file: cluster.policy.yaml\n    applies_to: [cluster]\n")
                .append("  graph-access:\n    file: graph.policy.yaml\n    applies_to: [knowledge]\n").toString();
    }

    /** Compact JSON of the parsed {@code cluster.yaml} ({@code RawClusterConfig}), as a bundle stores it. */
    static String configSemantics(String name, String root, boolean withScratch) {
        ObjectNode raw = JSON.objectNode();
        raw.put("version", 1);
        raw.putObject("metadata").put("name", name);
        raw.put("storage", root);
        ObjectNode state = raw.putObject("state");
        state.putNull("backend");
        state.putNull("lock");
        raw.putObject("providers").putObject("embedding").set("default", profile());
        ObjectNode graphs = raw.putObject("graphs");
        ObjectNode knowledge = graphs.putObject("knowledge");
        knowledge.put("schema", "knowledge.pg");
        knowledge.put("queries", "queries/");
        knowledge.put("embedding_provider", "default");
        ObjectNode base = knowledge.putObject("external_blobs").putArray("allow").addObject();
        base.put("base", BLOB_BASE);
        base.put("scope", "server_safe");
        if (withScratch) {
            ObjectNode scratch = graphs.putObject("scratch");
            scratch.put("schema", "scratch.pg");
            scratch.putObject("queries");
            scratch.putNull("embedding_provider");
        }
        ObjectNode policies = raw.putObject("policies");
        ObjectNode clusterAccess = policies.putObject("cluster-access");
        clusterAccess.put("file", "cluster.policy.yaml");
        clusterAccess.putArray("applies_to").add("cluster");
        ObjectNode graphAccess = policies.putObject("graph-access");
        graphAccess.put("file", "graph.policy.yaml");
        graphAccess.putArray("applies_to").add("knowledge");
        return SerdeJson.compact(raw);
    }

    static ObjectNode profile() {
        ObjectNode p = JSON.objectNode();
        p.put("kind", PROVIDER_KIND);
        p.put("base_url", PROVIDER_URL);
        p.put("model", PROVIDER_MODEL);
        p.put("api_key", PROVIDER_KEY);
        return p;
    }

    static ObjectNode blobPolicy() {
        ObjectNode p = JSON.objectNode();
        p.put("mode", "allow");
        ObjectNode b = p.putArray("bases").addObject();
        b.put("uri", BLOB_BASE);
        b.put("scope", "server_safe");
        return p;
    }

    static List<String> queryNames(String source) {
        List<String> names = new ArrayList<>();
        Matcher m = QUERY.matcher(source);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
