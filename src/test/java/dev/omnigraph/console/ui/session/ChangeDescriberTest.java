package dev.omnigraph.console.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.cluster.LedgerState;
import dev.omnigraph.console.cluster.LockState;
import dev.omnigraph.console.cluster.model.Ledger;
import dev.omnigraph.console.cluster.model.LockFile;
import dev.omnigraph.console.storage.ConditionalRead;
import dev.omnigraph.console.storage.StoredObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ChangeDescriberTest {
    private static byte[] ledger(long revision) {
        return ("{\n  \"version\": 1,\n  \"state_revision\": " + revision + ",\n  \"applied_revision\": {\n    \"config_digest\": null,\n"
                + "    \"resources\": {}\n  }\n}\n").getBytes(StandardCharsets.UTF_8);
    }

    private static ConditionalRead changed(byte[] bytes) {
        return new ConditionalRead.Changed(new StoredObject("k", bytes, "t2", Instant.EPOCH));
    }

    @Test
    void ledgerRevisionMoves() throws Exception {
        LedgerState known = new LedgerState.Present(Ledger.parse(ledger(17)), "t1", Instant.EPOCH);
        assertThat(ChangeDescriber.ledger(known, changed(ledger(18)))).contains("ledger revision 17 → 18");
        assertThat(ChangeDescriber.ledger(known, new ConditionalRead.Unchanged())).isEmpty();
        assertThat(ChangeDescriber.ledger(known, new ConditionalRead.Absent())).get().asString().startsWith("ledger removed");
        assertThat(ChangeDescriber.ledger(new LedgerState.Missing(), new ConditionalRead.Absent())).isEmpty();
        assertThat(ChangeDescriber.ledger(new LedgerState.Missing(), changed(ledger(1)))).contains("ledger created at revision 1");
        assertThat(ChangeDescriber.ledger(known, changed("{".getBytes(StandardCharsets.UTF_8)))).get().asString()
                .contains("unreadable (invalid_state_json)");
    }

    @Test
    void lockMoves() {
        LockFile apply = LockFile.create("apply", Instant.now(), 7);
        LockFile refresh = LockFile.create("refresh", Instant.now(), 8);
        LockState held = new LockState.Held(apply, "t1", OptionalLong.of(1), Instant.now());
        assertThat(ChangeDescriber.lock(new LockState.Free(), changed(apply.toBytes()))).contains("lock acquired by apply (" + apply.lockId() + ")");
        assertThat(ChangeDescriber.lock(held, new ConditionalRead.Absent())).contains("lock released (was held by apply)");
        assertThat(ChangeDescriber.lock(held, changed(refresh.toBytes()))).contains("lock replaced: apply → refresh (" + refresh.lockId() + ")");
        assertThat(ChangeDescriber.lock(held, changed(apply.toBytes()))).as("same lock id re-read").isEmpty();
        assertThat(ChangeDescriber.lock(new LockState.Free(), new ConditionalRead.Absent())).isEmpty();
    }
}
