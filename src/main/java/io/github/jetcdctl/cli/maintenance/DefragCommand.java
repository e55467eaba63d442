package io.github.jetcdctl.cli.maintenance;

import java.io.IOException;
import java.util.List;

import io.etcd.jetcd.api.DefragmentRequest;
import io.etcd.jetcd.api.MaintenanceGrpc;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.cli.ClusterEndpoints;
import io.github.jetcdctl.cli.ConsoleLog;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.cli.IgnoredArguments;
import io.github.jetcdctl.cli.IoErrors;
import io.github.jetcdctl.cli.gosyntax.GoBoolConverter;
import io.github.jetcdctl.client.ClientFactory;
import io.github.jetcdctl.client.ConnectionSettings;
import io.github.jetcdctl.client.EtcdConnection;
import io.github.jetcdctl.output.GoDuration;
import io.github.jetcdctl.output.HumanBytes;
import io.github.jetcdctl.output.MaintenanceMessages;
import io.github.jetcdctl.snapshot.OfflineDefrag;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code defrag [--cluster]}: each endpoint in order on its own connection; a failure is reported on stderr
 * and the others still run, then the command exits 1 without an Error line, as etcdctl does.
 *
 * <p>{@code defrag --data-dir DIR} works offline on a stopped member's db, as {@code etcdutl defrag --data-dir}
 * (which etcdctl 3.5 runs for the same flag after a deprecation notice we do not print): the same two log lines on
 * stderr, nothing on stdout, and no ETCDCTL_* variable, endpoint or output format looked at. Where etcdutl panics
 * (no db, not a bbolt file, damage) we print one Error line with its exit code 2; other failures exit 1 with
 * etcdutl's {@code Failed to defragment etcd data[DIR] (...)} text. A db held by a running etcd is refused at once
 * where etcdutl waits for its lock without end.
 */
@Command(name = "defrag", description = "Defragments the storage of the etcd members with given endpoints")
public class DefragCommand extends EtcdCommand {
    @Mixin
    IgnoredArguments extraWords;

    @Option(names = "--cluster", arity = "0..1", fallbackValue = "true", converter = GoBoolConverter.class,
            description = "use all endpoints from the cluster member list")
    boolean cluster;

    @Option(names = "--data-dir", paramLabel = "<dir>", description = "Optional. If present, defragments a data "
            + "directory not in use by etcd (offline, with no server; the member must be stopped).")
    String dataDir = "";

    @Override
    protected void run() {
        if (!dataDir.isEmpty()) {
            defragmentDataDir();
            return;
        }
        session().connect().close();
        ConnectionSettings settings = session().connectionSettings();
        // etcdctl defragments the --endpoints as given, even when it found its client's through --discovery-srv
        List<String> targets = cluster ? ClusterEndpoints.fromMemberList(settings) : session().options().endpoints();
        MaintenanceMessages messages = new MaintenanceMessages(session().out(), session().err(), session().line());
        boolean failed = false;
        for (String target : targets) {
            long start = System.nanoTime();
            try (EtcdConnection connection = ClientFactory.connect(settings.withEndpoints(List.of(target)))) {
                start = System.nanoTime();
                EtcdConnection.call(() -> connection.stub(MaintenanceGrpc::newBlockingStub)
                        .defragment(DefragmentRequest.getDefaultInstance()));
                messages.defragmented(target, System.nanoTime() - start);
            } catch (CliException e) {
                failed = true;
                messages.defragmentFailed(target, System.nanoTime() - start, e.getMessage());
            }
        }
        if (failed) {
            throw new CliException(ExitCodes.ERROR, null);
        }
    }

    private void defragmentDataDir() {
        long start = System.nanoTime();
        OfflineDefrag.Result result;
        try {
            result = OfflineDefrag.defragment(dataDir);
        } catch (OfflineDefrag.UnreadableDbException e) {
            throw new CliException(ExitCodes.GO_PANIC, failed("failed to open database: " + e.getMessage()), e);
        } catch (OfflineDefrag.InUseException e) {
            throw new CliException(ExitCodes.ERROR, failed(e.getMessage() + ": stop it first, or omit --data-dir to "
                    + "defragment a running member"), e);
        } catch (IOException e) {
            throw new CliException(ExitCodes.ERROR, failed(IoErrors.describe(e)), e);
        }
        long took = System.nanoTime() - start;
        String path = OfflineDefrag.dbPath(dataDir).toString();
        OfflineDefrag.Sizes before = result.before();
        OfflineDefrag.Sizes after = result.after();
        ConsoleLog log = new ConsoleLog(session().err());
        log.info("backend/backend.go:509", "defragmenting", "path", path,
                "current-db-size-bytes", before.size(), "current-db-size", HumanBytes.format(before.size()),
                "current-db-size-in-use-bytes", before.inUse(),
                "current-db-size-in-use", HumanBytes.format(before.inUse()));
        log.info("backend/backend.go:561", "finished defragmenting directory", "path", path,
                "current-db-size-bytes-diff", after.size() - before.size(),
                "current-db-size-bytes", after.size(), "current-db-size", HumanBytes.format(after.size()),
                "current-db-size-in-use-bytes-diff", after.inUse() - before.inUse(),
                "current-db-size-in-use-bytes", after.inUse(),
                "current-db-size-in-use", HumanBytes.format(after.inUse()), "took", GoDuration.format(took));
    }

    private String failed(String reason) {
        return "Failed to defragment etcd data[" + dataDir + "] (" + reason + ")";
    }
}
