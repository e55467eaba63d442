package io.github.jetcdctl.cli.cluster;

import java.util.ArrayList;
import java.util.List;

import io.etcd.jetcd.api.ClusterGrpc;
import io.etcd.jetcd.api.MemberRemoveRequest;
import io.etcd.jetcd.api.MemberRemoveResponse;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.client.EtcdConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code member remove <memberID>}. */
@Command(name = "remove", description = "Removes a member from the cluster")
public class MemberRemoveCommand extends EtcdCommand {
    @Parameters(arity = "0..*", paramLabel = "<memberID>", description = "the member's ID in hex")
    List<String> args = new ArrayList<>();

    @Override
    protected void run() {
        long id = MemberIdArgument.parse(args);
        try (EtcdConnection connection = session().connect()) {
            MemberRemoveResponse response = EtcdConnection.call(() -> connection.stub(ClusterGrpc::newBlockingStub)
                    .memberRemove(MemberRemoveRequest.newBuilder().setID(id).build()));
            session().printer().memberRemove(id, response);
        }
    }
}
