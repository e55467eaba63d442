package io.github.jetcdctl.client;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.etcd.jetcd.api.LeaseGrpc;
import io.etcd.jetcd.api.LeaseKeepAliveRequest;
import io.etcd.jetcd.api.LeaseKeepAliveResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;

/** One {@code LeaseKeepAlive} stream, used request by request: send an ID, wait for its answer. */
public final class KeepAliveStream implements AutoCloseable {
    private final BlockingQueue<Object> arrivals = new LinkedBlockingQueue<>();
    private final StreamObserver<LeaseKeepAliveRequest> requests;

    /** Opens the stream; fails like every call when no endpoint connects within the dial timeout. */
    public KeepAliveStream(EtcdConnection connection) {
        requests = connection.stubWithoutDeadline(LeaseGrpc::newStub).leaseKeepAlive(new StreamObserver<>() {
            @Override
            public void onNext(LeaseKeepAliveResponse response) {
                arrivals.add(response);
            }

            @Override
            public void onError(Throwable t) {
                arrivals.add(t);
            }

            @Override
            public void onCompleted() {
                arrivals.add(Status.UNAVAILABLE.withDescription("keep-alive stream closed by the server")
                        .asRuntimeException());
            }
        });
    }

    /** The server's answer, or null when none came within {@code wait}. */
    public LeaseKeepAliveResponse keepAlive(long leaseId, Duration wait) throws InterruptedException {
        requests.onNext(LeaseKeepAliveRequest.newBuilder().setID(leaseId).build());
        Object arrival = arrivals.poll(Math.max(0, wait.toNanos()), TimeUnit.NANOSECONDS);
        if (arrival instanceof StatusRuntimeException e) {
            throw e;
        }
        if (arrival instanceof Throwable t) {
            throw Status.fromThrowable(t).asRuntimeException();
        }
        return (LeaseKeepAliveResponse) arrival;
    }

    @Override
    public void close() {
        try {
            requests.onCompleted();
        } catch (RuntimeException ignored) {
            // the stream may already have failed
        }
    }
}
