package dev.omnigraph.console.cluster.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code <config-dir>/cluster.yaml} in upstream's pipeline order
 * ({@code config.rs::parse_cluster_config} then {@code validate_cluster_header}, spec §1):
 *
 * <ol>
 *   <li>{@code config_dir_not_found} when the path is not a directory;</li>
 *   <li>{@code cluster_config_read_error} when the file cannot be read, is over
 *       {@link WireLimits#CLUSTER_YAML_MAX_BYTES}, or is not UTF-8;</li>
 *   <li>{@code duplicate_yaml_key}, {@code future_phase_field}, {@code removed_streaming_declaration}
 *       ({@link ClusterYamlPreChecks}); any error so far stops here;</li>
 *   <li>strict parse ({@link ClusterConfigBinder}) → {@code invalid_cluster_yaml};</li>
 *   <li>header checks: {@code unsupported_cluster_config_version}, {@code empty_metadata_name},
 *       {@code unsupported_state_backend}, {@code invalid_storage_root}.</li>
 * </ol>
 * This is what {@code cluster force-unlock} validates; {@link DesiredConfig#load} continues from here.
 */
public final class ClusterConfigReader {

    public static final String CLUSTER_CONFIG_FILE = "cluster.yaml";
    /** Something that reads as a URI scheme ({@code ftp://}, {@code s3:/}, {@code gs://}), not a path. */
    private static final java.util.regex.Pattern UNSUPPORTED_SCHEME = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+:/"); // two letters at least: C:/ is a drive

    private ClusterConfigReader() {
    }

    public static ClusterConfigReadResult read(Path configDir) {
        Path configFile = configDir.resolve(CLUSTER_CONFIG_FILE);
        if (!Files.isDirectory(configDir)) {
            return new ClusterConfigReadResult(configDir, configFile, null, List.of(Diagnostic.error(
                    "config_dir_not_found", configDir.toString(),
                    "'" + configDir + "' is not a directory; the config path must be the directory that holds cluster.yaml")));
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(configFile)) {
            bytes = in.readNBytes((int) WireLimits.CLUSTER_YAML_MAX_BYTES + 1);
        } catch (IOException | RuntimeException e) {
            return new ClusterConfigReadResult(configDir, configFile, null, List.of(Diagnostic.error(
                    "cluster_config_read_error", CLUSTER_CONFIG_FILE, "cannot read cluster.yaml: " + e)));
        }
        return parse(configDir, bytes);
    }

    /** The same pipeline over bytes already read (e.g. an editor buffer), minus the directory check. */
    public static ClusterConfigReadResult parse(Path configDir, byte[] bytes) {
        Path configFile = configDir.resolve(CLUSTER_CONFIG_FILE);
        String text;
        try {
            WireLimits.requireWithin(bytes.length, WireLimits.CLUSTER_YAML_MAX_BYTES, "cluster_config_read_error",
                    CLUSTER_CONFIG_FILE, CLUSTER_CONFIG_FILE);
            text = StrictUtf8.decode(bytes, "cluster_config_read_error", CLUSTER_CONFIG_FILE, CLUSTER_CONFIG_FILE);
        } catch (WireFormatException e) {
            return new ClusterConfigReadResult(configDir, configFile, null,
                    List.of(e.diagnostic()));
        }
        Diagnostic overlong = ClusterYamlPreChecks.overlongLine(text);
        if (overlong != null) {
            return new ClusterConfigReadResult(configDir, configFile, null, List.of(overlong));
        }
        List<Diagnostic> diagnostics = new ArrayList<>(ClusterYamlPreChecks.duplicateKeys(text));
        YamlTreeReader.Document document = null;
        YamlTreeReader.YamlSyntaxException syntaxError = null;
        try {
            document = YamlTreeReader.read(text);
        } catch (YamlTreeReader.YamlSyntaxException e) {
            syntaxError = e;
        }
        if (document != null) {
            diagnostics.addAll(ClusterYamlPreChecks.futureFields(document));
            diagnostics.addAll(ClusterYamlPreChecks.removedFields(document));
        }
        if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
            return new ClusterConfigReadResult(configDir, configFile, null, diagnostics);
        }
        if (syntaxError != null) {
            diagnostics.add(Diagnostic.error("invalid_cluster_yaml", CLUSTER_CONFIG_FILE,
                    "cluster.yaml is not valid YAML: " + syntaxError.getMessage()));
            return new ClusterConfigReadResult(configDir, configFile, null, diagnostics);
        }
        ClusterConfig config;
        try {
            config = ClusterConfigBinder.bind(document.root());
        } catch (ClusterConfigBinder.BindException e) {
            String path = e.path.isEmpty() ? CLUSTER_CONFIG_FILE : e.path;
            diagnostics.add(Diagnostic.error("invalid_cluster_yaml", path,
                    "cluster.yaml does not match the config schema" + (e.path.isEmpty() ? "" : " at " + e.path) + ": " + e.getMessage()));
            return new ClusterConfigReadResult(configDir, configFile, null, diagnostics);
        }
        diagnostics.addAll(validateHeader(config));
        return new ClusterConfigReadResult(configDir, configFile, config, diagnostics);
    }

    /** {@code config.rs::validate_cluster_header}. */
    static List<Diagnostic> validateHeader(ClusterConfig config) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        if (config.version() != 1) {
            diagnostics.add(Diagnostic.error("unsupported_cluster_config_version", "version",
                    "cluster.yaml declares version " + config.version() + ", but only version 1 is understood"));
        }
        if (config.metadataName() != null && RustStrings.trim(config.metadataName()).isEmpty()) {
            diagnostics.add(Diagnostic.error("empty_metadata_name", "metadata.name",
                    "metadata.name is present but blank"));
        }
        if (config.stateBackend() != null && !config.stateBackend().equals("cluster")) {
            diagnostics.add(Diagnostic.error("unsupported_state_backend", "state.backend",
                    "state.backend `" + config.stateBackend() + "` is not supported; leave it out or use `cluster`"));
        }
        if (config.storage() != null) {
            String trimmed = RustStrings.trim(config.storage());
            if (trimmed.isEmpty()) {
                diagnostics.add(Diagnostic.error("invalid_storage_root", "storage",
                        "storage is present but blank; give an s3://bucket/prefix URI or a local path"));
            } else if (trimmed.startsWith("s3://") && (trimmed.length() == 5 || trimmed.charAt(5) == '/')) {
                diagnostics.add(Diagnostic.error("invalid_storage_root", "storage",
                        "storage is an s3:// URI without a bucket name"));
            } else if (UNSUPPORTED_SCHEME.matcher(trimmed).lookingAt() && !trimmed.startsWith("s3://") && !trimmed.startsWith("file://")) {
                // upstream would take this for a local folder named after the scheme; nobody means that
                diagnostics.add(Diagnostic.error("console_unsupported_storage_scheme", "storage",
                        "storage `" + RustStrings.trim(trimmed).split(":", 2)[0] + ":` is not a supported scheme; use s3://bucket/prefix, "
                                + "file:///absolute/path or a plain local path"));
            }
        }
        return diagnostics;
    }
}
