package dev.omnigraph.console.migrate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.storage.ObjectInfo;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.PutResult;
import dev.omnigraph.console.storage.S3ObjectStore;
import dev.omnigraph.console.storage.WriteCondition;
import dev.omnigraph.console.testing.S3TestServer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Server-side copies are used only where the destination proves they are conditional. s3proxy
 * (the loopback server) ignores destination preconditions on CopyObject: the probe must catch that
 * — and a migration between two of its buckets must then stream, with every write conditional.
 */
class ServerSideCopyPreconditionTest {
    @Test
    void theProbeCatchesAServerWhoseCopiesIgnorePreconditions() throws Exception {
        try (ObjectStore src = new S3ObjectStore(S3TestServer.newRoot("ssc-src", "a"), S3TestServer.settings());
             ObjectStore dst = new S3ObjectStore(S3TestServer.newRoot("ssc-dst", "b"), S3TestServer.settings())) {
            // the behaviour the probe looks for: a create-only copy onto an existing object overwrites it here
            src.put("k", "source".getBytes(UTF_8), WriteCondition.IF_ABSENT);
            dst.put("k", "theirs".getBytes(UTF_8), WriteCondition.IF_ABSENT);
            ObjectInfo info = src.stat("k").orElseThrow();
            PutResult ignored = dst.copyFrom(src, info, "k", WriteCondition.IF_ABSENT).orElseThrow();
            assertThat(ignored).isInstanceOf(PutResult.Written.class);

            assertThat(CopyPreconditionProbe.check(dst)).hasValueSatisfying(why -> assertThat(why).contains("ignores"));
            try (Stream<ObjectInfo> left = dst.list("__cluster/")) {
                assertThat(left).isEmpty(); // the probe's scratch objects are gone
            }
            try (FaultyStore honouring = new FaultyStore(new S3ObjectStore(S3TestServer.newRoot("ssc-ok", "c"), S3TestServer.settings()),
                    (k, a) -> FaultyStore.Fault.NONE).enforcingCopyPreconditions()) {
                assertThat(CopyPreconditionProbe.check(honouring)).isEmpty();
            }
        }
    }

    @Test
    void aDestinationOnTheSameEndpointWithoutConditionalCopiesIsStreamedTo() {
        Endpoint a = new Endpoint(S3TestServer.newRoot("ssc-a", "x"), S3TestServer.settings());
        Endpoint b = new Endpoint(S3TestServer.newRoot("ssc-b", "y"), S3TestServer.settings());
        try (ObjectStore store = b.open()) {
            DestinationCheck.Report report = DestinationCheck.run(a, b, store);
            assertThat(report.ok()).isTrue();
            assertThat(report.serverSideCopy()).isFalse();
            assertThat(report.items()).filteredOn(i -> i.name().equals("server-side copy")).singleElement()
                    .satisfies(i -> assertThat(i.verdict()).isEqualTo(CheckItem.Verdict.WARN))
                    .satisfies(i -> assertThat(i.message()).contains("streamed"));
        }
    }
}
