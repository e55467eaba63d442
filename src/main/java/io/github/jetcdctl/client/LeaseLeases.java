package io.github.jetcdctl.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;

import io.etcd.jetcd.api.ResponseHeader;
import io.grpc.CallOptions;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.stub.ClientCalls;

/**
 * etcd's {@code Lease/LeaseLeases} RPC, which {@code lease list} needs and jetcd's bundled protos lack.
 * We call it on the connection's own channel with a hand-written method descriptor: the request message
 * is empty, and the response ({@code header = 1}, {@code repeated LeaseStatus leases = 2} with
 * {@code int64 ID = 1}) is decoded here with protobuf's wire reader.
 */
public final class LeaseLeases {
    private static final int RESPONSE_HEADER = 1;
    private static final int RESPONSE_LEASES = 2;
    private static final int LEASE_STATUS_ID = 1;

    private static final MethodDescriptor<byte[], Response> METHOD = MethodDescriptor.<byte[], Response>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName(MethodDescriptor.generateFullMethodName("etcdserverpb.Lease", "LeaseLeases"))
            .setRequestMarshaller(new EmptyRequestMarshaller())
            .setResponseMarshaller(new ResponseMarshaller())
            .build();

    private LeaseLeases() {
    }

    /** The leases in the server's order, which is not sorted. */
    public record Response(ResponseHeader header, List<Long> ids) {
    }

    /** Without a deadline, as etcdctl calls it; failures are gRPC status exceptions. */
    public static Response call(EtcdConnection connection) {
        connection.awaitConnected();
        return ClientCalls.blockingUnaryCall(connection.channel(), METHOD, CallOptions.DEFAULT.withWaitForReady(),
                new byte[0]);
    }

    static Response decode(InputStream stream) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(stream);
        ResponseHeader header = null;
        List<Long> ids = new ArrayList<>();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            int field = WireFormat.getTagFieldNumber(tag);
            if (field == RESPONSE_HEADER && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                header = ResponseHeader.parseFrom(in.readBytes());
            } else if (field == RESPONSE_LEASES
                    && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                ids.add(leaseStatusId(in.readBytes().newCodedInput()));
            } else {
                in.skipField(tag);
            }
        }
        return new Response(header, ids);
    }

    private static long leaseStatusId(CodedInputStream in) throws IOException {
        long id = 0;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (WireFormat.getTagFieldNumber(tag) == LEASE_STATUS_ID
                    && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_VARINT) {
                id = in.readInt64();
            } else {
                in.skipField(tag);
            }
        }
        return id;
    }

    private static final class EmptyRequestMarshaller implements MethodDescriptor.Marshaller<byte[]> {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            throw new UnsupportedOperationException("requests are only sent");
        }
    }

    private static final class ResponseMarshaller implements MethodDescriptor.Marshaller<Response> {
        @Override
        public InputStream stream(Response value) {
            throw new UnsupportedOperationException("responses are only received");
        }

        @Override
        public Response parse(InputStream stream) {
            try {
                return decode(stream);
            } catch (IOException e) {
                throw Status.INTERNAL.withDescription("malformed LeaseLeasesResponse: " + e.getMessage())
                        .withCause(e).asRuntimeException();
            }
        }
    }
}
