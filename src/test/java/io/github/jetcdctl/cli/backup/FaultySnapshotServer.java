package io.github.jetcdctl.cli.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.ByteString;

import io.etcd.jetcd.api.MaintenanceGrpc;
import io.etcd.jetcd.api.ResponseHeader;
import io.etcd.jetcd.api.SnapshotRequest;
import io.etcd.jetcd.api.SnapshotResponse;
import io.etcd.jetcd.api.StatusRequest;
import io.etcd.jetcd.api.StatusResponse;
import io.github.jetcdctl.snapshot.TestFiles;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;

/**
 * A fake etcd member whose snapshot stream goes wrong: it sends the first half of a real snapshot, then
 * breaks off with an error, or stalls forever (so a test can kill the client mid-stream).
 */
final class FaultySnapshotServer implements AutoCloseable {
    enum Fault { BREAK_OFF, STALL }

    private final Server server;

    private FaultySnapshotServer(Server server) {
        this.server = server;
    }

    static FaultySnapshotServer start(Fault fault) {
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(new Maintenance(fault)).build();
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FaultySnapshotServer(server);
    }

    String endpoint() {
        return "127.0.0.1:" + server.getPort();
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    private static final class Maintenance extends MaintenanceGrpc.MaintenanceImplBase {
        private final Fault fault;

        Maintenance(Fault fault) {
            this.fault = fault;
        }

        @Override
        public void status(StatusRequest request, StreamObserver<StatusResponse> observer) {
            observer.onNext(StatusResponse.newBuilder().setHeader(ResponseHeader.newBuilder().setClusterId(0xfa17L))
                    .setVersion("3.5.16").build());
            observer.onCompleted();
        }

        @Override
        public void snapshot(SnapshotRequest request, StreamObserver<SnapshotResponse> observer) {
            byte[] snapshot = TestFiles.bytes("B.db");
            int half = snapshot.length / 2;
            observer.onNext(SnapshotResponse.newBuilder().setBlob(ByteString.copyFrom(Arrays.copyOf(snapshot, half)))
                    .setRemainingBytes(snapshot.length - half).build());
            if (fault == Fault.BREAK_OFF) {
                observer.onError(Status.UNAVAILABLE.withDescription("member went away").asRuntimeException());
            }
        }
    }
}
