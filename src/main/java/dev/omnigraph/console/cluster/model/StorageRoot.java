package dev.omnigraph.console.cluster.model;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a cluster stores everything (spec §2.1, {@code lib.rs::store_for},
 * {@code store.rs::ClusterStore::for_config_dir} / {@code for_storage_root}).
 */
public sealed interface StorageRoot {

    /** {@code s3://bucket/prefix}, trimmed, without trailing {@code /}. */
    record S3(String uri) implements StorageRoot {
        public S3 {
            Objects.requireNonNull(uri, "uri");
        }

        @Override
        public String display() {
            return uri;
        }
    }

    /** An absolute local directory (lexically absolute; symlinks not resolved). */
    record Local(Path path) implements StorageRoot {
        public Local {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String display() {
            return RustStrings.trimEndMatches(path.toString(), '/');
        }
    }

    /** Upstream's "display root": the plain path for local roots, the URI for S3. */
    String display();
}
