package dev.omnigraph.console.migrate;

import dev.omnigraph.console.s3server.LocalS3Server;
import java.nio.file.Path;

/**
 * The benchmark's S3 server, in a JVM of its own so it does not share heap or JIT with the engine
 * being measured: {@code BenchServerMain DIR BUCKET...} starts {@link LocalS3Server#startOnDisk},
 * creates the buckets, prints {@code READY endpoint accessKey secretKey} and serves until its
 * standard input closes.
 */
public final class BenchServerMain {
    private BenchServerMain() {}

    public static void main(String[] args) throws Exception {
        try (LocalS3Server server = LocalS3Server.startOnDisk(Path.of(args[0]), 0)) {
            for (int i = 1; i < args.length; i++) {
                server.createBucket(args[i]);
            }
            System.out.println("READY " + server.endpoint() + " " + server.accessKey() + " " + server.secretKey());
            System.out.flush();
            while (System.in.read() >= 0) {
                // serve until the parent goes away
            }
        }
    }
}
