package dev.omnigraph.console.cluster;

import dev.omnigraph.console.cluster.model.DeploymentBundle;
import dev.omnigraph.console.cluster.model.Diagnostic;
import dev.omnigraph.console.cluster.model.V2Values;
import dev.omnigraph.console.cluster.model.WireFormatException;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.StoredObject;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Verifies one deployment bundle the way {@code read_deployment_bundle} reads it (v0.13 spec §6.3):
 * VERIFIED when sha256(bytes) equals its name and it decodes strictly; TAMPERED when the bytes hash
 * to something else ({@code deployment_bundle_digest}); UNREADABLE when it is over 16 MiB
 * ({@code deployment_bundle_read}), refused by the strict decode ({@code deployment_bundle_invalid},
 * e.g. the v0.12 {@code schema_corrections}) or fails the bundle rules the console can check
 * ({@code deployment_input_invalid}).
 */
final class BundleVerifier {

    private BundleVerifier() {
    }

    static CatalogVerifier.Result verify(ObjectStore store, CatalogEntry entry) throws StorageException {
        if (entry.blob().isEmpty()) {
            return new CatalogVerifier.Result(entry, CatalogIntegrity.MISSING, "deployment_bundle_missing: no object at "
                    + entry.key());
        }
        Optional<StoredObject> object;
        try {
            object = store.read(entry.key(), V2Values.MAX_LEDGER_BYTES);
        } catch (StorageException e) {
            if (e.kind() == StorageException.Kind.TOO_LARGE || e.kind() == StorageException.Kind.INVALID_KEY
                    || e.kind() == StorageException.Kind.ACCESS_DENIED) {
                return new CatalogVerifier.Result(entry, CatalogIntegrity.UNREADABLE, "deployment_bundle_read: " + e.describe());
            }
            throw e;
        }
        if (object.isEmpty()) {
            return new CatalogVerifier.Result(entry, CatalogIntegrity.MISSING, entry.key() + " vanished while verifying");
        }
        return verifyBytes(entry, object.get().bytes());
    }

    static CatalogVerifier.Result verifyBytes(CatalogEntry entry, byte[] bytes) {
        try {
            DeploymentBundle bundle = DeploymentBundle.parse(entry.digest(), bytes);
            List<Diagnostic> findings = bundle.validate(Optional.empty());
            if (!findings.isEmpty()) {
                return new CatalogVerifier.Result(entry, CatalogIntegrity.UNREADABLE, findings.stream()
                        .map(d -> d.code() + ": " + d.message()).collect(Collectors.joining("; ")));
            }
            return new CatalogVerifier.Result(entry, CatalogIntegrity.VERIFIED, "");
        } catch (WireFormatException e) {
            CatalogIntegrity verdict = e.code().equals("deployment_bundle_digest") ? CatalogIntegrity.TAMPERED
                    : CatalogIntegrity.UNREADABLE;
            return new CatalogVerifier.Result(entry, verdict, e.code() + ": " + e.getMessage());
        }
    }
}
