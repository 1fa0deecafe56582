package dev.omnigraph.console.cluster.doctor;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.model.DeploymentBundle;
import dev.omnigraph.console.cluster.model.Diagnostic;
import dev.omnigraph.console.cluster.model.Ledger;
import dev.omnigraph.console.cluster.model.WireFormatException;
import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.StoredObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The deployment bundles a v2 ledger names (the outstanding deployment's and every retained
 * receipt's), each read like upstream's {@code read_deployment_bundle}: absent
 * ({@code deployment_bundle_missing}), not named by its sha256 ({@code deployment_bundle_digest}),
 * not a strict {@code CapturedDeployment} ({@code deployment_bundle_invalid}).
 */
public final class BundleReads {
    static final long MAX_BUNDLE_BYTES = 16L * 1024 * 1024;

    /** One bundle as found: decoded, or the code upstream would answer. */
    public record BundleRead(String digest, Optional<DeploymentBundle> bundle, Optional<Diagnostic> problem) {}

    private BundleReads() {}

    public static String key(String digest) {
        return ClusterLayout.bundleKey(digest);
    }

    /** Reads every bundle the ledger names, in the order of first mention. */
    public static Map<String, BundleRead> read(ObjectStore store, Ledger ledger, Progress progress) throws StorageException {
        Map<String, BundleRead> out = new LinkedHashMap<>();
        for (String digest : ledger.referencedBundles()) {
            progress.checkCancelled();
            out.put(digest, readOne(store, digest));
        }
        return out;
    }

    static BundleRead readOne(ObjectStore store, String digest) throws StorageException {
        String key = key(digest);
        Optional<StoredObject> object;
        try {
            object = store.read(key, MAX_BUNDLE_BYTES);
        } catch (StorageException e) {
            if (e.kind() == StorageException.Kind.TOO_LARGE) {
                return failed(digest, Diagnostic.error("deployment_bundle_read", key, key + " is larger than 16 MiB"));
            }
            throw e;
        }
        if (object.isEmpty()) {
            return failed(digest, Diagnostic.error("deployment_bundle_missing", key, key + " does not exist"));
        }
        try {
            return new BundleRead(digest, Optional.of(DeploymentBundle.parse(digest, object.get().bytes())), Optional.empty());
        } catch (WireFormatException e) {
            return failed(digest, e.diagnostic());
        }
    }

    private static BundleRead failed(String digest, Diagnostic d) {
        return new BundleRead(digest, Optional.empty(), Optional.of(d));
    }
}
