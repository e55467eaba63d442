package io.github.jetcdctl.client;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/** Turns gRPC failures into the texts etcdctl prints after {@code Error: }. */
public final class GrpcErrors {
    private GrpcErrors() {
    }

    public static String message(StatusRuntimeException e) {
        Status status = e.getStatus();
        switch (status.getCode()) {
            case DEADLINE_EXCEEDED:
                return "context deadline exceeded";
            case CANCELLED:
                return "context canceled";
            default:
                String description = status.getDescription();
                if (description != null && description.startsWith("etcdserver: ")) {
                    return description;
                }
                return description != null ? description : status.getCode().toString();
        }
    }
}
