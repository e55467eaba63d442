package io.github.jetcdctl.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.google.protobuf.ByteString;

import io.etcd.jetcd.api.KVGrpc;
import io.etcd.jetcd.api.RangeRequest;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.testing.EtcdClusterExtension;
import io.github.jetcdctl.testing.Jetcdctl;
import io.grpc.ManagedChannel;

/**
 * Authentication on the resident jetcdctl's shared transport against a real etcd with auth on (its own
 * cluster: enabling auth changes it for good): requests with different credentials share a channel, and each,
 * running at the same time as the others, acts as its own user only; a request without credentials is
 * anonymous on that same channel.
 */
class SharedTransportAuthTest {
    @RegisterExtension
    static final EtcdClusterExtension ETCD = EtcdClusterExtension.single();
    private static final String DENIED = "etcdserver: permission denied";

    @BeforeAll
    static void enableAuthentication() {
        Jetcdctl jetcdctl = Jetcdctl.forCluster(ETCD.cluster());
        for (String[] args : List.of(new String[] {"put", "/alice/x", "a"}, new String[] {"put", "/bob/x", "b"},
                new String[] {"user", "add", "root:rootpw"}, new String[] {"user", "add", "alice:alicepw"},
                new String[] {"user", "add", "bob:bobpw"}, new String[] {"role", "add", "alice"},
                new String[] {"role", "add", "bob"},
                new String[] {"role", "grant-permission", "alice", "read", "/alice/", "--prefix"},
                new String[] {"role", "grant-permission", "bob", "read", "/bob/", "--prefix"},
                new String[] {"user", "grant-role", "alice", "alice"},
                new String[] {"user", "grant-role", "bob", "bob"}, new String[] {"auth", "enable"})) {
            assertEquals(0, jetcdctl.run(args).exitCode(), String.join(" ", args));
        }
    }

    private static ConnectionSettings as(String user, String password) {
        return new ConnectionSettings(ETCD.cluster().clientEndpoints(), Duration.ofSeconds(5),
                Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofSeconds(6), true, false, "", "", "", user,
                password);
    }

    /** The value of {@code key} as this connection sees it, or etcd's refusal. */
    private static String read(EtcdConnection connection, String key) {
        try {
            var response = EtcdConnection.call(() -> connection.stub(KVGrpc::newBlockingStub)
                    .range(RangeRequest.newBuilder().setKey(ByteString.copyFromUtf8(key)).build()));
            return response.getKvs(0).getValue().toStringUtf8();
        } catch (CliException e) {
            return e.getMessage();
        }
    }

    @Test
    void concurrentRequestsWithOtherCredentialsShareTheChannelButNeverTheIdentity() throws Exception {
        try (SharedTransport transport = new SharedTransport(Duration.ofSeconds(60));
                ClientFactory.TransportScope scope = ClientFactory.useSharedTransport(transport)) {
            ManagedChannel shared;
            try (EtcdConnection alice = ClientFactory.connect(as("alice", "alicepw"));
                    EtcdConnection bob = ClientFactory.connect(as("bob", "bobpw"))) {
                shared = alice.managedChannel();
                assertSame(shared, bob.managedChannel(), "credentials are not part of what a channel is");
            }
            int rounds = 20;
            CyclicBarrier together = new CyclicBarrier(3);
            ExecutorService requests = Executors.newFixedThreadPool(3); // threads started here: in the scope
            try {
                List<Future<List<String>>> seen = new ArrayList<>();
                for (String[] who : List.of(new String[] {"alice", "alicepw"}, new String[] {"bob", "bobpw"},
                        new String[] {"", ""})) {
                    seen.add(requests.submit(() -> {
                        List<String> answers = new ArrayList<>();
                        for (int i = 0; i < rounds; i++) {
                            together.await(30, TimeUnit.SECONDS); // each round's requests run side by side
                            try (EtcdConnection connection = ClientFactory.connect(as(who[0], who[1]))) {
                                assertSame(shared, connection.managedChannel());
                                answers.add(read(connection, "/alice/x") + " | " + read(connection, "/bob/x"));
                            }
                        }
                        return answers;
                    }));
                }
                assertEquals(List.of("a | " + DENIED), seen.get(0).get(2, TimeUnit.MINUTES).stream().distinct()
                        .toList(), "alice reads her key and never bob's");
                assertEquals(List.of(DENIED + " | b"), seen.get(1).get(2, TimeUnit.MINUTES).stream().distinct()
                        .toList(), "bob reads his key and never alice's");
                String anonymous = "etcdserver: user name is empty";
                assertEquals(List.of(anonymous + " | " + anonymous), seen.get(2).get(2, TimeUnit.MINUTES).stream()
                        .distinct().toList(), "no credentials: nobody's token");
            } finally {
                requests.shutdownNow();
            }
        }
    }
}
