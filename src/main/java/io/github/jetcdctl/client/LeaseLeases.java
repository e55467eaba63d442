package io.github.jetcdctl.client;

import java.util.List;

import com.google.protobuf.InvalidProtocolBufferException;

import io.etcd.jetcd.api.ResponseHeader;
import io.github.jetcdctl.client.api.LeaseGrpc;
import io.github.jetcdctl.client.api.LeaseLeasesRequest;
import io.github.jetcdctl.client.api.LeaseLeasesResponse;
import io.github.jetcdctl.client.api.LeaseStatus;

/** etcd's {@code Lease/LeaseLeases} RPC, which {@code lease list} needs and jetcd's bundled protos lack. */
public final class LeaseLeases {
    private LeaseLeases() {
    }

    /** The leases in the server's order, which is not sorted; the header as jetcd's type, as printers take it. */
    public record Response(ResponseHeader header, List<Long> ids) {
    }

    /** Without a deadline, as etcdctl calls it; failures are gRPC status exceptions. */
    public static Response call(EtcdConnection connection) {
        connection.awaitConnected();
        LeaseLeasesResponse response = LeaseGrpc.newBlockingStub(connection.channel()).withWaitForReady()
                .leaseLeases(LeaseLeasesRequest.getDefaultInstance());
        return new Response(jetcdHeader(response), response.getLeasesList().stream().map(LeaseStatus::getID)
                .toList());
    }

    /** The same message under jetcd's generated type (its bytes parse the same). */
    private static ResponseHeader jetcdHeader(LeaseLeasesResponse response) {
        if (!response.hasHeader()) {
            return null;
        }
        try {
            return ResponseHeader.parseFrom(response.getHeader().toByteString());
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("a header that just serialized does not parse", e);
        }
    }
}
