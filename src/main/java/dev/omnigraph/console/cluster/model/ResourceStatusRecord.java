package dev.omnigraph.console.cluster.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * One entry of {@code resource_statuses}, upstream's strict {@code ResourceStatusRecord}
 * ({@code types.rs}): {@code status} required; {@code conditions} defaults to empty (omitted on write
 * when empty); {@code message} optional.
 *
 * @param status     lifecycle status
 * @param conditions condition codes such as {@code schema_mismatch} (usually zero or one)
 * @param message    human message, or null
 */
public record ResourceStatusRecord(ResourceStatus status, List<String> conditions, String message) {

    static final List<String> FIELDS = List.of("status", "conditions", "message");

    public ResourceStatusRecord {
        Objects.requireNonNull(status, "status");
        conditions = List.copyOf(conditions);
    }

    static ResourceStatusRecord readJson(JsonNode value, String path, String code) throws WireFormatException {
        JsonStruct struct = JsonStruct.open(value, path, code, "struct ResourceStatusRecord", FIELDS);
        String statusName = struct.asUnitVariant(struct.required("status"), struct.fieldPath("status"));
        ResourceStatus status = ResourceStatus.fromWire(statusName);
        if (status == null) {
            throw new WireFormatException(Diagnostic.error(code, struct.fieldPath("status"),
                    "unknown variant `" + statusName + "` at " + struct.fieldPath("status")
                            + ", expected one of `pending`, `planned`, `applying`, `applied`, `drifted`, "
                            + "`blocked`, `error`"));
        }
        return new ResourceStatusRecord(status, struct.stringListOrEmpty("conditions"),
                struct.optionalString("message"));
    }
}
