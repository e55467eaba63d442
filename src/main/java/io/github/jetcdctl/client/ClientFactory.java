package io.github.jetcdctl.client;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
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
        ClientBuilder builder = Client.builder();
        if (settings.usesTls()) {
            try {
                builder.sslContext(SslContexts.forSettings(settings));
            } catch (TlsConfigException e) {
                throw new CliException(ExitCodes.BAD_ARGS, e.getMessage());
            }
        }
        EndpointsResolver.register();
        TokenInterceptor token = new TokenInterceptor();
        builder.target(EndpointsResolver.target(endpoints))
                .maxInboundMessageSize(MAX_INBOUND_MESSAGE_BYTES)
                .keepaliveTime(settings.keepaliveTime())
                .keepaliveTimeout(settings.keepaliveTimeout())
                .interceptor(token);
        if (!settings.dialTimeout().isZero()) {
            builder.connectTimeout(settings.dialTimeout());
        }
        Client client = builder.build();
        EtcdConnection connection = new EtcdConnection(client, channelOf(client), settings);
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
     * jetcd keeps its gRPC channel private, yet etcdctl-exact output needs the raw responses (JSON and
     * protobuf print them whole) and some RPCs jetcd lacks. We share jetcd's channel rather than open a
     * second connection; the pinned jetcd version is covered by a unit test.
     */
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
