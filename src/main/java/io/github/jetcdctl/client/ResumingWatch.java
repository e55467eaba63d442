package io.github.jetcdctl.client;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.etcd.jetcd.api.WatchCreateRequest;
import io.etcd.jetcd.api.WatchGrpc;
import io.etcd.jetcd.api.WatchProgressRequest;
import io.etcd.jetcd.api.WatchRequest;
import io.etcd.jetcd.api.WatchResponse;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;

/**
 * One watch on etcd's raw Watch stream that survives member restarts and leader changes: when the stream
 * fails as unavailable it is opened again, on whichever endpoint is ready, from the revision after the last
 * one delivered, so no event is lost or repeated. Responses are handed out in order by {@link #next}.
 */
public final class ResumingWatch implements AutoCloseable {
    private static final Metadata.Key<String> HAS_LEADER =
            Metadata.Key.of("hasleader", Metadata.ASCII_STRING_MARSHALLER);
    private static final long MAX_BACKOFF_MILLIS = 1000;

    private final EtcdConnection connection;
    private final WatchCreateRequest request;
    private final BlockingQueue<Item> items = new LinkedBlockingQueue<>();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "jetcdctl-watch-retry");
        thread.setDaemon(true);
        return thread;
    });
    private final Object lock = new Object();
    private ClientCallStreamObserver<WatchRequest> requests;
    /** The revision to resume from; 0 until the first watch is created when watching from "now". */
    private long nextRevision;
    private long backoffMillis;
    private boolean closed;

    /** The next thing {@link #next} hands out: a response for the user, or the end of the watch. */
    public record Item(WatchResponse response, Status failure) {
        public boolean isEnd() {
            return response == null;
        }
    }

    public ResumingWatch(EtcdConnection connection, WatchCreateRequest request) {
        this.connection = connection;
        this.request = request;
        this.nextRevision = request.getStartRevision();
    }

    public void start() {
        synchronized (lock) {
            open();
        }
    }

    /** Blocks until the next response (created notifications are not handed out) or the end. */
    public Item next() throws InterruptedException {
        return items.take();
    }

    /** Asks the server for a progress notification on this watch's stream. */
    public void requestProgress() {
        synchronized (lock) {
            if (requests != null && !closed) {
                requests.onNext(WatchRequest.newBuilder()
                        .setProgressRequest(WatchProgressRequest.getDefaultInstance()).build());
            }
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            if (requests != null) {
                requests.cancel("watch closed", null);
            }
        }
        retries.shutdownNow();
    }

    private void open() {
        Metadata leaderRequired = new Metadata();
        leaderRequired.put(HAS_LEADER, "true");
        WatchCreateRequest create = request.toBuilder().setStartRevision(nextRevision).build();
        Observer observer = new Observer();
        StreamObserver<WatchRequest> stream = connection.stubWithoutDeadline(WatchGrpc::newStub)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(leaderRequired))
                .watch(observer);
        requests = observer.stream;
        stream.onNext(WatchRequest.newBuilder().setCreateRequest(create).build());
    }

    private void reopenLater() {
        long delay = backoffMillis;
        backoffMillis = Math.min(MAX_BACKOFF_MILLIS, Math.max(50, backoffMillis * 2));
        retries.schedule(() -> {
            synchronized (lock) {
                if (!closed) {
                    open();
                }
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    /** Whether the cluster may serve this watch again: a member went away or lost its leader. */
    private static boolean isTransient(Status status) {
        return status.getCode() == Status.Code.UNAVAILABLE
                || status.getCode() == Status.Code.INTERNAL
                || status.getCode() == Status.Code.UNKNOWN;
    }

    private final class Observer implements ClientResponseObserver<WatchRequest, WatchResponse> {
        private ClientCallStreamObserver<WatchRequest> stream;

        @Override
        public void beforeStart(ClientCallStreamObserver<WatchRequest> requestStream) {
            stream = requestStream;
        }

        @Override
        public void onNext(WatchResponse response) {
            synchronized (lock) {
                if (closed || stream != requests) {
                    return;
                }
                backoffMillis = 0;
                if (response.getCreated() && !response.getCanceled()) {
                    if (nextRevision == 0) {
                        nextRevision = response.getHeader().getRevision() + 1;
                    }
                    return;
                }
                if (response.getCanceled() && response.getCompactRevision() == 0) {
                    // etcd's client closes such a watch without handing the response to etcdctl
                    end(null);
                    return;
                }
                if (response.getEventsCount() > 0) {
                    nextRevision = response.getEvents(response.getEventsCount() - 1).getKv().getModRevision() + 1;
                }
                items.add(new Item(response, null));
                if (response.getCanceled()) {
                    end(null);
                }
            }
        }

        @Override
        public void onError(Throwable error) {
            synchronized (lock) {
                if (closed || stream != requests) {
                    return;
                }
                Status status = Status.fromThrowable(error);
                if (isTransient(status)) {
                    reopenLater();
                } else {
                    end(status);
                }
            }
        }

        private void end(Status failure) {
            closed = true;
            stream.cancel("watch ended", null);
            items.add(new Item(null, failure));
        }

        @Override
        public void onCompleted() {
            onError(Status.UNAVAILABLE.withDescription("watch stream ended").asRuntimeException());
        }
    }
}
