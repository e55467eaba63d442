package io.github.jetcdctl.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.google.protobuf.ByteString;

import io.etcd.jetcd.api.KVGrpc;
import io.etcd.jetcd.api.KeyValue;
import io.etcd.jetcd.api.PutRequest;
import io.etcd.jetcd.api.RangeRequest;
import io.etcd.jetcd.api.RangeResponse;
import io.etcd.jetcd.api.RequestOp;
import io.etcd.jetcd.api.ResponseHeader;
import io.etcd.jetcd.api.TxnRequest;
import io.github.jetcdctl.testing.EtcdClusterExtension;

/**
 * RangeScan against a real etcd: small pages decoded as they arrive hand over the same key-values, in the same
 * order, as one Range call, all at the first page's revision.
 */
class RangeScanTest {
    @RegisterExtension
    static final EtcdClusterExtension ETCD = EtcdClusterExtension.single();

    static final int KEYS = 2_500;

    private static EtcdConnection connect() {
        return ClientFactory.connect(new ConnectionSettings(ETCD.cluster().clientEndpoints(), Duration.ofSeconds(5),
                Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofSeconds(6), true, false, "", "", "", "",
                ""));
    }

    private static RangeRequest scanRange() {
        return RangeRequest.newBuilder().setKey(ByteString.copyFromUtf8("/scan/"))
                .setRangeEnd(ByteString.copyFromUtf8("/scan0")).build();
    }

    private static void put(EtcdConnection connection, String key, String value) {
        connection.stub(KVGrpc::newBlockingStub).put(PutRequest.newBuilder().setKey(ByteString.copyFromUtf8(key))
                .setValue(ByteString.copyFromUtf8(value)).build());
    }

    @BeforeAll
    static void load() {
        try (EtcdConnection connection = connect()) {
            for (int i = 0; i < KEYS; i += 100) {
                TxnRequest.Builder txn = TxnRequest.newBuilder();
                for (int j = i; j < i + 100; j++) {
                    txn.addSuccess(RequestOp.newBuilder().setRequestPut(PutRequest.newBuilder()
                            .setKey(ByteString.copyFromUtf8(String.format("/scan/%05d", j)))
                            .setValue(ByteString.copyFromUtf8("v".repeat(j % 300)))));
                }
                connection.stub(KVGrpc::newBlockingStub).txn(txn.build());
            }
        }
    }

    @Test
    void smallPagesHandOverWhatOneRangeCallReturnsAtTheFirstPagesRevision() {
        try (EtcdConnection connection = connect(); EtcdConnection writer = connect()) {
            RangeResponse whole = connection.stub(KVGrpc::newBlockingStub).range(scanRange());
            List<KeyValue> scanned = new ArrayList<>();
            AtomicInteger writes = new AtomicInteger();
            String added = "/scan/99999-" + System.nanoTime();
            // pages of ~8 KB: the first of 1,000 keys, then dozens; a key written after the first page is not seen
            ResponseHeader header = RangeScan.scan(connection, scanRange(), 8 << 10, kv -> {
                scanned.add(kv);
                if (scanned.size() == 1_000) {
                    put(writer, added, "written while scanning");
                    put(writer, "/scan/00002", "rewritten while scanning");
                    writes.incrementAndGet();
                }
            });
            assertEquals(1, writes.get());
            assertEquals(whole.getHeader().getRevision(), header.getRevision());
            assertTrue(scanned.size() >= KEYS, scanned.size() + " keys");
            assertEquals(whole.getKvsList(), scanned);
            assertEquals(whole.getCount() + 1, connection.stub(KVGrpc::newBlockingStub).range(scanRange()).getCount(),
                    "the key written during the scan is there, after the scan's revision");
        }
    }

    @Test
    void anEmptyRangeHandsOverNothing() {
        try (EtcdConnection connection = connect()) {
            List<KeyValue> scanned = new ArrayList<>();
            RangeRequest none = RangeRequest.newBuilder().setKey(ByteString.copyFromUtf8("/none/"))
                    .setRangeEnd(ByteString.copyFromUtf8("/none0")).build();
            ResponseHeader header = RangeScan.scan(connection, none, 1 << 20, scanned::add);
            assertTrue(header.getRevision() > 0);
            assertEquals(List.of(), scanned);
        }
    }
}
