package io.github.jetcdctl.client;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.ByteString;

import io.etcd.jetcd.Client;
import io.etcd.jetcd.ClientBuilder;
import io.etcd.jetcd.api.AuthGrpc;
import io.etcd.jetcd.api.AuthenticateRequest;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NegotiationType;
import io.grpc.netty.NettyChannelBuilder;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;

/**
 * The one place that builds a jetcd {@link Client}. Every command that talks to etcd gets its connection
 * here, configured from the same global flags: endpoints, TLS files, timeouts, keepalive and credentials.
 */
public final class ClientFactory {
    /** etcdctl accepts responses up to MaxInt32 bytes; a big range must never fail on size. */
    private static final int MAX_INBOUND_MESSAGE_BYTES = Integer.MAX_VALUE;

    private ClientFactory() {
    }

    public static EtcdConnection connect(ConnectionSettings settings) {
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
        String target = EndpointsResolver.target(endpoints);
        TokenInterceptor token = new TokenInterceptor();
        EventLoopGroup eventLoop = new MultiThreadIoEventLoopGroup(1, daemonThreads(), NioIoHandler.newFactory());
        ManagedChannel channel = channel(target, settings, sslContext, token, eventLoop);
        ClientBuilder builder = Client.builder().target(target);
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        Client client = builder.build();
        useChannel(client, channel);
        EtcdConnection connection = new EtcdConnection(client, channel, eventLoop, settings,
                new ChannelRecipe(target, sslContext, token));
        try {
            if (settings.hasCredentials()) {
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
                .maxInboundMessageSize(MAX_INBOUND_MESSAGE_BYTES)
                .keepAliveTime(settings.keepaliveTime().toNanos(), TimeUnit.NANOSECONDS)
                .keepAliveTimeout(settings.keepaliveTimeout().toNanos(), TimeUnit.NANOSECONDS)
                .intercept(token);
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

    /**
     * jetcd builds its channel itself and keeps it private, yet etcdctl-exact output needs the raw responses
     * (JSON and protobuf print them whole) and some RPCs jetcd lacks. So the jetcd client is given our channel
     * before its first use: jetcd's own APIs and our raw calls then share one connection. The pinned jetcd
     * version is covered by a unit test.
     */
    static void useChannel(Client client, ManagedChannel channel) {
        try {
            Field managerField = client.getClass().getDeclaredField("connectionManager");
            managerField.setAccessible(true);
            Object manager = managerField.get(client);
            Field channelField = manager.getClass().getDeclaredField("managedChannel");
            channelField.setAccessible(true);
            channelField.set(manager, channel);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("this jetcd version does not keep its channel as expected", e);
        }
    }

    /** The channel jetcd's own APIs use; for the test that pins the jetcd version. */
    static ManagedChannel channelOf(Client client) {
        try {
            Field managerField = client.getClass().getDeclaredField("connectionManager");
            managerField.setAccessible(true);
            Object manager = managerField.get(client);
            Method getChannel = manager.getClass().getDeclaredMethod("getChannel");
            getChannel.setAccessible(true);
            return (ManagedChannel) getChannel.invoke(manager);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("this jetcd version does not expose its channel as expected", e);
        }
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
