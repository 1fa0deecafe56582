package dev.omnigraph.console.migrate.lance;

import java.util.List;
import java.util.Optional;

/**
 * The two fields of a Lance manifest ({@code lance.table.Manifest} in Lance's public
 * {@code protos/table.proto}) that decide whether a dataset survives a byte copy to another root:
 * the external base paths (field 18, each an absolute location data files may be read from — a
 * shallow clone records its source dataset there) and the branch name (field 20).
 *
 * @param basePaths the {@code base_paths} entries, in file order
 * @param branch    the branch this manifest belongs to; empty for the main branch
 */
public record LanceManifest(List<BasePath> basePaths, Optional<String> branch) {
    public LanceManifest {
        basePaths = List.copyOf(basePaths);
    }

    /**
     * One {@code lance.table.BasePath}.
     *
     * @param id            the base id data files refer to
     * @param name          the optional alias (a tag name for a clone of a tag)
     * @param isDatasetRoot whether the path is a dataset root or a plain file directory
     * @param path          the absolute location, as Lance parses it
     */
    public record BasePath(long id, Optional<String> name, boolean isDatasetRoot, String path) {}
}
