package io.github.jetcdctl.recovery;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.ByteString;

import io.etcd.jetcd.api.Event;
import io.etcd.jetcd.api.KVGrpc;
import io.etcd.jetcd.api.KeyValue;
import io.etcd.jetcd.api.RangeRequest;
import io.etcd.jetcd.api.RangeResponse;
import io.etcd.jetcd.api.WatchCreateRequest;
import io.etcd.jetcd.api.WatchResponse;
import io.github.jetcdctl.client.EtcdConnection;
import io.github.jetcdctl.client.GrpcErrors;
import io.github.jetcdctl.client.ResumingWatch;
import io.grpc.StatusRuntimeException;

/**
 * Adds a range's history kept by the live cluster to a {@link KeyHistory}: the range as it was at the compact
 * revision (its keys' newest changes up to the compaction, all the cluster still has from before), then every
 * change since from a watch that starts there, until a progress notification says the watch has caught up with
 * the revision the cluster was at when the history was asked for.
 */
public final class LiveHistory {
    /** The name entries found in the live cluster carry. */
    public static final String SOURCE = "cluster";
    private static final long PROGRESS_INTERVAL_MILLIS = 200;

    private LiveHistory() {
    }

    public static void read(EtcdConnection connection, ByteString key, ByteString rangeEnd, KeyHistory history)
            throws InterruptedException {
        RangeRequest now = RangeRequest.newBuilder().setKey(key).setRangeEnd(rangeEnd).setCountOnly(true).build();
        long current = EtcdConnection.call(() -> connection.stub(KVGrpc::newBlockingStub).range(now))
                .getHeader().getRevision();
        long compacted = watchFrom(connection, key, rangeEnd, 1, current, history);
        if (compacted > 0) {
            RangeRequest atCompaction = RangeRequest.newBuilder().setKey(key).setRangeEnd(rangeEnd)
                    .setRevision(compacted).build();
            RangeResponse kept = EtcdConnection.call(() -> connection.stub(KVGrpc::newBlockingStub)
                    .range(atCompaction));
            for (KeyValue kv : kept.getKvsList()) {
                history.add(SOURCE, kv.getModRevision(), kv, false);
            }
            watchFrom(connection, key, rangeEnd, compacted + 1, current, history);
        }
        history.sourceRead(SOURCE, compacted);
    }

    /** Watches from {@code start} up to {@code until}; returns the compact revision if {@code start} is older. */
    private static long watchFrom(EtcdConnection connection, ByteString key, ByteString rangeEnd, long start,
            long until, KeyHistory history) throws InterruptedException {
        if (start > until) {
            return 0;
        }
        WatchCreateRequest request = WatchCreateRequest.newBuilder().setKey(key).setRangeEnd(rangeEnd)
                .setStartRevision(start).build();
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "jetcdctl-history-progress");
            thread.setDaemon(true);
            return thread;
        });
        try (ResumingWatch watch = new ResumingWatch(connection, request)) {
            watch.start();
            // a member answers a progress request only once the watch has caught up; ask until it has
            progress.scheduleWithFixedDelay(watch::requestProgress, PROGRESS_INTERVAL_MILLIS,
                    PROGRESS_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
            while (true) {
                ResumingWatch.Item item = watch.next();
                if (item.isEnd()) {
                    if (item.failure() != null) {
                        throw new RecoveryException(GrpcErrors.message(new StatusRuntimeException(item.failure())));
                    }
                    throw new RecoveryException("the watch for the history ended before revision " + until);
                }
                WatchResponse response = item.response();
                if (response.getCompactRevision() > 0) {
                    return response.getCompactRevision();
                }
                long last = 0;
                for (Event event : response.getEventsList()) {
                    boolean delete = event.getType() == Event.EventType.DELETE;
                    KeyValue kv = event.getKv();
                    history.add(SOURCE, kv.getModRevision(), delete ? kv.toBuilder().clearModRevision().build() : kv,
                            delete);
                    last = kv.getModRevision();
                }
                if (last >= until || (response.getEventsCount() == 0 && response.getHeader().getRevision() >= until)) {
                    return 0;
                }
            }
        } finally {
            progress.shutdownNow();
        }
    }
}
