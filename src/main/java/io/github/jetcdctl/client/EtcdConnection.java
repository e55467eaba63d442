package io.github.jetcdctl.client;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.AbstractStub;

/**
 * An open connection: a gRPC channel with this connection's own auth token and calls. Commands call etcd's gRPC
 * API through {@link #stub} so that they receive the raw responses etcdctl prints. The channel is the
 * connection's own, or one the resident jetcdctl keeps between requests (see {@link SharedTransport}); the
 * token and the calls are never another connection's either way.
 */
public final class EtcdConnection implements AutoCloseable {
    /** Never called through directly: it carries no token (see {@link #calls}). */
    private final ManagedChannel managed;
    private final Channel calls;
    private final OpenCalls openCalls = new OpenCalls();
    private final ConnectionSettings settings;
    private boolean ready;
    /** Set while a batch shares this connection among its commands: their close() leaves it open. */
    private boolean shared;
    private boolean closed;

    private final ClientFactory.ChannelRecipe recipe;
    /** Shuts the channel (and its event loop) down, or hands a kept channel back. */
    private final Runnable release;

    EtcdConnection(ManagedChannel channel, ConnectionSettings settings, ClientFactory.ChannelRecipe recipe,
            Runnable release) {
        this.managed = channel;
        this.calls = ClientInterceptors.intercept(channel, recipe.token(), openCalls);
        this.settings = settings;
        this.recipe = recipe;
        this.release = release;
    }

    ClientFactory.ChannelRecipe recipe() {
        return recipe;
    }

    /** The channel to call etcd through, with this connection's token. */
    public Channel channel() {
        return calls;
    }

    /** The gRPC channel underneath, perhaps kept for other requests: never to call through (no token). */
    ManagedChannel managedChannel() {
        return managed;
    }

    public ConnectionSettings settings() {
        return settings;
    }

    /** A stub whose calls wait for the connection and end at --command-timeout. */
    public <S extends AbstractStub<S>> S stub(Function<Channel, S> newStub) {
        awaitReady(settings.dialTimeout());
        return newStub.apply(calls)
                .withWaitForReady()
                .withDeadlineAfter(settings.commandTimeout().toNanos(), TimeUnit.NANOSECONDS);
    }

    /** A stub without deadline, for calls etcdctl does not time out (txn, watch, lease keep-alive...). */
    public <S extends AbstractStub<S>> S stubWithoutDeadline(Function<Channel, S> newStub) {
        awaitReady(settings.dialTimeout());
        return newStub.apply(calls).withWaitForReady();
    }

    /** Runs one RPC and turns a gRPC failure into etcdctl's error line and exit code 1. */
    public static <T> T call(Supplier<T> rpc) {
        try {
            return rpc.get();
        } catch (StatusRuntimeException e) {
            throw new CliException(ExitCodes.ERROR, GrpcErrors.message(e), e);
        }
    }

    /** Connects now rather than at the first call, so that timing a call measures only the call. */
    public void awaitConnected() {
        awaitReady(settings.dialTimeout());
    }

    /**
     * Fails with etcdctl's {@code context deadline exceeded} when no endpoint accepts a connection within
     * the dial timeout. etcdctl itself waits for the whole command timeout; failing at the dial timeout is
     * one of our deliberate improvements.
     */
    void awaitReady(Duration dialTimeout) {
        if (ready || dialTimeout.isZero()) {
            return;
        }
        try {
            ready = ClientFactory.awaitReady(managed, dialTimeout.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCodes.ERROR, "context canceled");
        }
        if (!ready) {
            throw new CliException(ExitCodes.ERROR, "context deadline exceeded");
        }
    }

    EtcdConnection shared() {
        shared = true;
        return this;
    }

    /** Whether this connection was closed (a batch's shared one is closed only at the batch's end). */
    synchronized boolean isClosed() {
        return closed;
    }

    /** Closes the connection, unless a batch shares it ({@link ClientFactory#closeSharedConnections}). */
    @Override
    public void close() {
        if (!shared) {
            closeNow();
        }
    }

    /** Cancels this connection's calls and releases its channel (closed, or handed back if kept). */
    void closeNow() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        openCalls.cancelAll();
        release.run();
    }
}
