package dev.omnigraph.console.cluster.model;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Upstream {@code config.rs::resolve_query_decls}: expands a graph's {@link QueriesDecl} into
 * query name → declared file. Explicit maps are taken as written (files read later). Discovery
 * paths are each a directory (its direct children whose extension is {@code gq}, sorted by name,
 * not recursive; none → warning {@code query_dir_empty}; unlistable → {@code query_dir_unreadable})
 * or a single file; every file is read ({@code query_file_missing}) and scanned
 * ({@code query_parse_error}), and each {@code query <name>} it declares registers under the file's
 * declared path; a name declared twice is {@code duplicate_query_name}.
 */
final class QueryDiscovery {

    /**
     * @param registry name → declared file path (as written / joined)
     * @param contents declared file path → source already read during discovery
     */
    record Result(SortedMap<String, String> registry, Map<String, ConfigFiles.Source> contents) {
    }

    private record FileRef(String declared, Path resolved) {
    }

    private QueryDiscovery() {
    }

    static Result resolve(Path configDir, String graphId, QueriesDecl decl, List<Diagnostic> diagnostics) {
        List<String> declaredPaths;
        switch (decl) {
            case QueriesDecl.Explicit explicit -> {
                SortedMap<String, String> registry = new TreeMap<>(RustStrings.CODE_POINT_ORDER);
                registry.putAll(explicit.files());
                return new Result(registry, Map.of());
            }
            case QueriesDecl.Discover discover -> declaredPaths = List.of(discover.path());
            case QueriesDecl.DiscoverMany many -> declaredPaths = many.paths();
        }
        String at = "graphs." + graphId + ".queries";
        List<FileRef> files = new ArrayList<>();
        for (String declared : declaredPaths) {
            Path resolved = ConfigFiles.resolve(configDir, declared);
            if (Files.isDirectory(resolved)) {
                files.addAll(queryFilesIn(declared, resolved, at, diagnostics));
            } else {
                files.add(new FileRef(declared, resolved));
            }
        }
        return register(files, at, diagnostics);
    }

    /** A discovery directory's direct {@code .gq} children, sorted by name; none when it cannot be listed. */
    private static List<FileRef> queryFilesIn(String declared, Path resolved, String at, List<Diagnostic> diagnostics) {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(resolved)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                int dot = name.lastIndexOf('.');
                if (dot > 0 && name.substring(dot + 1).equals("gq")) {
                    names.add(name);
                }
            }
        } catch (IOException | RuntimeException e) {
            diagnostics.add(Diagnostic.error("query_dir_unreadable", at,
                    "cannot list query directory '" + resolved + "': " + e.getMessage()));
            return List.of();
        }
        names.sort(RustStrings.CODE_POINT_ORDER);
        if (names.isEmpty()) {
            diagnostics.add(Diagnostic.warning("query_dir_empty", at,
                    "query directory '" + resolved + "' has no .gq files"));
        }
        List<FileRef> files = new ArrayList<>();
        for (String name : names) {
            String relative = declared.isEmpty() ? name
                    : declared.endsWith("/") ? declared + name : declared + "/" + name;
            files.add(new FileRef(relative, resolved.resolve(name)));
        }
        return files;
    }

    /** Reads and scans every file; each declared query name registers under its file's declared path, once. */
    private static Result register(List<FileRef> files, String at, List<Diagnostic> diagnostics) {
        SortedMap<String, String> registry = new TreeMap<>(RustStrings.CODE_POINT_ORDER);
        Map<String, String> origin = new HashMap<>();
        Map<String, ConfigFiles.Source> contents = new HashMap<>();
        for (FileRef file : files) {
            String declared = file.declared();
            ConfigFiles.Source source = readSource(file, at, diagnostics);
            List<String> names = source == null ? null : scan(source, file, at, diagnostics);
            if (names == null) {
                continue;
            }
            for (String name : names) {
                String previous = origin.putIfAbsent(name, declared);
                if (previous != null) {
                    diagnostics.add(Diagnostic.error("duplicate_query_name", at + "." + name,
                            "query `" + name + "` is declared in '" + previous + "' and again in '" + declared + "'"));
                } else {
                    registry.put(name, declared);
                }
            }
            contents.put(declared, source);
        }
        return new Result(registry, contents);
    }

    /** The file's source; null (with {@code query_file_missing}) when it cannot be read. */
    private static ConfigFiles.Source readSource(FileRef file, String at, List<Diagnostic> diagnostics) {
        try {
            return ConfigFiles.read(file.resolved());
        } catch (IOException | RuntimeException e) {
            diagnostics.add(Diagnostic.error("query_file_missing", at,
                    "cannot read query file '" + file.resolved() + "': " + e.getMessage()));
            return null;
        }
    }

    /** The query names the file declares; null (with {@code query_parse_error}) when it is not a list of declarations. */
    private static List<String> scan(ConfigFiles.Source source, FileRef file, String at, List<Diagnostic> diagnostics) {
        try {
            return QueryDeclarationScanner.declaredNames(source.text());
        } catch (QueryDeclarationScanner.QueryParseException e) {
            diagnostics.add(Diagnostic.error("query_parse_error", at,
                    "query file '" + file.resolved() + "' is not a list of query declarations: " + e.getMessage()));
            return null;
        }
    }
}
