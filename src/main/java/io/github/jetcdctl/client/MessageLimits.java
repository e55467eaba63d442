package io.github.jetcdctl.client;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;

/**
 * The largest request the client sends and the largest response it accepts, in serialized bytes: etcdctl's
 * {@code --max-request-bytes} and {@code --max-recv-bytes}. etcd's Go client sends at most 2 MiB and accepts up to
 * MaxInt32 unless told otherwise, on every etcdctl line, so the defaults hold even where the flags do not exist.
 *
 * @param maxRequestBytes as given; 0 or less keeps the default
 * @param maxRecvBytes    as given; 0 or less keeps the default
 */
public record MessageLimits(long maxRequestBytes, long maxRecvBytes) {
    public static final int DEFAULT_MAX_REQUEST_BYTES = 2 * 1024 * 1024;
    public static final int DEFAULT_MAX_RECV_BYTES = Integer.MAX_VALUE;
    public static final MessageLimits DEFAULTS = new MessageLimits(0, 0);

    /** etcd's client refuses a receive limit below the send limit when it is built (exit 2, as etcdctl). */
    public void check() {
        if (maxRecvBytes > 0 && maxRequestBytes > maxRecvBytes) {
            throw new CliException(ExitCodes.BAD_CONNECTION, "gRPC message recv limit (" + maxRecvBytes
                    + " bytes) must be greater than send limit (" + maxRequestBytes + " bytes)");
        }
    }

    /** The send limit for gRPC (which counts in int: a larger limit is no limit). */
    public int outbound() {
        return maxRequestBytes > 0 ? (int) Math.min(Integer.MAX_VALUE, maxRequestBytes) : DEFAULT_MAX_REQUEST_BYTES;
    }

    public int inbound() {
        return maxRecvBytes > 0 ? (int) Math.min(Integer.MAX_VALUE, maxRecvBytes) : DEFAULT_MAX_RECV_BYTES;
    }
}
