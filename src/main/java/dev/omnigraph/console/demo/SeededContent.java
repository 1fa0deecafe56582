package dev.omnigraph.console.demo;

import java.io.InputStream;
import java.util.SplittableRandom;

/** A stream of {@code size} deterministic pseudo-random bytes: large demo objects never sit in memory. */
final class SeededContent extends InputStream {
    private final SplittableRandom random;
    private long remaining;
    private long word;
    private int wordBytes;

    SeededContent(long seed, long size) {
        this.random = new SplittableRandom(seed);
        this.remaining = size;
    }

    @Override
    public int read() {
        if (remaining <= 0) {
            return -1;
        }
        if (wordBytes == 0) {
            word = random.nextLong();
            wordBytes = 8;
        }
        int b = (int) (word & 0xff);
        word >>>= 8;
        wordBytes--;
        remaining--;
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) {
        if (remaining <= 0) {
            return -1;
        }
        int n = (int) Math.min(len, remaining);
        for (int i = 0; i < n; i++) {
            if (wordBytes == 0) {
                word = random.nextLong();
                wordBytes = 8;
            }
            buf[off + i] = (byte) word;
            word >>>= 8;
            wordBytes--;
        }
        remaining -= n;
        return n;
    }
}
