package io.github.jetcdctl.cli.maintenance;

import java.util.ArrayList;
import java.util.List;

import io.etcd.jetcd.api.MaintenanceGrpc;
import io.etcd.jetcd.api.MoveLeaderRequest;
import io.etcd.jetcd.api.MoveLeaderResponse;
import io.etcd.jetcd.api.StatusRequest;
import io.etcd.jetcd.api.StatusResponse;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.cli.gosyntax.GoNumbers;
import io.github.jetcdctl.client.ClientFactory;
import io.github.jetcdctl.client.ConnectionSettings;
import io.github.jetcdctl.client.EtcdConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code move-leader <transferee-member-id>}: asks each --endpoints member in turn for its status until one
 * says it is the leader, then asks that member to hand leadership over. Only the leader accepts MoveLeader.
 */
@Command(name = "move-leader", description = "Transfers leadership to another etcd cluster member.")
public class MoveLeaderCommand extends EtcdCommand {
    @Parameters(arity = "0..*", paramLabel = "<transferee-member-id>", description = "the new leader's ID in hex")
    List<String> args = new ArrayList<>();

    @Override
    protected void run() {
        if (args.size() != 1) {
            throw CliException.badArgs("move-leader command needs 1 argument");
        }
        long target;
        try {
            target = GoNumbers.parseUint(args.get(0), 16);
        } catch (NumberFormatException e) {
            throw CliException.badArgs(e.getMessage());
        }
        session().connect().close();
        ConnectionSettings settings = session().connectionSettings();
        for (String endpoint : settings.endpoints()) {
            try (EtcdConnection connection = ClientFactory.connect(settings.withEndpoints(List.of(endpoint)))) {
                StatusResponse status = EtcdConnection.call(() -> connection.stub(MaintenanceGrpc::newBlockingStub)
                        .status(StatusRequest.getDefaultInstance()));
                if (status.getHeader().getMemberId() == status.getLeader()) {
                    MoveLeaderResponse response = EtcdConnection.call(() -> connection
                            .stub(MaintenanceGrpc::newBlockingStub)
                            .moveLeader(MoveLeaderRequest.newBuilder().setTargetID(target).build()));
                    session().printer().moveLeader(status.getLeader(), target, response);
                    return;
                }
            }
        }
        throw CliException.badArgs("no leader endpoint given at [" + String.join(" ", settings.endpoints()) + "]");
    }
}
