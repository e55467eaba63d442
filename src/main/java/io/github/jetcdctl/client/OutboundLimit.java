package io.github.jetcdctl.client;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;

/**
 * The largest request every call may send (etcdctl's {@code --max-request-bytes}, 2 MiB by default): grpc-java sets
 * it per call only, where etcd's Go client sets it for the whole client.
 */
final class OutboundLimit implements ClientInterceptor {
    private final int maxBytes;

    OutboundLimit(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        return next.newCall(method, options.withMaxOutboundMessageSize(maxBytes));
    }
}
