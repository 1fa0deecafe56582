package dev.omnigraph.console.migrate;

import dev.omnigraph.console.storage.Sha256InputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Wraps a source object's stream: hashes (SHA-256) and counts the bytes as the destination pulls
 * them, and remembers whether reading the <em>source</em> failed (a reset mid-download is worth
 * retrying; the destination's own errors are classified elsewhere).
 */
final class HashingInputStream extends Sha256InputStream {
    private volatile IOException sourceFailure;

    HashingInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (IOException e) {
            sourceFailure = e;
            throw e;
        }
    }

    IOException sourceFailure() {
        return sourceFailure;
    }
}
