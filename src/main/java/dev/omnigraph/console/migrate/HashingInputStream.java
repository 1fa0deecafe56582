package dev.omnigraph.console.migrate;

import dev.omnigraph.console.storage.Hashing;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Wraps a source object's stream: hashes (SHA-256) and counts the bytes as the destination pulls
 * them, and remembers whether reading the <em>source</em> failed (a reset mid-download is worth
 * retrying; the destination's own errors are classified elsewhere).
 */
final class HashingInputStream extends FilterInputStream {
    private final MessageDigest sha = Hashing.sha256();
    private long count;
    private volatile IOException sourceFailure;

    HashingInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n;
        try {
            n = super.read(b, off, len);
        } catch (IOException e) {
            sourceFailure = e;
            throw e;
        }
        if (n > 0) {
            sha.update(b, off, n);
            count += n;
        }
        return n;
    }

    @Override
    public long skip(long n) {
        throw new UnsupportedOperationException("a hashed copy never skips");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    long count() {
        return count;
    }

    String sha256Hex() {
        return Hashing.hex(sha.digest());
    }

    IOException sourceFailure() {
        return sourceFailure;
    }
}
