package io.github.jetcdctl.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** While a batch runs, equal settings get one connection, and a command's close() leaves it open. */
    @Test
    void sharedConnectionsOutliveTheirCommandsUntilSharingEnds() {
        ClientFactory.shareConnections();
        EtcdConnection first;
        try {
            try (EtcdConnection connection = ClientFactory.connect(settings(List.of("127.0.0.1:1")))) {
                first = connection;
            }
            try (EtcdConnection again = ClientFactory.connect(settings(List.of("127.0.0.1:1")))) {
                assertSame(first, again);
                assertFalse(first.managedChannel().isShutdown());
            }
            try (EtcdConnection other = ClientFactory.connect(settings(List.of("127.0.0.1:2")))) {
                assertNotSame(first, other);
            }
        } finally {
            ClientFactory.closeSharedConnections();
        }
        assertTrue(first.managedChannel().isShutdown());
        try (EtcdConnection afterwards = ClientFactory.connect(settings(List.of("127.0.0.1:1")))) {
            assertNotSame(first, afterwards);
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
