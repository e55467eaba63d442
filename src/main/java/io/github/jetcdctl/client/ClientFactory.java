package io.github.jetcdctl.client;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.ByteString;

import io.etcd.jetcd.api.AuthGrpc;
import io.etcd.jetcd.api.AuthenticateRequest;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NegotiationType;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.ChannelOption;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.MultiThreadIoEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioIoHandler;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;

/**
 * The one place that connects to etcd. Every command that talks to etcd gets its connection here: one gRPC
 * channel for jetcd's generated stubs of etcd's API, configured from the same global flags: endpoints, TLS files,
 * timeouts, keepalive and credentials.
 */
public final class ClientFactory {
    /** Open connections by their settings while a batch runs (see {@link #shareConnections}), else null. */
    private static Map<ConnectionSettings, EtcdConnection> shared;

    private ClientFactory() {
    }

    /**
     * From now on, commands asking for the same settings get the same open connection, and closing it leaves
     * it open: {@code batch} pays for the connection (and the TLS handshake) once for all its commands.
     */
    public static synchronized void shareConnections() {
        if (shared == null) {
            shared = new HashMap<>();
        }
    }

    /** Closes every shared connection and ends sharing. */
    public static synchronized void closeSharedConnections() {
        if (shared != null) {
            shared.values().forEach(EtcdConnection::closeNow);
            shared = null;
        }
    }

    public static EtcdConnection connect(ConnectionSettings settings) {
        synchronized (ClientFactory.class) {
            if (shared != null) {
                EtcdConnection connection = shared.get(settings);
                if (connection == null) {
                    connection = open(settings).shared();
                    shared.put(settings, connection);
                }
                return connection;
            }
        }
        return open(settings);
    }

