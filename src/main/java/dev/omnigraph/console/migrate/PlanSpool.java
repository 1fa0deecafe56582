package dev.omnigraph.console.migrate;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The plan's work list, spooled to a temporary folder (one file per {@link CopyOrder} tier) so a
 * 1,000,000-object plan costs disk, not heap. Written once by the planner, then read tier by tier
 * by the copy phase. {@link #close()} deletes it.
 */
public final class PlanSpool implements AutoCloseable {
    private final Path dir;
    private final BufferedWriter[] writers = new BufferedWriter[CopyOrder.TIERS];
    private final long[] counts = new long[CopyOrder.TIERS];
    private boolean sealed;

    private PlanSpool(Path dir) {
        this.dir = dir;
    }

    public static PlanSpool create() throws IOException {
        return new PlanSpool(Files.createTempDirectory("omnigraph-migration-plan-"));
    }

    private Path file(int tier) {
        return dir.resolve("tier-" + tier + ".tsv");
    }

    synchronized void add(PlanEntry entry) throws IOException {
        if (sealed) {
            throw new IllegalStateException("the plan is sealed");
        }
        int tier = CopyOrder.tierOf(entry.key());
        if (writers[tier] == null) {
            writers[tier] = Files.newBufferedWriter(file(tier), StandardCharsets.UTF_8);
        }
        writers[tier].write(entry.toLine());
        writers[tier].write('\n');
        counts[tier]++;
    }

    synchronized void seal() throws IOException {
        for (BufferedWriter w : writers) {
            if (w != null) {
                w.close();
            }
        }
        sealed = true;
    }

    public synchronized long count(int tier) {
        return counts[tier];
    }

    /** A lazy reader of one tier; close it when done (it holds an open file). */
    interface Cursor extends Iterator<PlanEntry>, AutoCloseable {
        @Override
        void close();
    }

    /** Reads one tier lazily. */
    Cursor read(int tier) throws IOException {
        if (!sealed) {
            throw new IllegalStateException("the plan is still being written");
        }
        if (counts[tier] == 0) {
            return new EmptyCursor();
        }
        return new LineCursor(Files.newBufferedReader(file(tier), StandardCharsets.UTF_8));
    }

    /** A tier with no entries (its file was never created). */
    private static final class EmptyCursor implements Cursor {
        @Override
        public boolean hasNext() {
            return false;
        }

        @Override
        public PlanEntry next() {
            throw new NoSuchElementException();
        }

        @Override
        public void close() {}
    }

    /** Reads a tier's file one entry per line, skipping blank lines; closes the file at its end. */
    private static final class LineCursor implements Cursor {
        private final BufferedReader reader;
        private String next;

        LineCursor(BufferedReader reader) {
            this.reader = reader;
            this.next = advance();
        }

        private String advance() {
            try {
                String line = reader.readLine();
                while (line != null && line.isEmpty()) {
                    line = reader.readLine();
                }
                if (line == null) {
                    reader.close();
                }
                return line;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public PlanEntry next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            PlanEntry e = PlanEntry.fromLine(next);
            next = advance();
            return e;
        }

        @Override
        public void close() {
            try {
                reader.close();
            } catch (IOException ignored) {
                // read-only temp file
            }
        }
    }

    @Override
    public synchronized void close() {
        for (BufferedWriter w : writers) {
            try {
                if (w != null) {
                    w.close();
                }
            } catch (IOException ignored) {
                // deleting below
            }
        }
        for (int t = 0; t < CopyOrder.TIERS; t++) {
            try {
                Files.deleteIfExists(file(t));
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
        try {
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // same
        }
    }
}
