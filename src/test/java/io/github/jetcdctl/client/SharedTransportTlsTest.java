package io.github.jetcdctl.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.google.protobuf.ByteString;

import io.etcd.jetcd.api.KVGrpc;
import io.etcd.jetcd.api.RangeRequest;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.testing.EtcdClusterExtension;
import io.github.jetcdctl.testing.TestCertificates;
import io.grpc.ManagedChannel;

/**
 * Mutual TLS on the resident jetcdctl's shared transport against a real etcd: a kept channel serves only the
 * TLS files it was built from, byte for byte; a CA file replaced under the same path is used at once.
 */
class SharedTransportTlsTest {
    @RegisterExtension
    static final EtcdClusterExtension ETCD = EtcdClusterExtension.mutualTls();

    @TempDir
    Path dir;

    private ConnectionSettings settings(Path cacert) {
        TestCertificates certificates = ETCD.cluster().certificates();
        return new ConnectionSettings(ETCD.cluster().clientUrls(), Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(2), Duration.ofSeconds(6), true, false, cacert.toString(),
                certificates.clientCert().toString(), certificates.clientKey().toString(), "", "");
    }

    /** Reads a key through a connection made now; returns the channel it went through. */
    private ManagedChannel get(ConnectionSettings settings) {
        try (EtcdConnection connection = ClientFactory.connect(settings)) {
            EtcdConnection.call(() -> connection.stub(KVGrpc::newBlockingStub)
                    .range(RangeRequest.newBuilder().setKey(ByteString.copyFromUtf8("tls")).build()));
            return connection.managedChannel();
        }
    }

    @Test
    void aReplacedCaFileIsUsedAtOnceAndTheOriginalContentsFindTheirChannelAgain() throws Exception {
        TestCertificates certificates = ETCD.cluster().certificates();
        Path cacert = dir.resolve("ca.pem");
        Files.copy(certificates.caCert(), cacert);
        try (SharedTransport transport = new SharedTransport(Duration.ofSeconds(60));
                ClientFactory.TransportScope scope = ClientFactory.useSharedTransport(transport)) {
            ManagedChannel first = get(settings(cacert));
            assertSame(first, get(settings(cacert)), "the same files: the kept channel, handshake done");

            Files.copy(certificates.otherCaCert(), cacert, StandardCopyOption.REPLACE_EXISTING);
            CliException refused = assertThrows(CliException.class, () -> get(settings(cacert)),
                    "a CA that did not sign the server's certificate");
            assertEquals("context deadline exceeded", refused.getMessage(), "no handshake within the dial timeout");

            Files.copy(certificates.caCert(), cacert, StandardCopyOption.REPLACE_EXISTING);
            assertSame(first, get(settings(cacert)));
            assertEquals("2 channels, 2 TLS contexts", transport.describe());
            assertNotSame(first, get(settings(certificates.caCert())), "another path, even with the same bytes");
        }
    }
}
