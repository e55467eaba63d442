package io.github.jetcdctl.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;

class ClientFactoryTest {
    private static ConnectionSettings settings(List<String> endpoints) {
        return new ConnectionSettings(endpoints, Duration.ofMillis(300), Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(6), true, false, "", "", "", "", "");
    }

    /** The pinned jetcd version must keep its channel where the factory looks for it. */
    @Test
    void sharesTheChannelOfThePinnedJetcdVersion() {
        try (EtcdConnection connection = ClientFactory.connect(settings(List.of("127.0.0.1:1")))) {
            assertSame(connection.channel(), ClientFactory.channelOf(connection.jetcd()));
        }
    }

    @Test
    void noEndpointsIsABadConnection() {
        CliException e = assertThrows(CliException.class, () -> ClientFactory.connect(settings(List.of())));
        assertEquals(ExitCodes.BAD_CONNECTION, e.exitCode());
        assertEquals("etcdclient: no available endpoints", e.getMessage());
    }

    @Test
    void aDeadEndpointFailsAtTheDialTimeoutWithEtcdctlsMessage() {
        try (EtcdConnection connection = ClientFactory.connect(settings(List.of("127.0.0.1:1")))) {
            CliException e = assertThrows(CliException.class, connection::awaitConnected);
            assertEquals(ExitCodes.ERROR, e.exitCode());
            assertEquals("context deadline exceeded", e.getMessage());
        }
    }
}
