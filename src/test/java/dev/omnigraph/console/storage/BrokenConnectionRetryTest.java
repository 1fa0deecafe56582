package dev.omnigraph.console.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BrokenConnectionRetryTest {

    private static StorageException broken() {
        return new StorageException(StorageException.Kind.UNREACHABLE, "k", "Could not read k: Broken pipe",
                new RuntimeException(new SocketException("Broken pipe")));
    }

    @Test
    void aBrokenPipeIsRetriedUntilTheReadSucceeds() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        String value = BrokenConnectionRetry.call(() -> {
            if (calls.incrementAndGet() < 3) {
                throw broken();
            }
            return "ok";
        });
        assertThat(value).isEqualTo("ok");
        assertThat(calls).hasValue(3);
    }

    @Test
    void aPersistentlyBrokenConnectionGivesUpAfterTheExtraAttempts() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> BrokenConnectionRetry.call(() -> {
            calls.incrementAndGet();
            throw broken();
        })).isInstanceOf(StorageException.class).hasMessageContaining("Broken pipe");
        assertThat(calls).hasValue(1 + BrokenConnectionRetry.EXTRA_ATTEMPTS);
    }

    @Test
    void anUnreachableEndpointAndARefusalAreNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> BrokenConnectionRetry.call(() -> {
            calls.incrementAndGet();
            throw new StorageException(StorageException.Kind.UNREACHABLE, "k", "refused",
                    new RuntimeException(new ConnectException("Connection refused")));
        })).isInstanceOf(StorageException.class);
        assertThat(calls).hasValue(1);

        calls.set(0);
        assertThatThrownBy(() -> BrokenConnectionRetry.call(() -> {
            calls.incrementAndGet();
            throw new StorageException(StorageException.Kind.ACCESS_DENIED, "k", "denied");
        })).isInstanceOf(StorageException.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void aTruncatedBodyIsRetried() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        BrokenConnectionRetry.call(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new StorageException(StorageException.Kind.SERVER_ERROR, "k", "The body of k was truncated (3 of 9 bytes)");
            }
            return 1;
        });
        assertThat(calls).hasValue(2);
    }
}
