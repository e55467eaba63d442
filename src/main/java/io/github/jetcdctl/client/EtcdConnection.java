package io.github.jetcdctl.client;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.AbstractStub;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;

/**
 * An open connection: a gRPC channel and the event loop it runs on. Commands call etcd's gRPC API through
 * {@link #stub} so that they receive the raw responses etcdctl prints.
 */
public final class EtcdConnection implements AutoCloseable {
    private final ManagedChannel channel;
    private final ConnectionSettings settings;
    private boolean ready;
    /** Set while a batch shares this connection among its commands: their close() leaves it open. */
    private boolean shared;

    private final EventLoopGroup eventLoop;
    private final ClientFactory.ChannelRecipe recipe;

    EtcdConnection(ManagedChannel channel, EventLoopGroup eventLoop, ConnectionSettings settings,
            ClientFactory.ChannelRecipe recipe) {
        this.channel = channel;
        this.eventLoop = eventLoop;
        this.settings = settings;
        this.recipe = recipe;
    }

    ClientFactory.ChannelRecipe recipe() {
        return recipe;
    }

    public Channel channel() {
        return channel;
    }

    public ConnectionSettings settings() {
        return settings;
    }

    /** A stub whose calls wait for the connection and end at --command-timeout. */
    public <S extends AbstractStub<S>> S stub(Function<Channel, S> newStub) {
        awaitReady(settings.dialTimeout());
        return newStub.apply(channel)
                .withWaitForReady()
                .withDeadlineAfter(settings.commandTimeout().toNanos(), TimeUnit.NANOSECONDS);
    }

    /** A stub without deadline, for calls etcdctl does not time out (txn, watch, lease keep-alive...). */
    public <S extends AbstractStub<S>> S stubWithoutDeadline(Function<Channel, S> newStub) {
        awaitReady(settings.dialTimeout());
        return newStub.apply(channel).withWaitForReady();
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
            ready = ClientFactory.awaitReady(channel, dialTimeout.toNanos());
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

    /** Closes the connection, unless a batch shares it ({@link ClientFactory#closeSharedConnections}). */
    @Override
    public void close() {
        if (!shared) {
            closeNow();
        }
    }

    /** Closes the channel and the event loop, and waits for them so that no thread lingers. */
    void closeNow() {
        channel.shutdownNow();
        try {
            channel.awaitTermination(1, TimeUnit.SECONDS);
            eventLoop.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).await(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
