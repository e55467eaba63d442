package io.github.jetcdctl.cli.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.etcd.jetcd.api.MaintenanceGrpc;
import io.etcd.jetcd.api.SnapshotRequest;
import io.etcd.jetcd.api.SnapshotResponse;
import io.etcd.jetcd.api.StatusRequest;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.backup.SnapshotSource;
import io.github.jetcdctl.cli.ProgressLine;
import io.github.jetcdctl.client.ClientFactory;
import io.github.jetcdctl.client.ConnectionSettings;
import io.github.jetcdctl.client.EtcdConnection;
import io.github.jetcdctl.client.GrpcErrors;
import io.github.jetcdctl.snapshot.SnapshotSink;
import io.grpc.StatusRuntimeException;

/**
 * Snapshots from etcd members, one connection per endpoint. A status call comes first: it gives the cluster ID
 * for the backup's name and lets a dead member fail within the dial and command timeouts, not mid-stream.
 */
final class MemberSnapshotSource implements SnapshotSource {
    /** A long --command-timeout is meant for the stream; a member that hangs on status is skipped sooner. */
    private static final Duration STATUS_TIMEOUT = Duration.ofSeconds(10);

    private final ConnectionSettings settings;
    /** The whole stream's deadline, or null for none (as snapshot save without --command-timeout). */
    private final Duration streamDeadline;
    private final PrintStream err;

    MemberSnapshotSource(ConnectionSettings settings, Duration streamDeadline, PrintStream err) {
        this.settings = settings;
        this.streamDeadline = streamDeadline;
        this.err = err;
    }

    @Override
    public long stream(String endpoint, SnapshotSink sink) throws EndpointException, IOException {
        try (EtcdConnection connection = ClientFactory.connect(settings.withEndpoints(List.of(endpoint)))) {
            Duration statusTimeout = settings.commandTimeout().compareTo(STATUS_TIMEOUT) < 0
                    ? settings.commandTimeout() : STATUS_TIMEOUT;
            long clusterId = EtcdConnection.call(() -> connection.stubWithoutDeadline(MaintenanceGrpc::newBlockingStub)
                    .withDeadlineAfter(statusTimeout.toNanos(), TimeUnit.NANOSECONDS)
                    .status(StatusRequest.getDefaultInstance())).getHeader().getClusterId();
            download(connection, sink);
            return clusterId;
        } catch (CliException e) {
            throw new EndpointException(e.getMessage(), e);
        }
    }

    private void download(EtcdConnection connection, SnapshotSink sink) throws EndpointException, IOException {
        var stub = connection.stubWithoutDeadline(MaintenanceGrpc::newBlockingStub);
        if (streamDeadline != null) {
            stub = stub.withDeadlineAfter(streamDeadline.toNanos(), TimeUnit.NANOSECONDS);
        }
        ProgressLine progress = ProgressLine.forStderr(err);
        try {
            Iterator<SnapshotResponse> stream = stub.snapshot(SnapshotRequest.getDefaultInstance());
            while (hasNext(stream)) {
                SnapshotResponse chunk = stream.next();
                sink.write(chunk.getBlob().toByteArray());
                progress.show(sink.size(), sink.size() + chunk.getRemainingBytes());
            }
        } finally {
            progress.finish();
        }
    }

    private static boolean hasNext(Iterator<SnapshotResponse> stream) throws EndpointException {
        try {
            return stream.hasNext();
        } catch (StatusRuntimeException e) {
            throw new EndpointException(GrpcErrors.message(e), e);
        }
    }
}
