package dev.omnigraph.console.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Hashes (SHA-256) and counts the bytes as they are read through it, never whole into memory.
 * It never skips: every byte that passes is hashed. Used by the copy engines for the content
 * checksum of what they move.
 */
public class Sha256InputStream extends FilterInputStream {
    private final MessageDigest sha = Hashing.sha256();
    private long count;
    private String hex;

    public Sha256InputStream(InputStream in) {
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
        int n = super.read(b, off, len);
        if (n > 0 && hex != null) {
            throw new IllegalStateException("bytes read after the SHA-256 was taken");
        }
        if (n > 0) {
            sha.update(b, off, n);
            count += n;
        }
        return n;
    }

    @Override
    public long skip(long n) {
        throw new UnsupportedOperationException("a hashed read never skips");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Bytes read so far. */
    public long count() {
        return count;
    }

    /** Lower-case hex SHA-256 of the bytes read, taken at the first call (at the end); later calls return the same. */
    public String sha256Hex() {
        if (hex == null) {
            hex = Hashing.hex(sha.digest());
        }
        return hex;
    }
}
