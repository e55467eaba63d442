package io.github.jetcdctl.check;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import io.etcd.jetcd.api.KVGrpc;
import io.etcd.jetcd.api.PutRequest;
import io.etcd.jetcd.api.PutResponse;
import io.github.jetcdctl.client.GrpcErrors;
import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;

/**
 * etcdctl's check clients, asynchronously: each client (one connection) has at most one put in flight, and
 * up to one put per client waits in a queue for the next free one, as in etcdctl's buffered request channel;
 * the producer waits when the queue is full. A put's latency runs from its send to its answer, measured on
 * the I/O thread that receives it, so time spent queued here is not counted, as in etcdctl.
 */
public final class PutLoad {
    private final List<KVGrpc.KVStub> clients = new ArrayList<>();
    private final Latencies latencies;
    private final Runnable afterEachAnswer;
    private final Object lock = new Object();
    private final ArrayDeque<Integer> idle = new ArrayDeque<>();
    private final ArrayDeque<PutRequest> queued = new ArrayDeque<>();

    /** Makes a run's puts with {@link #submit}; an interrupt ends it early. */
    public interface Producer {
        void submitAll(PutLoad puts) throws InterruptedException;
    }

    /** {@code afterEachAnswer} runs on an I/O thread after every answer, success or error; keep it short. */
    PutLoad(List<Channel> channels, Latencies latencies, Runnable afterEachAnswer) {
        for (Channel channel : channels) {
            idle.add(clients.size());
            // the answer is handled on the I/O thread that reads it: no hand-over delays the latency's end
            clients.add(KVGrpc.newStub(channel).withExecutor(Runnable::run));
        }
        this.latencies = latencies;
        this.afterEachAnswer = afterEachAnswer;
    }

    /**
     * One run: the producer's puts over these channels (one client each), then the wait for the answers still
     * outstanding, timed from start to last answer. An interrupt ends the producer early and stays set for the
     * caller to see. {@code maxPuts} bounds what the producer may submit.
     */
    public static LoadStats run(List<Channel> channels, int maxPuts, Runnable afterEachAnswer, Producer producer) {
        Latencies latencies = new Latencies(maxPuts);
        PutLoad puts = new PutLoad(channels, latencies, afterEachAnswer);
        long start = System.nanoTime();
        boolean interrupted = false;
        try {
            producer.submitAll(puts);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        puts.awaitAnswers();
        long total = System.nanoTime() - start;
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return latencies.stats(total);
    }

    /**
     * Sends the put on a free client, or queues it while all are busy; waits while the queue is full. Returns
     * whether it had to wait, that is whether the cluster held the load back.
     */
    public boolean submit(PutRequest request) throws InterruptedException {
        int client;
        boolean waited = false;
        synchronized (lock) {
            while (idle.isEmpty() && queued.size() >= clients.size()) {
                waited = true;
                lock.wait();
            }
            if (idle.isEmpty()) {
                queued.add(request);
                return waited;
            }
            client = idle.poll();
        }
        send(client, request);
        return waited;
    }

    /** Waits until every put submitted has been answered; an interrupt is kept for the caller, not obeyed. */
    public void awaitAnswers() {
        boolean interrupted = false;
        synchronized (lock) {
            while (idle.size() < clients.size() || !queued.isEmpty()) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(int client, PutRequest request) {
        long start = System.nanoTime();
        clients.get(client).put(request, new StreamObserver<>() {
            @Override
            public void onNext(PutResponse response) {
            }

            @Override
            public void onError(Throwable t) {
                latencies.recordError(t instanceof StatusRuntimeException e ? GrpcErrors.message(e) : t.toString());
                answered(client);
            }

            @Override
            public void onCompleted() {
                latencies.recordSuccess(System.nanoTime() - start);
                answered(client);
            }
        });
    }

    private void answered(int client) {
        afterEachAnswer.run();
        PutRequest next;
        synchronized (lock) {
            next = queued.poll();
            if (next == null) {
                idle.add(client);
            }
            lock.notifyAll();
        }
        if (next != null) {
            send(client, next);
        }
    }
}
