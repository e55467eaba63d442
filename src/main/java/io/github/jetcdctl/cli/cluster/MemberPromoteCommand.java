package io.github.jetcdctl.cli.cluster;

import java.util.ArrayList;
import java.util.List;

import io.etcd.jetcd.api.ClusterGrpc;
import io.etcd.jetcd.api.MemberPromoteRequest;
import io.etcd.jetcd.api.MemberPromoteResponse;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.client.EtcdConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code member promote <memberID>}: a learner becomes a voting member. */
@Command(name = "promote", description = {"Promotes a non-voting member in the cluster",
        "Promotes a non-voting learner member to a voting one in the cluster."})
public class MemberPromoteCommand extends EtcdCommand {
    @Parameters(arity = "0..*", paramLabel = "<memberID>", description = "the learner's ID in hex")
    List<String> args = new ArrayList<>();

    @Override
    protected void run() {
        long id = MemberIdArgument.parse(args);
        try (EtcdConnection connection = session().connect()) {
            MemberPromoteResponse response = EtcdConnection.call(() -> connection.stub(ClusterGrpc::newBlockingStub)
                    .memberPromote(MemberPromoteRequest.newBuilder().setID(id).build()));
            session().printer().memberPromote(id, response);
        }
    }
}
