package dev.omnigraph.console.cluster.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A graph's schema identity, the engine's strict {@code SchemaContractDigest} (spec §2.4).
 *
 * @param sourceHash            64-hex sha256 of the accepted schema source (= the ledger's {@code schema.<g>} digest)
 * @param schemaIrHash          {@code sha256:} + 64-hex engine hash of the schema IR
 * @param schemaIdentityDomain  canonical ULID, stable for a graph's lifetime, new for a re-created graph
 * @param schemaIdentityVersion must be 2
 */
public record SchemaContract(String sourceHash, String schemaIrHash, String schemaIdentityDomain,
        long schemaIdentityVersion) {

    static final List<String> FIELDS = List.of("source_hash", "schema_ir_hash", "schema_identity_domain",
            "schema_identity_version");

    static SchemaContract readJson(JsonNode value, String path, String code) throws WireFormatException {
        JsonStruct struct = JsonStruct.open(value, path, code, "struct SchemaContractDigest", FIELDS);
        return new SchemaContract(struct.requiredString("source_hash"), struct.requiredString("schema_ir_hash"),
                struct.requiredString("schema_identity_domain"), struct.requiredU32("schema_identity_version"));
    }

    /** Upstream {@code valid_contract}: digest forms, canonical ULID domain, identity version 2. */
    public boolean isValid() {
        return V2Values.isDigest(sourceHash) && V2Values.isPrefixedDigest(schemaIrHash)
                && Ulid.isCanonical(schemaIdentityDomain) && schemaIdentityVersion == 2;
    }
}
