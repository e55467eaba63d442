package io.github.jetcdctl.cli.snapshot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.github.jetcdctl.client.api.MaintenanceGrpc;
import io.github.jetcdctl.client.api.SnapshotRequest;
import io.github.jetcdctl.client.api.SnapshotResponse;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.cli.IoErrors;
import io.github.jetcdctl.cli.ProgressLine;
import io.github.jetcdctl.client.ClientFactory;
import io.github.jetcdctl.client.ConnectionSettings;
import io.github.jetcdctl.client.EtcdConnection;
import io.github.jetcdctl.client.GrpcErrors;
import io.github.jetcdctl.snapshot.SnapshotSink;
import io.grpc.StatusRuntimeException;
import io.github.jetcdctl.help.Examples;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code snapshot save <file>}: streams one member's backend into {@code <file>.part}, checks the SHA-256
 * trailer, syncs and renames. An interrupted save leaves nothing at {@code <file>}; every failure is exit 5.
 */
@Examples(SnapshotCommand.EXAMPLES)
@Command(name = "save", description = "Stores an etcd node backend snapshot to a given file")
public class SnapshotSaveCommand extends EtcdCommand {
    @Parameters(arity = "0..*", paramLabel = "<filename>", description = "where to write the snapshot")
    List<String> args = new ArrayList<>();

    @Override
    protected void run() {
        if (args.size() != 1) {
            throw CliException.badArgs(session().line().snapshotSaveArgumentsError());
        }
        Path target = Path.of(args.get(0));
        session().outputFormat();
        ConnectionSettings settings = session().connectionSettings();
        if (settings.endpoints().size() != 1) {
            throw new CliException(ExitCodes.INTERRUPTED, "snapshot must be requested to one selected node, not "
                    + "multiple [" + String.join(" ", settings.endpoints()) + "]");
        }
        // The hook is in place before FILE.part exists, so a signal at any moment after its creation removes it.
        AtomicReference<SnapshotSink> created = new AtomicReference<>();
        Thread cleanup = new Thread(() -> {
            SnapshotSink partial = created.get();
            if (partial != null) {
                partial.close();
            }
        }, "snapshot-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        SnapshotSink sink;
        try {
            sink = SnapshotSink.create(target);
            created.set(sink);
        } catch (IOException e) {
            Runtime.getRuntime().removeShutdownHook(cleanup);
            Path part = target.resolveSibling(target.getFileName() + ".part");
            throw new CliException(ExitCodes.INTERRUPTED, "could not open " + part + " (" + IoErrors.goText(e, part)
                    + ")");
        }
        String serverVersion;
        try (sink) {
            try (EtcdConnection connection = ClientFactory.connect(settings)) {
                serverVersion = download(connection, sink);
            }
            // the rename is the last step, after the connection is shut down: a signal that comes once the file is
            // at the target finds only the exit left to do
            sink.commit();
        } catch (CliException e) {
            throw new CliException(ExitCodes.INTERRUPTED, e.getMessage(), e);
        } catch (IOException e) {
            throw new CliException(ExitCodes.INTERRUPTED, e.getMessage(), e);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException ignored) {
                // the JVM is already shutting down; the hook does the cleanup
            }
        }
        session().out().println("Snapshot saved at " + args.get(0));
        if (session().line().snapshotSaveNamesServerVersion() && !serverVersion.isEmpty()) {
            session().out().println("Server version " + serverVersion);
        }
    }

    /**
     * etcdctl sets no deadline on a snapshot unless --command-timeout was given explicitly. Returns the version
     * an etcd 3.6 or later server names in the stream (the version of its data, {@code 3.7.0}), else empty.
     */
    private String download(EtcdConnection connection, SnapshotSink sink) throws IOException {
        var stub = connection.stubWithoutDeadline(MaintenanceGrpc::newBlockingStub);
        if (session().givenOnCommandLine("--command-timeout")) {
            stub = stub.withDeadlineAfter(connection.settings().commandTimeout().toNanos(), TimeUnit.NANOSECONDS);
        }
        ProgressLine progress = ProgressLine.forStderr(session().err());
        String version = "";
        try {
            Iterator<SnapshotResponse> stream = stub.snapshot(SnapshotRequest.getDefaultInstance());
            while (stream.hasNext()) {
                SnapshotResponse chunk = stream.next();
                sink.write(chunk.getBlob().toByteArray());
                if (!chunk.getVersion().isEmpty()) {
                    version = chunk.getVersion();
                }
                progress.show(sink.size(), sink.size() + chunk.getRemainingBytes());
            }
            return version;
        } catch (StatusRuntimeException e) {
            throw new IOException(GrpcErrors.message(e), e);
        } finally {
            progress.finish();
        }
    }
}
