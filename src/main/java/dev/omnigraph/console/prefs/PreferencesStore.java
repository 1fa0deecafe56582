package dev.omnigraph.console.prefs;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes {@link ConsolePreferences} as {@code <home>/preferences.json}, where home is
 * the system property {@code omnigraph.console.home} or {@code ~/.omnigraph-console} (tests always
 * set the property, so they never touch the real home).
 *
 * <p>Rules: the file is versioned; a file that is malformed, of a future version, or unreadable
 * gives the defaults plus a message and is never overwritten silently: the first save moves it
 * aside to {@code preferences.json.unreadable}. Writes go to a temporary file and are moved into
 * place, so a crash never leaves half a file. Unknown fields are ignored (forward tolerance within
 * a version); values out of range are clamped. Nothing secret is written (see
 * {@link ConsolePreferences}).
 */
public final class PreferencesStore {
    public static final String HOME_PROPERTY = "omnigraph.console.home";
    public static final String FILE_NAME = "preferences.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** What loading found: the preferences to use, and a sentence when the file could not be used. */
    public record Loaded(ConsolePreferences preferences, Optional<String> problem) {}

    private final Path home;
    private boolean moveAsideOnSave;
    private String asideName = FILE_NAME + ".unreadable";

    public PreferencesStore(Path home) {
        this.home = home;
    }

    /** The per-user store (honours {@value #HOME_PROPERTY}). */
    public static PreferencesStore forUser() {
        return new PreferencesStore(consoleHome());
    }

