package io.github.jetcdctl.client;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;

/** Turns gRPC failures into the texts etcdctl prints after {@code Error: }. */
public final class GrpcErrors {
    private GrpcErrors() {
    }

    /** grpc-java's words for a response over the receive limit: the limit, then the message's size. */
    private static final Pattern RECEIVED_TOO_LARGE =
            Pattern.compile("gRPC message exceeds maximum size (\\d+): (\\d+)");
    /** grpc-java's words for a request over the send limit: the message's size, then the limit. */
    private static final Pattern SENT_TOO_LARGE = Pattern.compile("message too large (\\d+) > (\\d+)");

    public static String message(StatusRuntimeException e) {
        String overLimit = overSizeLimit(e);
        if (overLimit != null) {
            return overLimit;
        }
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

    /**
     * A message over {@code --max-recv-bytes} or {@code --max-request-bytes}, in grpc-go's words inside the status
     * etcdctl prints; both count the serialized message, so the sizes are the same. grpc-java fails a request that is
     * too large while it streams it, so its status may be a cancellation whose cause says why.
     */
    private static String overSizeLimit(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            Status status = t instanceof StatusRuntimeException sre ? sre.getStatus()
                    : t instanceof StatusException se ? se.getStatus() : null;
            if (status == null || status.getDescription() == null) {
                continue;
            }
            Matcher received = RECEIVED_TOO_LARGE.matcher(status.getDescription());
            if (received.find()) {
                return "rpc error: code = ResourceExhausted desc = grpc: received message larger than max ("
                        + received.group(2) + " vs. " + received.group(1) + ")";
            }
            Matcher sent = SENT_TOO_LARGE.matcher(status.getDescription());
            if (sent.find()) {
                return "rpc error: code = ResourceExhausted desc = trying to send message larger than max ("
                        + sent.group(1) + " vs. " + sent.group(2) + ")";
            }
        }
        return null;
    }
}
