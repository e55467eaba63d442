package io.github.jetcdctl.client;

import io.github.jetcdctl.client.api.AuthGrpc;
import io.github.jetcdctl.client.api.AuthStatusRequest;
import io.github.jetcdctl.client.api.AuthStatusResponse;

/** etcd 3.5's {@code Auth/AuthStatus} RPC, which jetcd's bundled rpc.proto predates. */
public final class AuthStatusRpc {
    private AuthStatusRpc() {
    }

    /** Asks the server whether authentication is enabled; gRPC failures become etcdctl's error line. */
    public static AuthStatusResponse call(EtcdConnection connection) {
        return EtcdConnection.call(() -> connection.stub(AuthGrpc::newBlockingStub)
                .authStatus(AuthStatusRequest.getDefaultInstance()));
    }
}
