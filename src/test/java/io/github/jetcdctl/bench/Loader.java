package io.github.jetcdctl.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import com.google.protobuf.ByteString;

import io.etcd.jetcd.api.KVGrpc;
import io.etcd.jetcd.api.PutRequest;
import io.etcd.jetcd.api.RequestOp;
import io.etcd.jetcd.api.TxnRequest;
import io.github.jetcdctl.client.ClientFactory;
import io.github.jetcdctl.client.ConnectionSettings;
import io.github.jetcdctl.client.EtcdConnection;

/**
 * Loads Kubernetes-shaped keys ({@code <prefix>/ns<i%50>/pod-<i>}) for the benchmarks, 100 puts per
 * transaction with a bounded number in flight. Usage: {@code Loader ENDPOINT PREFIX COUNT VALUE_BYTES
 * [--paced]}; {@code --paced} writes one put per transaction, for the watch benchmark.
 */
public final class Loader {
    private Loader() {
    }

    public static void main(String[] args) throws Exception {
        String endpoint = args[0];
        String prefix = args[1];
        int count = Integer.parseInt(args[2]);
        int valueBytes = Integer.parseInt(args[3]);
        int perTxn = args.length > 4 && args[4].equals("--paced") ? 1 : 100;
        byte[] value = new byte[valueBytes];
        new Random(1).nextBytes(value);
        for (int i = 0; i < value.length; i++) {
            value[i] = (byte) ('a' + (value[i] & 0x0f));
        }
        ByteString v = ByteString.copyFrom(value);
        long start = System.nanoTime();
        putAll(endpoint, count, perTxn, i -> podKey(prefix, i), i -> v);
        System.err.printf("loaded %d keys of %d bytes under %s in %.1f s%n", count, valueBytes, prefix,
                (System.nanoTime() - start) / 1e9);
    }

    /** {@code <prefix>/ns<i%50>/pod-<i>}. */
    public static ByteString podKey(String prefix, int i) {
        return ByteString.copyFromUtf8(String.format("%s/ns%02d/pod-%07d", prefix, i % 50, i));
    }

    /** Puts keys {@code 0..count-1}, {@code perTxn} to a transaction, at most 16 transactions in flight. */
    public static void putAll(String endpoint, int count, int perTxn, IntFunction<ByteString> key,
            IntFunction<ByteString> value) throws Exception {
        ConnectionSettings settings = new ConnectionSettings(List.of(endpoint), Duration.ofSeconds(5),
                Duration.ofMinutes(2), Duration.ofSeconds(10), Duration.ofSeconds(20), true, false, "", "", "", "",
                "");
        try (EtcdConnection connection = ClientFactory.connect(settings)) {
            List<Future<?>> inFlight = new ArrayList<>();
            for (int i = 0; i < count; i += perTxn) {
                TxnRequest.Builder txn = TxnRequest.newBuilder();
                for (int j = i; j < Math.min(count, i + perTxn); j++) {
                    txn.addSuccess(RequestOp.newBuilder().setRequestPut(
                            PutRequest.newBuilder().setKey(key.apply(j)).setValue(value.apply(j))));
                }
                inFlight.add(connection.stub(KVGrpc::newFutureStub).txn(txn.build()));
                if (inFlight.size() >= 16) {
                    for (Future<?> f : inFlight) {
                        f.get();
                    }
                    inFlight.clear();
                }
            }
            for (Future<?> f : inFlight) {
                f.get();
            }
        }
    }
}
