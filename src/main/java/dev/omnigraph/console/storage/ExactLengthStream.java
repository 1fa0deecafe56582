package dev.omnigraph.console.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.function.LongConsumer;

/** Passes exactly {@code size} bytes through, hashing them (MD5) and reporting progress; a wrong length is an error before the last byte. */
final class ExactLengthStream extends InputStream {
    private final InputStream in;
    private final long size;
    private final LongConsumer progress;
    private final java.security.MessageDigest md5 = Hashing.md5();
    private long read;
    private IOException failure;

    ExactLengthStream(InputStream in, long size, LongConsumer progress) {
        this.in = in;
        this.size = size;
        this.progress = progress;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (read >= size) {
            return -1;
        }
        try {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("cancelled");
            }
            int n = in.read(b, off, (int) Math.min(len, size - read));
            if (n < 0) {
                throw new IOException("the source ended after " + read + " of " + size + " bytes");
            }
            md5.update(b, off, n);
            read += n;
            if (read == size && in.read() != -1) {
                throw new IOException("the source is longer than " + size + " bytes");
            }
            if (progress != null && n > 0) {
                progress.accept(n);
            }
            return n;
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    IOException failure() {
        return failure;
    }

    String md5Hex() {
        return Hashing.hex(md5.digest());
    }
}
