package dev.omnigraph.console.migrate;

import dev.omnigraph.console.storage.S3Settings;
import java.net.URI;
import java.time.Duration;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.Blob;
import org.gaul.s3proxy.blobstore.options.CreateContainerOptions;
import org.gaul.s3proxy.blobstore.options.PutOptions;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * A real S3 server (s3proxy on 127.0.0.1) that ignores write preconditions: its blob store drops
 * {@code If-Match} / {@code If-None-Match} from every put, like a server without conditional
 * writes. Built without {@code LocalS3Server}'s key guard, which would enforce them itself.
 */
public final class IgnoringPreconditionsServer implements AutoCloseable {
    private final S3Proxy proxy;
    private final BlobStore store;

    private static final class DropPreconditions extends ForwardingBlobStore {
        DropPreconditions(BlobStore delegate) {
            super(delegate);
        }

        @Override
        public String putBlob(String container, Blob blob, PutOptions options) {
            return delegate().putBlob(container, blob, new PutOptions(options.blobAccess(), null, null));
        }
    }

    public IgnoringPreconditionsServer() throws Exception {
        store = new DropPreconditions(new TransientNio2BlobStore());
        proxy = S3Proxy.builder().blobStore(store).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "IGNORANT", "ignores-preconditions").build();
        proxy.start();
        org.awaitility.Awaitility.await("s3proxy started").atMost(java.time.Duration.ofSeconds(10))
                .pollInterval(java.time.Duration.ofMillis(10)).until(() -> "STARTED".equals(proxy.getState()));
        store.createContainer("lax", CreateContainerOptions.NONE);
    }

    public S3Settings settings() {
        return new S3Settings("http://127.0.0.1:" + proxy.getPort(), "us-east-1", true, null,
                new S3Settings.StaticKeys("IGNORANT", "ignores-preconditions", null), true, 16, Duration.ofSeconds(5), 3);
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