    /** {@code omnigraph.console.home}, else {@code ~/.omnigraph-console}. */
    public static Path consoleHome() {
        String override = System.getProperty(HOME_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override).toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".omnigraph-console");
    }

    public Path home() {
        return home;
    }

    public Path file() {
        return home.resolve(FILE_NAME);
    }

    public Loaded load() {
        Path file = file();
        if (!Files.exists(file)) {
            return new Loaded(ConsolePreferences.defaults(), Optional.empty());
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            JsonNode root = JSON.readTree(bytes);
            if (root == null || !root.isObject()) {
                return unusable("it is not a JSON object");
            }
            int version = root.path("version").asInt(-1);
            if (version > ConsolePreferences.CURRENT_VERSION) {
                // a newer console's file: never overwritten, kept whole under a name that says its version
                asideName = FILE_NAME + ".v" + version;
                return unusable("it was written by a newer console (version " + version + ")");
            }
            if (version != ConsolePreferences.CURRENT_VERSION) {
                return unusable("it has no supported version field");
            }
            return new Loaded(fromJson((ObjectNode) root), Optional.empty());
        } catch (IOException | RuntimeException e) {
            return unusable("it is not valid JSON (" + firstLine(e.getMessage()) + ")");
        }
    }

    private Loaded unusable(String why) {
        moveAsideOnSave = true;
        return new Loaded(ConsolePreferences.defaults(), Optional.of("Your saved preferences at " + file() + " could not be used: "
                + why + ". The console started with defaults; the file will be kept as " + asideName + " when settings change."));
    }

    /** Writes atomically (temporary file + move). */
    public void save(ConsolePreferences preferences) throws IOException {
        Files.createDirectories(home);
        if (moveAsideOnSave && Files.exists(file())) {
            Path aside = home.resolve(asideName);
            for (int n = 2; Files.exists(aside) && asideName.contains(".v"); n++) {
                aside = home.resolve(asideName + "-" + n); // an older copy of a newer console's file stays too
            }
            Files.move(file(), aside, StandardCopyOption.REPLACE_EXISTING);
        }
        moveAsideOnSave = false;
        byte[] bytes = JSON.writeValueAsBytes(toJson(preferences));
        Path temp = Files.createTempFile(home, FILE_NAME, ".tmp");
        try {
            Files.write(temp, bytes);
            try {
                Files.move(temp, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file(), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Deletes the file: the next start uses the defaults. Returns the defaults. */
    public ConsolePreferences reset() throws IOException {
        Files.deleteIfExists(file());
        moveAsideOnSave = false;
        return ConsolePreferences.defaults();
    }

    // ---- mapping (explicit, so no field is ever written by accident) ------------------------

    static ObjectNode toJson(ConsolePreferences p) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", ConsolePreferences.CURRENT_VERSION);
        ArrayNode saved = root.putArray("saved_connections");
        for (SavedConnection c : p.savedConnections()) {
            ObjectNode n = saved.addObject();
            n.put("name", c.name());
            n.put("kind", c.kind().name().toLowerCase(Locale.ROOT));
            n.put("target", c.target());
            putIfNotNull(n, "endpoint", c.endpoint());
            putIfNotNull(n, "region", c.region());
            if (c.pathStyle() != null) {
                n.put("path_style", c.pathStyle());
            }
            putIfNotNull(n, "profile", c.profile());
        }
        ArrayNode recent = root.putArray("recent_roots");
        p.recentRoots().forEach(recent::add);
        root.put("theme", p.theme().name().toLowerCase(Locale.ROOT));
        root.put("poll_seconds", p.pollSeconds());
        root.put("lock_stale_minutes", p.lockStaleMinutes());
        ObjectNode w = root.putObject("window");
        WindowLayout layout = p.window();
        if (!Double.isNaN(layout.x()) && !Double.isNaN(layout.y())) {
            w.put("x", layout.x());
            w.put("y", layout.y());
        }
        w.put("width", layout.width());
        w.put("height", layout.height());
        w.put("maximized", layout.maximized());
        ObjectNode splits = w.putObject("splits");
        layout.splits().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> splits.put(e.getKey(), e.getValue()));
        return root;
    }

    static ConsolePreferences fromJson(ObjectNode root) {
        List<SavedConnection> saved = new ArrayList<>();
        for (JsonNode n : root.path("saved_connections")) {
            String target = text(n, "target");
            if (target == null) {
                continue;
            }
            SavedConnection.Kind kind = "config".equals(text(n, "kind")) ? SavedConnection.Kind.CONFIG : SavedConnection.Kind.ROOT;
            Boolean pathStyle = n.has("path_style") && n.get("path_style").isBoolean() ? n.get("path_style").asBoolean() : null;
            saved.add(new SavedConnection(text(n, "name"), kind, target, text(n, "endpoint"), text(n, "region"), pathStyle,
                    text(n, "profile")));
        }
        List<String> recent = new ArrayList<>();
        for (JsonNode n : root.path("recent_roots")) {
            if (n.isTextual() && !n.asText().isBlank()) {
                recent.add(n.asText());
            }
        }
        Theme theme = switch (String.valueOf(text(root, "theme"))) {
            case "light" -> Theme.LIGHT;
            case "dark" -> Theme.DARK;
            default -> Theme.SYSTEM;
        };
        ConsolePreferences d = ConsolePreferences.defaults();
        JsonNode w = root.path("window");
        Map<String, Double> splits = new HashMap<>();
        w.path("splits").properties().forEach(e -> {
            if (e.getValue().isNumber()) {
                splits.put(e.getKey(), e.getValue().asDouble());
            }
        });
        WindowLayout layout = new WindowLayout(w.path("x").asDouble(Double.NaN), w.path("y").asDouble(Double.NaN),
                w.path("width").asDouble(WindowLayout.DEFAULT.width()), w.path("height").asDouble(WindowLayout.DEFAULT.height()),
                w.path("maximized").asBoolean(false), splits);
        if (!w.has("x")) {
            layout = new WindowLayout(Double.NaN, Double.NaN, layout.width(), layout.height(), layout.maximized(), splits);
        }
        return new ConsolePreferences(ConsolePreferences.CURRENT_VERSION, saved, recent, theme,
                root.path("poll_seconds").asInt(d.pollSeconds()), root.path("lock_stale_minutes").asInt(d.lockStaleMinutes()), layout);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    private static void putIfNotNull(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

}
