package io.github.jetcdctl.client;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
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

    /**
     * The resident jetcdctl's transport for the request running on this thread (inherited by the threads a
     * command starts, as endpoint health's), else null. Per thread, not per process: requests are independent.
     */
    private static final InheritableThreadLocal<SharedTransport> TRANSPORT = new InheritableThreadLocal<>();

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

    /**
     * Until the returned scope closes, connections made on this thread, and on threads it starts, are made on
     * {@code transport}'s kept channels: the resident jetcdctl runs each request in such a scope. Without one,
     * every connection has a channel and an event loop of its own, closed with it.
     */
    public static TransportScope useSharedTransport(SharedTransport transport) {
        TRANSPORT.set(transport);
        return TRANSPORT::remove;
    }

    /** Ends {@link #useSharedTransport} on this thread. */
    public interface TransportScope extends AutoCloseable {
        @Override
        void close();
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
        TlsFiles tls = null;
        if (settings.usesTls()) {
            try {
                tls = TlsFiles.read(settings);
            } catch (TlsConfigException e) {
                throw new CliException(ExitCodes.BAD_ARGS, e.getMessage());
            }
        }
        EndpointsResolver.register();
        SharedTransport transport = TRANSPORT.get();
        EtcdConnection connection = transport == null ? null : openOnKeptChannel(transport, settings, endpoints, tls);
        if (connection == null) {
            connection = openOwnChannel(settings, endpoints, tls);
        }
        try {
            if (settings.hasAuthToken()) {
                // etcdctl 3.7 sends it as given, without logging in
                connection.recipe().token().setToken(settings.authToken());
            } else if (settings.hasCredentials()) {
                authenticate(connection, settings);
            }
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** A channel and an event loop of this connection's own, both closed with it (a JVM per command). */
    private static EtcdConnection openOwnChannel(ConnectionSettings settings, List<Endpoint> endpoints,
            TlsFiles tls) {
        SslContext sslContext = tls == null ? null : tlsContext(() -> SslContexts.forFiles(tls));
        String target = EndpointsResolver.target(endpoints, settings.serverName());
        EventLoopGroup eventLoop = new MultiThreadIoEventLoopGroup(1, daemonThreads(), NioIoHandler.newFactory());
        ManagedChannel channel = channel(target, settings, sslContext, eventLoop, null);
        return new EtcdConnection(channel, settings, new ChannelRecipe(target, sslContext, new TokenInterceptor()),
                () -> shutDown(List.of(channel), eventLoop));
    }

    /**
     * A channel the resident jetcdctl keeps, on its event loop: the one built before by exactly these settings and
     * TLS file contents, else a new one. Host names are resolved here, for this request, and the addresses are part
     * of what finds the channel: a request never dials an answer older than its own lookup (the daemon's JVM keeps
     * no answer: see DaemonMain). Null once the transport is closed.
     */
    private static EtcdConnection openOnKeptChannel(SharedTransport transport, ConnectionSettings settings,
            List<Endpoint> endpoints, TlsFiles tls) {
        SslContext sslContext = tls == null ? null : tlsContext(() -> transport.sslContext(tls));
        String target = EndpointsResolver.resolvedTarget(endpoints, settings.serverName());
        SharedTransport.Key key = new SharedTransport.Key(settings.withoutCredentials(), target,
                tls == null ? null : tls.fingerprint());
        SharedTransport.Lease lease = transport.channel(key,
                () -> channel(target, settings, sslContext, transport.eventLoop(), transport.executor()));
        if (lease == null) {
            return null;
        }
        return new EtcdConnection(lease.channel(), settings,
                new ChannelRecipe(target, sslContext, new TokenInterceptor()), lease::release);
    }

    private interface TlsBuild {
        SslContext build() throws TlsConfigException;
    }

    private static SslContext tlsContext(TlsBuild build) {
        try {
            return build.build();
        } catch (TlsConfigException e) {
            throw new CliException(ExitCodes.BAD_ARGS, e.getMessage());
        }
    }

    /** Closes channels and the event loop they run on, and waits for them so that no thread lingers. */
    static void shutDown(List<ManagedChannel> channels, EventLoopGroup eventLoop) {
        channels.forEach(ManagedChannel::shutdownNow);
        try {
            for (ManagedChannel channel : channels) {
                channel.awaitTermination(1, TimeUnit.SECONDS);
            }
            eventLoop.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).await(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Fetches the auth token during client construction, as etcdctl does; failures exit with code 2. The
     * settings hold the user and password already separated (the command line's {@code name:password} is
     * split, or the password asked for, before the client is built).
     */
    private static void authenticate(EtcdConnection connection, ConnectionSettings settings) {
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
            connection.recipe().token().setToken(response.getToken());
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
            channels.add(channel(recipe.target(), connection.settings(), recipe.sslContext(), eventLoop, null));
        }
        return new ChannelPool(channels, recipe.token(), eventLoop, connection.settings().dialTimeout());
    }

    /** What built a connection's channel, so that more channels can be built alike, and its own auth token. */
    record ChannelRecipe(String target, SslContext sslContext, TokenInterceptor token) {
    }

    /**
     * One gRPC channel with the settings etcdctl uses, without auth (the token is each connection's own). In a JVM
     * per command it runs on an event loop its connection owns: closing it ends every thread at once, so the JVM
     * exits without waiting for a shared Netty loop to wind down. In the resident jetcdctl, on its one event loop
     * and {@code executor} (null: gRPC's own).
     */
    private static ManagedChannel channel(String target, ConnectionSettings settings, SslContext sslContext,
            EventLoopGroup eventLoop, Executor executor) {
        NettyChannelBuilder builder = NettyChannelBuilder.forTarget(target)
                .eventLoopGroup(eventLoop)
                .channelType(NioSocketChannel.class)
                .defaultLoadBalancingPolicy("round_robin")
                .maxInboundMessageSize(settings.messageLimits().inbound())
                .keepAliveTime(settings.keepaliveTime().toNanos(), TimeUnit.NANOSECONDS)
                .keepAliveTimeout(settings.keepaliveTimeout().toNanos(), TimeUnit.NANOSECONDS)
                // (a kept channel serves only requests with these limits: they are part of its key)
                .intercept(new OutboundLimit(settings.messageLimits().outbound()));
        if (executor != null) {
            builder.executor(executor).offloadExecutor(executor);
        }
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
