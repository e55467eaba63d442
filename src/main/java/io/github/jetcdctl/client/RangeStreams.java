package io.github.jetcdctl.client;

import java.util.Iterator;
import java.util.Optional;

import com.google.protobuf.InvalidProtocolBufferException;

import io.etcd.jetcd.api.RangeRequest;
import io.etcd.jetcd.api.RangeResponse;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.client.api.KVGrpc;
import io.github.jetcdctl.client.api.RangeStreamResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * etcd 3.7's {@code KV.RangeStream}: the range in chunks whose merge is the response a Range call gives. The
 * key-values are spread over the chunks, but the header, more and count come only with the last one, and every
 * format but simple prints the header first: like etcdctl, the chunks are merged before anything is printed (the
 * flat-memory path is a get without {@code --stream}, which pages).
 */
public final class RangeStreams {
    private RangeStreams() {
    }

    /** The merged response; empty when the server has no RangeStream (etcd before 3.7). */
    public static Optional<RangeResponse> fetch(EtcdConnection connection, RangeRequest request) {
        RangeResponse.Builder merged = RangeResponse.newBuilder();
        try {
            Iterator<RangeStreamResponse> chunks = connection.stub(KVGrpc::newBlockingStub)
                    .rangeStream(ours(request));
            while (chunks.hasNext()) {
                merged.mergeFrom(chunks.next().getRangeResponse());
            }
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
                return Optional.empty();
            }
            throw new CliException(ExitCodes.ERROR, GrpcErrors.message(e), e);
        } catch (InvalidProtocolBufferException e) {
            throw new CliException(ExitCodes.ERROR, "a RangeStream chunk does not parse: " + e.getMessage(), e);
        }
        return Optional.of(merged.build());
    }

    /** The same request under the generated type the RangeStream stub takes (its bytes parse the same). */
    private static io.github.jetcdctl.client.api.RangeRequest ours(RangeRequest request) {
        try {
            return io.github.jetcdctl.client.api.RangeRequest.parseFrom(request.toByteString());
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("a request that just serialized does not parse", e);
        }
    }
}
