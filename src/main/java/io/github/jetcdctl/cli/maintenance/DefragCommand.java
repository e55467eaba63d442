package io.github.jetcdctl.cli.maintenance;

import java.util.List;

import io.etcd.jetcd.api.DefragmentRequest;
import io.etcd.jetcd.api.MaintenanceGrpc;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.cli.ClusterEndpoints;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.cli.IgnoredArguments;
import io.github.jetcdctl.cli.gosyntax.GoBoolConverter;
import io.github.jetcdctl.client.ClientFactory;
import io.github.jetcdctl.client.ConnectionSettings;
import io.github.jetcdctl.client.EtcdConnection;
import io.github.jetcdctl.output.MaintenanceMessages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code defrag [--cluster]}: each endpoint in order on its own connection; a failure is reported on stderr
 * and the others still run, then the command exits 1 without an Error line, as etcdctl does.
 */
@Command(name = "defrag", description = "Defragments the storage of the etcd members with given endpoints")
public class DefragCommand extends EtcdCommand {
    @Mixin
    IgnoredArguments extraWords;

    @Option(names = "--cluster", arity = "0..1", fallbackValue = "true", converter = GoBoolConverter.class,
            description = "use all endpoints from the cluster member list")
    boolean cluster;

    @Override
    protected void run() {
        session().connect().close();
        ConnectionSettings settings = session().connectionSettings();
        // etcdctl defragments the --endpoints as given, even when it found its client's through --discovery-srv
        List<String> targets = cluster ? ClusterEndpoints.fromMemberList(settings) : session().options().endpoints();
        MaintenanceMessages messages = new MaintenanceMessages(session().out(), session().err());
        boolean failed = false;
        for (String target : targets) {
            try (EtcdConnection connection = ClientFactory.connect(settings.withEndpoints(List.of(target)))) {
                EtcdConnection.call(() -> connection.stub(MaintenanceGrpc::newBlockingStub)
                        .defragment(DefragmentRequest.getDefaultInstance()));
                messages.defragmented(target);
            } catch (CliException e) {
                failed = true;
                messages.defragmentFailed(target, e.getMessage());
            }
        }
        if (failed) {
            throw new CliException(ExitCodes.ERROR, null);
        }
    }
}
