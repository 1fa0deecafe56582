package dev.omnigraph.console.migrate;

import dev.omnigraph.console.storage.Hashing;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resume journal of one source → destination pair: for every object this console copied, the
 * SHA-256 of the bytes it streamed (or, for a server-side copy, none), and the fingerprints
 * ({@link Fingerprint}) of the source object it read and of the destination object its write
 * produced. Appended line by line as copies complete, so a killed process loses at most the
 * objects in flight; a torn last line is ignored.
 *
 * <p>What it trusts: that this file in the admin's own home was written by the console. A journal
 * entry vouches for a destination object only while <em>both</em> fingerprints still match the
 * current listings, i.e. neither side was rewritten since the checksum was taken. It is an
 * optimisation for resuming; deleting it only means more objects are checked or copied again.
 *
 * <p>Memory: one entry per copied object (about 300 bytes), kept in a map for lookups.
 */
public final class CopyJournal implements AutoCloseable {
    private static final long FORCE_INTERVAL_NANOS = 2_000_000_000L;

    /** How an object reached the destination. */
    public enum Method { STREAMED, SERVER_SIDE }

    /**
     * @param sha256 hex SHA-256 of the bytes streamed, or null for a server-side copy
     */
    public record Entry(String key, long size, String sha256, String sourceFingerprint, String destinationFingerprint, Method method) {}

    private final Path file;
    private final Map<String, Entry> entries;
    private final FileChannel channel;
    private long lastForce = System.nanoTime();

    private CopyJournal(Path file, Map<String, Entry> entries, FileChannel channel) {
        this.file = file;
        this.entries = entries;
        this.channel = channel;
    }

    /** The journal file for a pair of roots, under {@code <home>/migrations/journals/}. */
    public static Path fileFor(MigrationHome home, Endpoint source, Endpoint destination) {
        String id = Hashing.sha256Hex((source.identity() + "\n" + destination.identity()).getBytes(StandardCharsets.UTF_8));
        return home.journals().resolve(id.substring(0, 32) + ".journal");
    }

    public static CopyJournal open(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Map<String, Entry> entries = new HashMap<>();
        if (Files.exists(file)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (String line : lines) {
                Entry e = parse(line);
                if (e != null) {
                    entries.put(e.key(), e);
                }
            }
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        if (channel.size() > 0) {
            // a killed writer may have left a torn line: start ours on a fresh one
            channel.write(ByteBuffer.wrap("\n".getBytes(StandardCharsets.UTF_8)));
        }
        return new CopyJournal(file, entries, channel);
    }

    public Path file() {
        return file;
    }

    public synchronized Optional<Entry> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    public synchronized int size() {
        return entries.size();
    }

    /** Appends an entry (written through to the file before returning). */
    public synchronized void record(Entry e) throws IOException {
        String line = "1\t" + (e.method() == Method.STREAMED ? "S" : "C") + "\t" + e.size() + "\t" + (e.sha256() == null ? "-" : e.sha256())
                + "\t" + e.sourceFingerprint() + "\t" + e.destinationFingerprint() + "\t" + e.key() + "\n";
        ByteBuffer buf = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
        entries.put(e.key(), e);
        long now = System.nanoTime();
        if (now - lastForce > FORCE_INTERVAL_NANOS) {
            channel.force(false);
            lastForce = now;
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (channel.isOpen()) {
                channel.force(false);
                channel.close();
            }
        } catch (IOException ignored) {
            // the entries written so far are in the file; a lost tail only means re-checking those objects
        }
    }

    static Entry parse(String line) {
        String[] f = line.split("\t", 7);
        if (f.length != 7 || !f[0].equals("1") || f[6].isEmpty()) {
            return null;
        }
        try {
            Method m = switch (f[1]) {
                case "S" -> Method.STREAMED;
                case "C" -> Method.SERVER_SIDE;
                default -> throw new IllegalArgumentException(f[1]);
            };
            return new Entry(f[6], Long.parseLong(f[2]), f[3].equals("-") ? null : f[3], f[4], f[5], m);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
