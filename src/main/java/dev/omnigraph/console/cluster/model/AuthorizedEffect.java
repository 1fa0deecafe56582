package dev.omnigraph.console.cluster.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One resource change an accepted deployment is authorized to make, upstream's strict
 * {@code AuthorizedEffect} (spec §2.5).
 *
 * @param resource      the address
 * @param operation     {@code create}, {@code update} or {@code delete}
 * @param beforeDigest  digest before, or null
 * @param afterDigest   digest after, or null
 * @param bindingChange must be false in v0.13
 * @param metadataChange must be null in v0.13
 */
public record AuthorizedEffect(String resource, String operation, String beforeDigest, String afterDigest,
        boolean bindingChange, String metadataChange) {

    static final List<String> FIELDS = List.of("resource", "operation", "before_digest", "after_digest",
            "binding_change", "metadata_change");

    static AuthorizedEffect readJson(JsonNode value, String path, String code) throws WireFormatException {
        JsonStruct s = JsonStruct.open(value, path, code, "struct AuthorizedEffect", FIELDS);
        String operation = s.asUnitVariant(s.required("operation"), s.fieldPath("operation"));
        if (!List.of("create", "update", "delete").contains(operation)) {
            throw new WireFormatException(Diagnostic.error(code, s.fieldPath("operation"), "unknown variant `" + operation
                    + "` at " + s.fieldPath("operation") + ", expected `create`, `update` or `delete`"));
        }
        return new AuthorizedEffect(s.requiredString("resource"), operation, s.optionalString("before_digest"),
                s.optionalString("after_digest"), s.requiredBool("binding_change"), s.optionalString("metadata_change"));
    }

    /** The v0.13 rules for one effect. */
    public boolean isValid() {
        return V2Values.isValidAddress(resource) && (beforeDigest == null || V2Values.isDigest(beforeDigest))
                && (afterDigest == null || V2Values.isDigest(afterDigest)) && !bindingChange && metadataChange == null;
    }
}
