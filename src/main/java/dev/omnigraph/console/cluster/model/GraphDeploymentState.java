package dev.omnigraph.console.cluster.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Progress of one graph of the outstanding deployment, tagged by {@code state} (spec §2.5):
 * {@code not_started}, {@code started}, or {@code settled} with its result.
 *
 * @param phase  the phase
 * @param result the settled result, else null
 */
public record GraphDeploymentState(Phase phase, GraphDeploymentResult result) {

    /** The phases with their wire names. */
    public enum Phase {
        NOT_STARTED("not_started"), STARTED("started"), SETTLED("settled");

        private final String wireName;

        Phase(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    static GraphDeploymentState readJson(JsonNode value, String path, String code) throws WireFormatException {
        if (value == null || !value.isObject() || !value.path("state").isTextual()) {
            throw new WireFormatException(Diagnostic.error(code, path + ".state",
                    "missing or malformed tag `state` at " + path + ", expected `not_started`, `started` or `settled`"));
        }
        String tag = value.get("state").textValue();
        switch (tag) {
            case "not_started", "started" -> {
                JsonStruct.open(value, path, code, "variant GraphDeploymentState::" + tag, List.of("state"));
                return new GraphDeploymentState(tag.equals("started") ? Phase.STARTED : Phase.NOT_STARTED, null);
            }
            case "settled" -> {
                JsonStruct s = JsonStruct.open(value, path, code, "variant GraphDeploymentState::settled",
                        List.of("state", "result"));
                return new GraphDeploymentState(Phase.SETTLED,
                        GraphDeploymentResult.readJson(s.required("result"), s.fieldPath("result"), code));
            }
            default -> throw new WireFormatException(Diagnostic.error(code, path + ".state", "unknown variant `" + tag
                    + "` at " + path + ".state, expected `not_started`, `started` or `settled`"));
        }
    }

    /** E.g. {@code not_started}, {@code settled: created (manifest 1)}. */
    public String describe() {
        return result == null ? phase.wireName() : phase.wireName() + ": " + result.describe();
    }
}
