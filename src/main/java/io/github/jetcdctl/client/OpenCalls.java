package io.github.jetcdctl.client;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.ForwardingClientCallListener.SimpleForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;

/**
 * The calls one connection started that have not ended. Closing a connection cancels them, as shutting down a
 * channel of its own does; it matters where the channel is kept for later requests (the resident jetcdctl):
 * a stream a command left half-read must not go on after the command.
 */
final class OpenCalls implements ClientInterceptor {
    private final Set<ClientCall<?, ?>> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        ClientCall<Q, R> call = next.newCall(method, options);
        return new SimpleForwardingClientCall<>(call) {
            @Override
            public void start(Listener<R> listener, Metadata headers) {
                open.add(call);
                super.start(new SimpleForwardingClientCallListener<>(listener) {
                    @Override
                    public void onClose(Status status, Metadata trailers) {
                        open.remove(call);
                        super.onClose(status, trailers);
                    }
                }, headers);
                if (closed) { // closed meanwhile: cancelAll may have missed this one
                    call.cancel("the connection is closed", null);
                }
            }
        };
    }

    void cancelAll() {
        closed = true;
        for (ClientCall<?, ?> call : open) {
            call.cancel("the connection is closed", null);
        }
    }
}
