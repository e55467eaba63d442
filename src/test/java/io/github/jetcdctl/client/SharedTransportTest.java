package io.github.jetcdctl.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.testing.TestCertificates;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;

/**
 * Which channel a connection gets on the resident jetcdctl's shared transport, and when kept channels close.
 * Nothing here needs a server: a channel is built before it dials (SharedTransportTlsTest and
 * SharedTransportAuthTest use real etcd).
 */
class SharedTransportTest {
    private static final String DEAD = "127.0.0.1:1";
    private final AtomicLong now = new AtomicLong();
    private SharedTransport transport;
    private ClientFactory.TransportScope scope;

    @BeforeEach
    void useTransport() {
        transport = new SharedTransport(Duration.ofSeconds(60), now::get, false);
        scope = ClientFactory.useSharedTransport(transport);
    }

    @AfterEach
    void closeTransport() {
        scope.close();
        transport.close();
    }

    private static ConnectionSettings plain(String endpoint, Duration dialTimeout) {
        return new ConnectionSettings(List.of(endpoint), dialTimeout, Duration.ofSeconds(5), Duration.ofSeconds(2),
                Duration.ofSeconds(6), true, false, "", "", "", "", "");
    }

    private static ConnectionSettings withCacert(Path cacert) {
        return new ConnectionSettings(List.of(DEAD), Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofSeconds(2), Duration.ofSeconds(6), false, false, cacert.toString(), "", "", "", "");
    }

    private static ManagedChannel channelOf(ConnectionSettings settings) {
        try (EtcdConnection connection = ClientFactory.connect(settings)) {
            return connection.managedChannel();
        }
    }

    @Test
    void theSameSettingsGetTheSameChannelAndOtherSettingsAnother() {
        ManagedChannel first = channelOf(plain(DEAD, Duration.ofSeconds(1)));
        assertSame(first, channelOf(plain(DEAD, Duration.ofSeconds(1))));
        assertFalse(first.isShutdown(), "closing a connection hands a kept channel back");
        assertNotSame(first, channelOf(plain("127.0.0.1:2", Duration.ofSeconds(1))), "other endpoints");
        assertNotSame(first, channelOf(plain(DEAD, Duration.ofSeconds(2))), "another dial timeout");
        assertNotSame(first, channelOf(plain("localhost:1", Duration.ofSeconds(1))),
                "the same address by another name (another TLS authority)");
    }

    @Test
    void aChangedCertificateFileGetsANewChannelAndTheSameContentsTheKeptOne(@TempDir Path dir) throws Exception {
        TestCertificates certificates = TestCertificates.generate(dir.resolve("certs"));
        Path cacert = dir.resolve("ca.pem");
        Files.copy(certificates.caCert(), cacert);
        ManagedChannel first = channelOf(withCacert(cacert));
        assertSame(first, channelOf(withCacert(cacert)));

        Files.copy(certificates.otherCaCert(), cacert, StandardCopyOption.REPLACE_EXISTING);
        ManagedChannel changed = channelOf(withCacert(cacert));
        assertNotSame(first, changed, "the file's contents changed under the same path");

        Files.copy(certificates.caCert(), cacert, StandardCopyOption.REPLACE_EXISTING);
        assertSame(first, channelOf(withCacert(cacert)), "the first contents again: the channel built from them");
        assertNotSame(first, channelOf(withCacert(certificates.caCert())), "the same contents under another path");
    }

    @Test
    void tlsFileErrorsAreTheOnesOfAConnectionOfItsOwn(@TempDir Path dir) {
        ConnectionSettings missing = withCacert(dir.resolve("missing.pem"));
        CliException e = assertThrows(CliException.class, () -> ClientFactory.connect(missing));
        assertEquals(ExitCodes.BAD_ARGS, e.exitCode());
        assertEquals("open " + dir.resolve("missing.pem") + ": no such file or directory", e.getMessage());
        assertEquals("0 channels, 0 TLS contexts", transport.describe());
    }

    @Test
    void aChannelUnusedForTheIdleTimeIsClosedAndOneInUseIsNot() {
        ManagedChannel idle = channelOf(plain(DEAD, Duration.ofSeconds(1)));
        try (EtcdConnection inUse = ClientFactory.connect(plain("127.0.0.1:2", Duration.ofSeconds(1)))) {
            now.addAndGet(Duration.ofSeconds(59).toNanos());
            assertEquals(0, transport.evictIdle());
            assertFalse(idle.isShutdown());
            now.addAndGet(Duration.ofSeconds(2).toNanos());
            assertEquals(1, transport.evictIdle());
            assertTrue(idle.isShutdown(), "unused for 61 s");
            assertFalse(inUse.managedChannel().isShutdown(), "in use, however long");
            assertNotSame(idle, channelOf(plain(DEAD, Duration.ofSeconds(1))), "an evicted channel is not found");
            now.addAndGet(Duration.ofSeconds(120).toNanos());
            assertEquals(1, transport.evictIdle(), "only the one just used again: the other is still in use");
            assertFalse(inUse.managedChannel().isShutdown());
        }
    }

    @Test
    void aChannelThatFailedToConnectIsReplacedRatherThanWaitedFor() throws Exception {
        ConnectionSettings dead = plain(DEAD, Duration.ofMillis(300));
        ManagedChannel failed;
        try (EtcdConnection connection = ClientFactory.connect(dead)) {
            CliException e = assertThrows(CliException.class, connection::awaitConnected);
            assertEquals("context deadline exceeded", e.getMessage());
            failed = connection.managedChannel();
        }
        for (int i = 0; i < 1000 && failed.getState(false) != ConnectivityState.TRANSIENT_FAILURE; i++) {
            Thread.sleep(10); // the refused dial is reported on the event loop
        }
        assertEquals(ConnectivityState.TRANSIENT_FAILURE, failed.getState(false));
        assertNotSame(failed, channelOf(dead));
        assertTrue(failed.isShutdown(), "nobody uses it any more");
    }

    @Test
    void closingTheTransportClosesItsChannelsAndLaterConnectionsHaveTheirOwn() {
        ManagedChannel kept = channelOf(plain(DEAD, Duration.ofSeconds(1)));
        transport.close();
        assertTrue(kept.isShutdown());
        try (EtcdConnection own = ClientFactory.connect(plain(DEAD, Duration.ofSeconds(1)))) {
            assertNotSame(kept, own.managedChannel());
            own.close();
            assertTrue(own.managedChannel().isShutdown(), "a channel of its own closes with its connection");
        }
    }

    @Test
    void withoutTheTransportEveryConnectionHasAChannelOfItsOwn() {
        scope.close();
        ManagedChannel first = channelOf(plain(DEAD, Duration.ofSeconds(1)));
        assertTrue(first.isShutdown());
        assertNotSame(first, channelOf(plain(DEAD, Duration.ofSeconds(1))));
    }
}
