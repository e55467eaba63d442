package io.github.jetcdctl.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

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
import io.etcd.jetcd.api.TxnRequest;
import io.github.jetcdctl.output.RangeListing;
import io.github.jetcdctl.testing.EtcdClusterExtension;

/**
 * RangePager's later pages decoded as they arrive, against a real etcd: a reader slower than the command timeout
 * still gets the whole range (the page was received in time; only its decoding waits for the reader), and a
 * listing left half-read stops its page thread once its connection closes.
 */
class RangePagerStreamTest {
    @RegisterExtension
    static final EtcdClusterExtension ETCD = EtcdClusterExtension.single();

    /** A first page of 1,000 keys, then one page of 5,000: far more than the queue to the reader holds. */
    static final int KEYS = 6_000;

    private static EtcdConnection connect(Duration commandTimeout) {
        return ClientFactory.connect(new ConnectionSettings(ETCD.cluster().clientEndpoints(), Duration.ofSeconds(5),
                commandTimeout, Duration.ofSeconds(2), Duration.ofSeconds(6), true, false, "", "", "", "", ""));
    }

    private static RangeRequest range() {
        return RangeRequest.newBuilder().setKey(ByteString.copyFromUtf8("/page/"))
                .setRangeEnd(ByteString.copyFromUtf8("/page0")).build();
    }

    @BeforeAll
    static void load() {
        try (EtcdConnection connection = connect(Duration.ofSeconds(30))) {
            for (int i = 0; i < KEYS; i += 100) {
                TxnRequest.Builder txn = TxnRequest.newBuilder();
                for (int j = i; j < i + 100; j++) {
                    txn.addSuccess(RequestOp.newBuilder().setRequestPut(PutRequest.newBuilder()
                            .setKey(ByteString.copyFromUtf8(String.format("/page/%05d", j)))
                            .setValue(ByteString.copyFromUtf8("v".repeat(j % 500)))));
                }
                connection.stub(KVGrpc::newBlockingStub).txn(txn.build());
            }
        }
    }

    private static long pageThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("range-page")).count();
    }

    @Test
    void aReaderSlowerThanTheCommandTimeoutGetsTheWholeRange() throws InterruptedException {
        try (EtcdConnection connection = connect(Duration.ofSeconds(1))) {
            RangeResponse whole = connection.stub(KVGrpc::newBlockingStub).range(range());
            RangeListing listing = RangePager.fetch(connection, range());
            assertEquals(KEYS, listing.count());
            List<KeyValue> read = new ArrayList<>();
            for (KeyValue kv : listing.kvs()) {
                read.add(kv);
                if (read.size() == 1_500) {
                    Thread.sleep(2_500); // the second page's call outlives its 1 s deadline, waiting for this reader
                }
            }
            assertEquals(whole.getKvsList(), read);
        }
    }

    @Test
    void aHalfReadListingStopsReadingPagesWhenItsConnectionCloses() throws InterruptedException {
        long before = pageThreads();
        Iterator<KeyValue> half;
        try (EtcdConnection connection = connect(Duration.ofSeconds(30))) {
            RangeListing listing = RangePager.fetch(connection, range());
            half = listing.kvs().iterator();
            for (int i = 0; i < 1_500; i++) {
                half.next();
            }
            assertEquals(before + 1, pageThreads(), "the later pages are read on a thread of their own");
        }
        for (int i = 0; i < 100 && pageThreads() > before; i++) {
            Thread.sleep(100);
        }
        assertEquals(before, pageThreads(), "the page thread ended with the connection");
        assertTrue(half.hasNext() || !half.hasNext()); // the iterator stays reachable until here
    }
}
