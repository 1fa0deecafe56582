package dev.omnigraph.console.cli;

import dev.omnigraph.console.s3server.LocalS3Server;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import java.util.concurrent.CountDownLatch;

/**
 * {@code local-s3}: a real S3 endpoint on 127.0.0.1 (the same server the tests use), keeping its
 * objects in a folder, so a new admin can try {@code file:// → s3://} and back without an account.
 * Never started implicitly; listens on loopback only; credentials are generated for each start
 * and printed once, for this terminal's {@code export} lines.
 */
@Command(name = "local-s3", description = "run a local S3 endpoint on 127.0.0.1 to try migrations without an account (until Ctrl-C)",
        customSynopsis = "omnigraph-console local-s3 --data DIR [--port N] [--bucket NAME]")
final class LocalS3Command extends CliCommand {
    static final String DEFAULT_BUCKET = "omnigraph";

    @Option(names = "--data", paramLabel = "DIR", description = "folder that keeps the objects (one sub-folder per bucket)")
    String dataDir;

    @Option(names = "--port", paramLabel = "N", description = "TCP port on 127.0.0.1 (default: a free one)")
    int port;

    @Option(names = "--bucket", paramLabel = "NAME", defaultValue = DEFAULT_BUCKET, description = "bucket to create (default: omnigraph)")
    String bucket;

    LocalS3Command(CliContext ctx) {
        super(ctx);
    }

    @Override
    int run() throws Exception {
        if (dataDir == null) {
            throw new UsageException("--data DIR is required");
        }
        Path data = ctx.cwd().resolve(dataDir);
        if (port < 0 || port > 65_535) {
            throw new UsageException("--port must be between 0 and 65535");
        }
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new UsageException("'" + bucket + "' is not a valid bucket name (3-63 lower-case letters, digits, '.', '-')");
        }
        LocalS3Server server;
        try {
            server = LocalS3Server.startOnDisk(data, port);
        } catch (Exception e) {
            throw new CliFailure(CliMain.FINDINGS, "could not start the local S3 endpoint on 127.0.0.1" + (port == 0 ? "" : ":" + port)
                    + ": " + ErrorMessages.describe(e));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "local-s3-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        boolean interrupted = false;
        try {
            server.createBucket(bucket);
            ctx.out().println("Local S3 endpoint " + server.endpoint() + " (loopback only), objects kept in " + data.toAbsolutePath());
            ctx.out().println("Bucket: " + bucket);
            ctx.out().println("Credentials are generated for this run only; in the shell that runs the console:");
            ctx.out().println("  export AWS_ENDPOINT_URL=" + server.endpoint());
            ctx.out().println("  export AWS_ACCESS_KEY_ID=" + server.accessKey());
            ctx.out().println("  export AWS_SECRET_ACCESS_KEY=" + server.secretKey());
            ctx.out().println("  export AWS_REGION=us-east-1 AWS_S3_FORCE_PATH_STYLE=true AWS_ALLOW_HTTP=true");
            ctx.out().println("Then, for example:");
            ctx.out().println("  omnigraph-console demo create --root ./demo-cluster --quiet-cluster");
            ctx.out().println("  omnigraph-console migrate-storage --from ./demo-cluster --to s3://" + bucket + "/demo-cluster --writers-stopped");
            ctx.out().println("Serving until interrupted (Ctrl-C).");
            ctx.out().flush();
            stopped.await();
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
                server.close(); // with the interrupt flag clear: Jetty's stop waits its full timeout in an interrupted thread
            } catch (IllegalStateException shuttingDown) {
                // the hook stops the server
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return CliMain.OK;
    }
}
