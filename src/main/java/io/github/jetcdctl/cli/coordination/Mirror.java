package io.github.jetcdctl.cli.coordination;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.google.protobuf.ByteString;

import io.etcd.jetcd.api.DeleteRangeRequest;
import io.etcd.jetcd.api.Event;
import io.etcd.jetcd.api.KVGrpc;
import io.etcd.jetcd.api.KeyValue;
import io.etcd.jetcd.api.PutRequest;
import io.etcd.jetcd.api.RangeRequest;
import io.etcd.jetcd.api.RangeResponse;
import io.etcd.jetcd.api.RequestOp;
import io.etcd.jetcd.api.TxnRequest;
import io.etcd.jetcd.api.WatchCreateRequest;
import io.etcd.jetcd.api.WatchResponse;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.cli.Session;
import io.github.jetcdctl.client.EtcdConnection;
import io.github.jetcdctl.client.GrpcErrors;
import io.github.jetcdctl.client.KeyRanges;
import io.github.jetcdctl.client.ResumingWatch;
import io.github.jetcdctl.output.Output;

/**
 * The work of make-mirror: copy the keys under the prefix as of one revision, then apply every later event,
 * one transaction per revision. The running total goes to stdout every 30 seconds, as in etcdctl.
 */
final class Mirror {
    private static final long REPORT_SECONDS = 30;
    private static final int PAGE = 1000;

    private final EtcdConnection from;
    private final EtcdConnection to;
    private final Session session;
    private final String prefix;
    private final String destPrefix;
    /** The most operations in one transaction, as an unsigned number (etcdctl's uint): never reached when negative. */
    private final long maxTxnOps;
    private final AtomicLong total = new AtomicLong();

    Mirror(EtcdConnection from, EtcdConnection to, Session session, String prefix, String destPrefix,
            long maxTxnOps) {
        this.maxTxnOps = maxTxnOps;
        this.from = from;
        this.to = to;
        this.session = session;
        this.prefix = prefix;
        this.destPrefix = destPrefix;
    }

    /** Copies the keys and follows from there; or, given a start revision, follows the changes after it only. */
    void run(long startRevision) throws InterruptedException {
        ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "jetcdctl-mirror-report");
            thread.setDaemon(true);
            return thread;
        });
        reporter.scheduleAtFixedRate(this::report, REPORT_SECONDS, REPORT_SECONDS, TimeUnit.SECONDS);
        try {
            applyUpdates(startRevision != 0 ? startRevision : copyBase());
        } finally {
            reporter.shutdownNow();
        }
    }

    private void report() {
        Output out = session.out();
        synchronized (out) {
            out.println(Long.toString(total.get()));
            out.flush();
        }
    }

    private long copyBase() {
        long revision = EtcdConnection.call(() -> from.stubWithoutDeadline(KVGrpc::newBlockingStub)
                .range(RangeRequest.newBuilder().setKey(ByteString.copyFromUtf8("foo")).build()))
                .getHeader().getRevision();
        byte[][] range = KeyRanges.expand(utf8(prefix), true);
        byte[] key = range[0];
        byte[] end = range[1];
        while (true) {
            RangeRequest page = RangeRequest.newBuilder().setKey(ByteString.copyFrom(key))
                    .setRangeEnd(ByteString.copyFrom(end)).setLimit(PAGE).setRevision(revision).build();
            RangeResponse response = EtcdConnection.call(
                    () -> from.stubWithoutDeadline(KVGrpc::newBlockingStub).range(page));
            for (KeyValue kv : response.getKvsList()) {
                PutRequest put = PutRequest.newBuilder().setKey(destination(kv.getKey()))
                        .setValue(kv.getValue()).build();
                EtcdConnection.call(() -> to.stubWithoutDeadline(KVGrpc::newBlockingStub).put(put));
                total.incrementAndGet();
            }
            if (!response.getMore() || response.getKvsCount() == 0) {
                return revision;
            }
            byte[] last = response.getKvs(response.getKvsCount() - 1).getKey().toByteArray();
            key = Arrays.copyOf(last, last.length + 1);
        }
    }

    private void applyUpdates(long revision) throws InterruptedException {
        byte[][] range = KeyRanges.expand(utf8(prefix), true);
        byte[] key = range[0];
        byte[] end = range[1];
        WatchCreateRequest request = WatchCreateRequest.newBuilder().setKey(ByteString.copyFrom(key))
                .setRangeEnd(ByteString.copyFrom(end)).setStartRevision(revision + 1).build();
        try (ResumingWatch watch = new ResumingWatch(from, request)) {
            watch.start();
            while (true) {
                ResumingWatch.Item item = watch.next();
                if (item.isEnd()) {
                    String reason = item.failure() == null ? "watch is canceled by the server"
                            : GrpcErrors.message(item.failure().asRuntimeException());
                    throw new CliException(ExitCodes.ERROR, reason);
                }
                apply(item.response());
            }
        }
    }

    /**
     * Events of one revision go to the destination in one transaction, or in several of at most {@code maxTxnOps}
     * operations (with 0, as in etcdctl, an empty one before the first event).
     */
    private void apply(WatchResponse response) {
        if (response.getCompactRevision() != 0) {
            throw new CliException(ExitCodes.ERROR, "etcdserver: mvcc: required revision has been compacted");
        }
        List<RequestOp> ops = new ArrayList<>();
        long lastRevision = 0;
        for (Event event : response.getEventsList()) {
            long revision = event.getKv().getModRevision();
            if (lastRevision != 0 && revision > lastRevision) {
                commit(ops);
                ops = new ArrayList<>();
            }
            lastRevision = revision;
            if (ops.size() == maxTxnOps) {
                commit(ops);
                ops = new ArrayList<>();
            }
            ByteString key = destination(event.getKv().getKey());
            if (event.getType() == Event.EventType.DELETE) {
                ops.add(RequestOp.newBuilder().setRequestDeleteRange(DeleteRangeRequest.newBuilder().setKey(key))
                        .build());
            } else {
                ops.add(RequestOp.newBuilder().setRequestPut(PutRequest.newBuilder().setKey(key)
                        .setValue(event.getKv().getValue())).build());
            }
            total.incrementAndGet();
        }
        if (!ops.isEmpty()) {
            commit(ops);
        }
    }

    private void commit(List<RequestOp> ops) {
        TxnRequest txn = TxnRequest.newBuilder().addAllSuccess(ops).build();
        EtcdConnection.call(() -> to.stubWithoutDeadline(KVGrpc::newBlockingStub).txn(txn));
    }

    /** etcdctl replaces the first occurrence of the prefix, wherever it is, as text. */
    private ByteString destination(ByteString sourceKey) {
        String key = sourceKey.toString(StandardCharsets.UTF_8);
        int at = key.indexOf(prefix);
        if (at < 0) {
            return sourceKey;
        }
        return ByteString.copyFromUtf8(key.substring(0, at) + destPrefix + key.substring(at + prefix.length()));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
