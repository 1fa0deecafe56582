package dev.omnigraph.console.cluster.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.cluster.model.Digests;
import dev.omnigraph.console.cluster.model.Ledger;
import dev.omnigraph.console.cluster.model.LedgerResource;
import dev.omnigraph.console.cluster.model.WireLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The ledgers this console itself has read, kept on the admin's machine so there is a "since I last
 * looked" diff where the storage keeps no history (local folders, unversioned buckets).
 *
 * <p>Layout: {@code <home>/ledger-cache/<sha256 of the root's display form>/} holds {@code root.txt}
 * (which root), and per observed ledger {@code <cas hex>.json} (the exact bytes) with
 * {@code <cas hex>.meta.json} (revision, size, first and last seen). {@code <home>} is the system
 * property {@code omnigraph.console.home}, default {@code ~/.omnigraph-console}. Folders are created
 * owner-only where the file system supports POSIX permissions.
 *
 * <p>Rules: entries are keyed by CAS, so a ledger is stored once however often it is read; writes
 * go to a temp file then an atomic rename, so a reader never sees half a file and two console
 * processes recording at once cannot corrupt an entry (at worst one "last seen" time is lost). The
 * cache is bounded per root by entry count and total bytes; the least recently seen entries go
 * first, never the one just recorded. No secrets: a ledger holds only {@code ${NAME}} references for
 * embedding API keys (upstream refuses inline keys); a ledger that carries anything else in an
 * {@code api_key} is not cached at all.
 */
public final class LedgerObservationCache {
    public static final String HOME_PROPERTY = "omnigraph.console.home";
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
    public static final int DEFAULT_MAX_ENTRIES = 200;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ENTRY = Pattern.compile("[0-9a-f]{64}\\.json");
    private static final Pattern SECRET_REFERENCE = Pattern.compile("\\s*\\$\\{\\s*[^}\\s][^}]*}\\s*");
    private static final Object LOCK = new Object();

    private final Path cacheRoot;
    private final long maxBytes;
    private final int maxEntries;
    private final Clock clock;

    /** What {@link #record} did. */
    public enum RecordKind {
        /** A ledger not seen before: its bytes were stored. */
        STORED,
        /** Already cached: only its "last seen" time moved. */
        ALREADY_KNOWN,
        /** Not cached: an {@code api_key} holds something other than a {@code ${NAME}} reference. */
        REFUSED_SECRET,
        /** Not cached: the cache folder could not be written (the message says why). */
        FAILED
    }

    /** Outcome of {@link #record}; {@code entry} is present for STORED and ALREADY_KNOWN. */
    public record RecordOutcome(RecordKind kind, Optional<CachedLedger> entry, List<CachedLedger> evicted, String message) {}

    /** More than one cached ledger starts with the given CAS prefix. */
    public static final class AmbiguousPrefixException extends Exception {
        public AmbiguousPrefixException(String message) {
            super(message);
        }
    }

    public LedgerObservationCache(Path home, long maxBytes, int maxEntries, Clock clock) {
        this.cacheRoot = home.toAbsolutePath().normalize().resolve("ledger-cache");
        this.maxBytes = maxBytes;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    public LedgerObservationCache(Path home) {
        this(home, DEFAULT_MAX_BYTES, DEFAULT_MAX_ENTRIES, Clock.systemUTC());
    }

    /** The cache under {@link #defaultHome()}. */
    public static LedgerObservationCache openDefault() {
        return new LedgerObservationCache(defaultHome());
    }

    /** {@code omnigraph.console.home}, else {@code ~/.omnigraph-console}. */
    public static Path defaultHome() {
        String configured = System.getProperty(HOME_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".omnigraph-console");
    }

    /** The folder that holds one root's observations. */
    public Path directory(ClusterLocation location) {
        return cacheRoot.resolve(Digests.sha256Hex(location.root().display()));
    }

    /**
     * Records that the console read {@code ledger} at {@code location}. Never throws: a cache that
     * cannot be written must not stop the console from showing the cluster.
     */
    public RecordOutcome record(ClusterLocation location, Ledger ledger) {
        Optional<String> secret = inlineSecret(ledger);
        if (secret.isPresent()) {
            return new RecordOutcome(RecordKind.REFUSED_SECRET, Optional.empty(), List.of(),
                    "not cached: " + secret.get() + " holds an inline value instead of a ${NAME} reference, and the cache never stores secrets");
        }
        synchronized (LOCK) {
            try {
                Path dir = directory(location);
                createPrivateDirectories(dir);
                writeIfAbsent(dir.resolve("root.txt"), (location.root().display() + "\n").getBytes(StandardCharsets.UTF_8));
                String hex = ledger.cas().substring("sha256:".length());
                Path data = dir.resolve(hex + ".json");
                Instant now = clock.instant();
                Optional<CachedLedger> existing = Files.exists(data) ? readEntry(dir, hex) : Optional.empty();
                RecordKind kind;
                Instant firstSeen;
                if (existing.isPresent()) {
                    kind = RecordKind.ALREADY_KNOWN;
                    firstSeen = existing.get().firstSeen();
                } else {
                    kind = RecordKind.STORED;
                    firstSeen = now;
                    atomicWrite(data, ledger.rawBytes());
                }
                writeMeta(dir, hex, ledger.stateRevision(), ledger.rawBytes().length, firstSeen, now);
                CachedLedger entry = new CachedLedger(ledger.cas(), ledger.stateRevision(), ledger.rawBytes().length,
                        firstSeen, now, data);
                List<CachedLedger> evicted = evict(dir, hex);
                String message = kind == RecordKind.STORED
                        ? "cached ledger revision " + Long.toUnsignedString(ledger.stateRevision()) + " (" + ledger.cas() + ")"
                        : "ledger " + ledger.cas() + " was already cached";
                return new RecordOutcome(kind, Optional.of(entry), evicted, message);
            } catch (IOException | RuntimeException e) {
                return new RecordOutcome(RecordKind.FAILED, Optional.empty(), List.of(),
                        "could not write the ledger cache under " + cacheRoot + ": " + e.getMessage());
            }
        }
    }

    /** Every cached ledger of {@code location}, most recently seen first. Unreadable entries are skipped. */
    public List<CachedLedger> entries(ClusterLocation location) throws IOException {
        Path dir = directory(location);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<CachedLedger> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (ENTRY.matcher(name).matches()) {
                    readEntry(dir, name.substring(0, 64)).ifPresent(out::add);
                }
            }
        }
        out.sort(Comparator.comparing(CachedLedger::lastSeen).reversed().thenComparing(CachedLedger::cas));
        return out;
    }

    /**
     * The cached ledger whose CAS starts with {@code prefix} ({@code sha256:} optional, at least 4
     * hex characters); empty when none does.
     */
    public Optional<CachedLedger> find(ClusterLocation location, String prefix) throws IOException, AmbiguousPrefixException {
        String p = prefix.trim().toLowerCase(Locale.ROOT);
        if (p.startsWith("sha256:")) {
            p = p.substring(7);
        }
        if (p.length() < 4 || !p.matches("[0-9a-f]+")) {
            throw new IllegalArgumentException("a cached ledger is named by at least 4 hex characters of its CAS, not '" + prefix + "'");
        }
        String hexPrefix = p;
        List<CachedLedger> matches = entries(location).stream().filter(e -> e.hex().startsWith(hexPrefix)).toList();
        if (matches.size() > 1) {
            throw new AmbiguousPrefixException("'" + prefix + "' matches " + matches.size() + " cached ledgers ("
                    + String.join(", ", matches.stream().map(m -> m.hex().substring(0, 12)).toList()) + "): give more characters");
        }
        return matches.stream().findFirst();
    }

    /** Reads a cached ledger's bytes back. */
    public LedgerCopy read(CachedLedger entry) throws IOException {
        long size = Files.size(entry.file());
        if (size > WireLimits.STATE_JSON_MAX_BYTES) {
            throw new IOException(entry.file() + " is larger than a ledger can be");
        }
        byte[] bytes = Files.readAllBytes(entry.file());
        LedgerCopy copy = LedgerCopy.of("cache:" + entry.hex().substring(0, 12), bytes, null, entry.lastSeen());
        if (!copy.cas().equals(entry.cas())) {
            throw new IOException(entry.file() + " no longer holds the ledger it is named after (its bytes hash to "
                    + copy.cas() + "); delete it");
        }
        return copy;
    }

    // ---- internals -------------------------------------------------------------------------

    /** The path of the first {@code api_key} that is not a {@code ${NAME}} reference, if any. */
    static Optional<String> inlineSecret(Ledger ledger) {
        for (Map.Entry<String, LedgerResource> r : ledger.resources().entrySet()) {
            var profile = r.getValue().embeddingProfile();
            if (profile != null && profile.apiKey() != null && !SECRET_REFERENCE.matcher(profile.apiKey()).matches()) {
                return Optional.of(r.getKey() + ".embedding_profile.api_key");
            }
        }
        return Optional.empty();
    }

    private Optional<CachedLedger> readEntry(Path dir, String hex) {
        Path data = dir.resolve(hex + ".json");
        Path meta = dir.resolve(hex + ".meta.json");
        try {
            long size = Files.size(data);
            Instant fallback = Files.getLastModifiedTime(data).toInstant();
            long revision = -1;
            Instant first = fallback;
            Instant last = fallback;
            if (Files.exists(meta)) {
                JsonNode m = JSON.readTree(meta.toFile());
                revision = m.path("state_revision").asLong(-1);
                first = parseInstant(m.path("first_seen").asText(null), fallback);
                last = parseInstant(m.path("last_seen").asText(null), fallback);
            }
            return Optional.of(new CachedLedger("sha256:" + hex, revision, size, first, last, data));
        } catch (NoSuchFileException e) {
            return Optional.empty(); // evicted by another process meanwhile
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Instant parseInstant(String text, Instant fallback) {
        try {
            return text == null ? fallback : Instant.parse(text);
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    private void writeMeta(Path dir, String hex, long revision, long size, Instant firstSeen, Instant lastSeen) throws IOException {
        ObjectNode meta = JSON.createObjectNode();
        meta.put("cas", "sha256:" + hex);
        meta.put("state_revision", revision);
        meta.put("size", size);
        meta.put("first_seen", firstSeen.toString());
        meta.put("last_seen", lastSeen.toString());
        atomicWrite(dir.resolve(hex + ".meta.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(meta));
    }

    private List<CachedLedger> evict(Path dir, String keepHex) throws IOException {
        List<CachedLedger> all = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (ENTRY.matcher(name).matches()) {
                    readEntry(dir, name.substring(0, 64)).ifPresent(all::add);
                }
            }
        }
        all.sort(Comparator.comparing(CachedLedger::lastSeen).thenComparing(CachedLedger::cas)); // oldest first
        long total = all.stream().mapToLong(CachedLedger::size).sum();
        int count = all.size();
        List<CachedLedger> evicted = new ArrayList<>();
        for (CachedLedger e : all) {
            if (count <= maxEntries && total <= maxBytes) {
                break;
            }
            if (e.hex().equals(keepHex)) {
                continue;
            }
            Files.deleteIfExists(dir.resolve(e.hex() + ".meta.json"));
            Files.deleteIfExists(e.file());
            total -= e.size();
            count--;
            evicted.add(e);
        }
        return List.copyOf(evicted);
    }

    private static void createPrivateDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Files.createDirectories(dir.getParent());
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            // another process made it
        }
    }

    private static void writeIfAbsent(Path file, byte[] bytes) throws IOException {
        if (!Files.exists(file)) {
            atomicWrite(file, bytes);
        }
    }

    private static void atomicWrite(Path file, byte[] bytes) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), ".tmp-", ".part");
        try {
            Files.write(temp, bytes);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