    private static EtcdConnection open(ConnectionSettings settings) {
        settings.messageLimits().check();
        if (settings.endpoints().isEmpty() || settings.endpoints().stream().allMatch(String::isBlank)) {
            throw new CliException(ExitCodes.BAD_CONNECTION, "etcdclient: no available endpoints");
        }
        List<Endpoint> endpoints = new ArrayList<>();
        for (String text : settings.endpoints()) {
            try {
                endpoints.add(Endpoint.parse(text));
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCodes.BAD_ARGS, e.getMessage());
            }
        }
        SslContext sslContext = null;
        if (settings.usesTls()) {
            try {
                sslContext = SslContexts.forSettings(settings);
            } catch (TlsConfigException e) {
                throw new CliException(ExitCodes.BAD_ARGS, e.getMessage());
            }
        }
        EndpointsResolver.register();
        String target = EndpointsResolver.target(endpoints, settings.serverName());
        TokenInterceptor token = new TokenInterceptor();
        EventLoopGroup eventLoop = new MultiThreadIoEventLoopGroup(1, daemonThreads(), NioIoHandler.newFactory());
        ManagedChannel channel = channel(target, settings, sslContext, token, eventLoop);
        EtcdConnection connection = new EtcdConnection(channel, eventLoop, settings,
                new ChannelRecipe(target, sslContext, token));
        try {
            if (settings.hasAuthToken()) {
                token.setToken(settings.authToken()); // etcdctl 3.7 sends it as given, without logging in
            } else if (settings.hasCredentials()) {
                authenticate(connection, settings, token);
            }
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /**
     * Fetches the auth token during client construction, as etcdctl does; failures exit with code 2. The
     * settings hold the user and password already separated (the command line's {@code name:password} is
     * split, or the password asked for, before the client is built).
     */
    private static void authenticate(EtcdConnection connection, ConnectionSettings settings,
            TokenInterceptor token) {
        String user = settings.user();
        String password = settings.password();
        long timeoutNanos = settings.dialTimeout().isZero() ? settings.commandTimeout().toNanos()
                : settings.dialTimeout().toNanos();
        try {
            connection.awaitReady(settings.dialTimeout());
            var response = AuthGrpc.newBlockingStub(connection.channel())
                    .withWaitForReady()
                    .withDeadlineAfter(timeoutNanos, TimeUnit.NANOSECONDS)
                    .authenticate(AuthenticateRequest.newBuilder()
                            .setNameBytes(ByteString.copyFromUtf8(user))
                            .setPasswordBytes(ByteString.copyFromUtf8(password))
                            .build());
            token.setToken(response.getToken());
        } catch (StatusRuntimeException e) {
            if (isAuthNotEnabled(e)) {
                return; // etcd's client goes on without a token, so credentials are harmless then
            }
            throw new CliException(ExitCodes.BAD_CONNECTION, GrpcErrors.message(e), e);
        } catch (CliException e) {
            throw new CliException(ExitCodes.BAD_CONNECTION, e.getMessage(), e);
        }
    }

    /**
     * {@code count} more connections to the same endpoints, with the same TLS and auth token as {@code connection},
     * sharing one event loop with a thread per core; for workloads that model many clients, as etcdctl's check
     * commands open one client per simulated user.
     */
    public static ChannelPool moreChannels(EtcdConnection connection, int count) {
        ChannelRecipe recipe = connection.recipe();
        EventLoopGroup eventLoop = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(),
                daemonThreads(), NioIoHandler.newFactory());
        List<ManagedChannel> channels = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            channels.add(channel(recipe.target(), connection.settings(), recipe.sslContext(), recipe.token(),
                    eventLoop));
        }
        return new ChannelPool(channels, eventLoop, connection.settings().dialTimeout());
    }

    /** What built a connection's channel, so that more channels can be built alike. */
    record ChannelRecipe(String target, SslContext sslContext, TokenInterceptor token) {
    }

    /**
     * One gRPC channel with the settings etcdctl uses, on an event loop this connection owns: closing it ends
     * every thread at once, so the JVM exits without waiting for a shared Netty loop to wind down.
     */
    private static ManagedChannel channel(String target, ConnectionSettings settings, SslContext sslContext,
            TokenInterceptor token, EventLoopGroup eventLoop) {
        NettyChannelBuilder builder = NettyChannelBuilder.forTarget(target)
                .eventLoopGroup(eventLoop)
                .channelType(NioSocketChannel.class)
                .defaultLoadBalancingPolicy("round_robin")
                .maxInboundMessageSize(settings.messageLimits().inbound())
                .keepAliveTime(settings.keepaliveTime().toNanos(), TimeUnit.NANOSECONDS)
                .keepAliveTimeout(settings.keepaliveTimeout().toNanos(), TimeUnit.NANOSECONDS)
                .intercept(token, new OutboundLimit(settings.messageLimits().outbound()));
        if (sslContext != null) {
            builder.negotiationType(NegotiationType.TLS).sslContext(sslContext);
        } else {
            builder.usePlaintext();
        }
        if (!settings.dialTimeout().isZero()) {
            builder.withOption(ChannelOption.CONNECT_TIMEOUT_MILLIS,
                    (int) Math.min(Integer.MAX_VALUE, settings.dialTimeout().toMillis()));
        }
        return builder.build();
    }

    private static ThreadFactory daemonThreads() {
        return runnable -> {
            Thread thread = new Thread(runnable, "jetcdctl-io");
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Waits until the channel is connected; used with --dial-timeout so a dead endpoint fails fast. */
    static boolean awaitReady(ManagedChannel channel, long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        ConnectivityState state = channel.getState(true);
        while (state != ConnectivityState.READY) {
            if (state == ConnectivityState.SHUTDOWN) {
                return false;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            CountDownLatch changed = new CountDownLatch(1);
            channel.notifyWhenStateChanged(state, changed::countDown);
            changed.await(left, TimeUnit.NANOSECONDS);
            state = channel.getState(true);
        }
        return true;
    }

    private static boolean isAuthNotEnabled(StatusRuntimeException e) {
        return e.getStatus().getCode() == io.grpc.Status.Code.FAILED_PRECONDITION
                && "etcdserver: authentication is not enabled".equals(e.getStatus().getDescription());
    }
}
