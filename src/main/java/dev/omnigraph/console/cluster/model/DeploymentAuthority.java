package dev.omnigraph.console.cluster.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Who a deployment ran as, upstream's strict {@code DeploymentAuthority} (spec §2.5):
 * {@code storage_owner} (whoever can write the storage root) or {@code authenticated_identity}
 * (an identity checked against the applied policies; requires an actor).
 *
 * @param kind  {@code storage_owner} or {@code authenticated_identity}
 * @param actor the actor, or null
 */
public record DeploymentAuthority(String kind, String actor) {

    public static final String STORAGE_OWNER = "storage_owner";
    public static final String AUTHENTICATED_IDENTITY = "authenticated_identity";
    static final List<String> FIELDS = List.of("kind", "actor");

    static DeploymentAuthority readJson(JsonNode value, String path, String code) throws WireFormatException {
        JsonStruct struct = JsonStruct.open(value, path, code, "struct DeploymentAuthority", FIELDS);
        String kind = struct.asUnitVariant(struct.required("kind"), struct.fieldPath("kind"));
        if (!STORAGE_OWNER.equals(kind) && !AUTHENTICATED_IDENTITY.equals(kind)) {
            throw new WireFormatException(Diagnostic.error(code, struct.fieldPath("kind"), "unknown variant `" + kind
                    + "` at " + struct.fieldPath("kind") + ", expected `storage_owner` or `authenticated_identity`"));
        }
        return new DeploymentAuthority(kind, struct.optionalString("actor"));
    }

    /** Upstream {@code valid_authority}: actor rules, and an authenticated identity names its actor. */
    public boolean isValid() {
        return V2Values.isValidActor(actor) && (!AUTHENTICATED_IDENTITY.equals(kind) || actor != null);
    }

    /** E.g. {@code storage owner act-alice} or {@code identity act-bob}. */
    public String describe() {
        String who = actor == null ? "(no actor)" : actor;
        return (STORAGE_OWNER.equals(kind) ? "storage owner " : "identity ") + who;
    }
}
