package io.github.jetcdctl.cli.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.google.protobuf.ByteString;

import io.etcd.jetcd.api.KVGrpc;
import io.etcd.jetcd.api.PutRequest;
import io.github.jetcdctl.client.ClientFactory;
import io.github.jetcdctl.client.ConnectionSettings;
import io.github.jetcdctl.client.EtcdConnection;
import io.github.jetcdctl.testing.BackgroundWatch;
import io.github.jetcdctl.testing.EtcdCluster;
import io.github.jetcdctl.testing.EtcdClusterExtension;
import io.github.jetcdctl.testing.ProcessResult;

/**
 * A {@code watch --prefix} on a 3-member cluster while puts run and every member, so also the one the
 * watch is connected to, is stopped and started again: each event is printed exactly once and in order.
 * The truth is etcdctl's replay of the same history afterwards. Set -Djetcdctl.watchRestartEvents to
 * change the number of puts (the 10,000 takes a few minutes).
 */
class WatchAcrossRestartsTest {
    @RegisterExtension
    static final EtcdClusterExtension ETCD = EtcdClusterExtension.threeMembers();

    static final int EVENTS = Integer.getInteger("jetcdctl.watchRestartEvents", 2000);
    static final int WRITERS = 4;

    @Test
    void everyEventIsPrintedOnceInOrderWhileMembersRestart() throws Exception {
        EtcdCluster cluster = ETCD.cluster();
        long startRevision = currentRevision() + 1;
        BackgroundWatch watch = BackgroundWatch.start(cluster.connectionFlags(), "watch", "--prefix", "r/");
        Thread.sleep(1500);

        AtomicInteger nextKey = new AtomicInteger();
        List<Thread> writers = new ArrayList<>();
        try (EtcdConnection connection = ClientFactory.connect(settings(cluster))) {
            for (int w = 0; w < WRITERS; w++) {
                Thread writer = new Thread(() -> {
                    for (int i; (i = nextKey.getAndIncrement()) < EVENTS; ) {
                        putUntilDone(connection, "r/" + i, "v" + i);
                    }
                });
                writer.start();
                writers.add(writer);
            }
            for (EtcdCluster.Member member : cluster.members()) {
                Thread.sleep(Math.max(300, EVENTS / 4));
                member.stop();
                Thread.sleep(1000);
                member.start();
            }
            for (Thread writer : writers) {
                writer.join();
            }
        }
        ProcessResult truth = ETCD.etcdctl().withTimeout(Duration.ofMinutes(2))
                .runFor(Duration.ofSeconds(5 + EVENTS / 1000), "watch", "--prefix", "r/", "--rev=" + startRevision);
        String actual = watch.stopAfterPrinting(truth.stdout(), Duration.ofSeconds(30));
        String expected = truth.stdoutText();
        long puts = expected.lines().filter(line -> line.equals("PUT")).count();
        assertTrue(puts >= EVENTS, "the history holds every put: " + puts);
        assertEquals(expected.lines().count(), actual.lines().count(), "number of printed lines; the watch's stderr: "
                + watch.errors());
        assertEquals(expected, actual, "every event once, in order");
    }

    private static void putUntilDone(EtcdConnection connection, String key, String value) {
        PutRequest request = PutRequest.newBuilder()
                .setKey(ByteString.copyFromUtf8(key)).setValue(ByteString.copyFromUtf8(value)).build();
        while (true) {
            try {
                connection.stub(KVGrpc::newBlockingStub).put(request);
                return;
            } catch (RuntimeException e) {
                // the member went away or has no leader yet; the put goes to another one
            }
        }
    }

    private static long currentRevision() {
        String json = ETCD.etcdctl().run("get", "r/", "--prefix", "-w", "json").stdoutText();
        return Long.parseLong(json.replaceAll(".*\"revision\":(\\d+).*\\s*", "$1"));
    }

    private static ConnectionSettings settings(EtcdCluster cluster) {
        return new ConnectionSettings(cluster.clientEndpoints(), Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofSeconds(2), Duration.ofSeconds(6), true, false, "", "", "", "", "");
    }
}
