package io.github.jetcdctl.cli.kv;

import static io.github.jetcdctl.testing.SideBySide.assertSameResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.google.protobuf.ByteString;

import io.etcd.jetcd.api.KVGrpc;
import io.etcd.jetcd.api.PutRequest;
import io.etcd.jetcd.api.RequestOp;
import io.etcd.jetcd.api.TxnRequest;
import io.github.jetcdctl.client.ClientFactory;
import io.github.jetcdctl.client.ConnectionSettings;
import io.github.jetcdctl.client.EtcdConnection;
import io.github.jetcdctl.testing.EtcdClusterExtension;
import io.github.jetcdctl.testing.Jetcdctl;

/**
 * Ranges larger than one page: jetcdctl reads them page by page at one revision, etcdctl in one request;
 * the bytes must be the same in every format, with and without --limit.
 */
class PagedRangeGoldenTest {
    @RegisterExtension
    static final EtcdClusterExtension ETCD = EtcdClusterExtension.single();

    /** ~22 MB of values: a first page of 1,000 keys, then pages of at least 16 MB, so three pages or more. */
    static final int KEYS = 15_000;

    @BeforeAll
    static void loadKeysOfVaryingSize() {
        ConnectionSettings settings = new ConnectionSettings(ETCD.cluster().clientEndpoints(), Duration.ofSeconds(5),
                Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofSeconds(6), true, false, "", "", "", "",
                "");
        try (EtcdConnection connection = ClientFactory.connect(settings)) {
            for (int i = 0; i < KEYS; i += 100) {
                TxnRequest.Builder txn = TxnRequest.newBuilder();
                for (int j = i; j < i + 100; j++) {
                    String key = String.format("/registry/pods/ns%d/pod-%05d", j % 7, j);
                    byte[] value = new byte[(j * 37) % 3000];
                    java.util.Arrays.fill(value, (byte) ('a' + j % 26));
                    txn.addSuccess(RequestOp.newBuilder().setRequestPut(PutRequest.newBuilder()
                            .setKey(ByteString.copyFromUtf8(key)).setValue(ByteString.copyFrom(value))));
                }
                connection.stub(KVGrpc::newBlockingStub).txn(txn.build());
            }
        }
    }

    @Test
    void pagedOutputEqualsEtcdctlsSingleResponse() {
        Jetcdctl jetcdctl = Jetcdctl.forCluster(ETCD.cluster());
        List<List<String>> reads = List.of(
                List.of("get", "/registry/", "--prefix"),
                List.of("get", "/registry/", "--prefix", "--keys-only"),
                List.of("get", "/registry/pods/ns3", "--prefix", "--limit=1500"),
                List.of("get", "/registry/", "--prefix", "--limit=2345"),
                List.of("get", "/registry/pods/ns1/pod-01000", "--from-key", "--limit=4000"),
                List.of("get", "", "--from-key", "--keys-only"),
                List.of("get", "/registry/pods/ns2/", "/registry/pods/ns5/"),
                List.of("get", "/registry/", "--prefix", "--rev=40"));
        for (List<String> read : reads) {
            for (String format : List.of("simple", "json", "fields", "protobuf")) {
                List<String> args = new ArrayList<>(read);
                args.add("-w=" + format);
                assertSameResult(ETCD.etcdctl().run(args), jetcdctl.run(args, null), String.join(" ", args));
            }
        }
    }
}
