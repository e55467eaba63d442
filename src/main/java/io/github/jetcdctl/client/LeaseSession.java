package io.github.jetcdctl.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.etcd.jetcd.api.LeaseGrantRequest;
import io.etcd.jetcd.api.LeaseGrpc;
import io.etcd.jetcd.api.LeaseKeepAliveRequest;
import io.etcd.jetcd.api.LeaseKeepAliveResponse;
import io.etcd.jetcd.api.LeaseRevokeRequest;
import io.grpc.stub.StreamObserver;

/**
 * A lease kept alive for as long as a lock or election needs it, as etcd's concurrency session does: a
 * keep-alive every third of the TTL, a new keep-alive stream when one fails, and the session is over once
 * the server says the lease is gone or no keep-alive got through for a whole TTL.
 */
public final class LeaseSession implements AutoCloseable {
    private final EtcdConnection connection;
    private final long leaseId;
    private final long ttlSeconds;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "jetcdctl-lease-keepalive");
        thread.setDaemon(true);
        return thread;
    });
    private StreamObserver<LeaseKeepAliveRequest> keepAlives;
    private volatile long lastAliveNanos = System.nanoTime();

    private LeaseSession(EtcdConnection connection, long leaseId, long ttlSeconds) {
        this.connection = connection;
        this.leaseId = leaseId;
        this.ttlSeconds = ttlSeconds;
    }

    /** Grants a lease of {@code ttlSeconds} (no deadline, as etcdctl) and starts keeping it alive. */
    public static LeaseSession open(EtcdConnection connection, long ttlSeconds) {
        long id = EtcdConnection.call(() -> connection.stubWithoutDeadline(LeaseGrpc::newBlockingStub)
                .leaseGrant(LeaseGrantRequest.newBuilder().setTTL(ttlSeconds).build())).getID();
        LeaseSession session = new LeaseSession(connection, id, ttlSeconds);
        long periodMillis = Math.max(500, ttlSeconds * 1000 / 3);
        session.timer.scheduleWithFixedDelay(session::keepAlive, 0, periodMillis, TimeUnit.MILLISECONDS);
        return session;
    }

    public long leaseId() {
        return leaseId;
    }

    /** Completes when the lease expired or could not be kept alive. */
    public CompletableFuture<Void> done() {
        return done;
    }

    private synchronized void keepAlive() {
        if (System.nanoTime() - lastAliveNanos > Duration.ofSeconds(ttlSeconds).toNanos()) {
            done.complete(null);
        }
        if (done.isDone()) {
            return;
        }
        if (keepAlives == null) {
            keepAlives = connection.stubWithoutDeadline(LeaseGrpc::newStub).leaseKeepAlive(new Responses());
        }
        keepAlives.onNext(LeaseKeepAliveRequest.newBuilder().setID(leaseId).build());
    }

    private synchronized void streamFailed() {
        keepAlives = null;
    }

    /** Stops the keep-alives and revokes the lease, so that whatever it holds goes at once. */
    @Override
    public void close() {
        timer.shutdownNow();
        synchronized (this) {
            if (keepAlives != null) {
                keepAlives.onCompleted();
            }
        }
        if (!done.isDone()) {
            try {
                connection.stub(LeaseGrpc::newBlockingStub)
                        .leaseRevoke(LeaseRevokeRequest.newBuilder().setID(leaseId).build());
            } catch (RuntimeException ignored) {
                // the lease expires by itself after its TTL
            }
        }
        done.complete(null);
    }

    private final class Responses implements StreamObserver<LeaseKeepAliveResponse> {
        @Override
        public void onNext(LeaseKeepAliveResponse response) {
            if (response.getTTL() <= 0) {
                done.complete(null);
            } else {
                lastAliveNanos = System.nanoTime();
            }
        }

        @Override
        public void onError(Throwable error) {
            streamFailed();
        }

        @Override
        public void onCompleted() {
            streamFailed();
        }
    }
}
