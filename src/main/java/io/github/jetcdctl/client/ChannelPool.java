package io.github.jetcdctl.client;

import java.time.Duration;
import java.util.List;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;

/** Several connections to one cluster on a shared event loop (see {@link ClientFactory#moreChannels}). */
public final class ChannelPool implements AutoCloseable {
    private final List<ManagedChannel> channels;
    private final TokenInterceptor token;
    private final EventLoopGroup eventLoop;
    private final Duration dialTimeout;

    ChannelPool(List<ManagedChannel> channels, TokenInterceptor token, EventLoopGroup eventLoop,
            Duration dialTimeout) {
        this.channels = List.copyOf(channels);
        this.token = token;
        this.eventLoop = eventLoop;
        this.dialTimeout = dialTimeout;
    }

    /** The channels to call through, with the first connection's auth token. */
    public List<Channel> channels() {
        return channels.stream().map(channel -> ClientInterceptors.intercept(channel, token)).toList();
    }

    /**
     * Connects every channel at once and waits until all are ready, giving each the dial timeout after the one
     * before it (etcdctl dials its clients one after the other, each with the dial timeout; hundreds of
     * connections take a while on a busy machine); fails as {@link EtcdConnection} does when one is not.
     */
    public void awaitConnected() {
        if (dialTimeout.isZero()) {
            return;
        }
        channels.forEach(channel -> channel.getState(true));
        try {
            for (ManagedChannel channel : channels) {
                if (!ClientFactory.awaitReady(channel, dialTimeout.toNanos())) {
                    throw new CliException(ExitCodes.ERROR, "context deadline exceeded");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCodes.ERROR, "context canceled");
        }
    }

    @Override
    public void close() {
        ClientFactory.shutDown(channels, eventLoop);
    }
}
