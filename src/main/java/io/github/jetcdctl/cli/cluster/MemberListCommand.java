package io.github.jetcdctl.cli.cluster;

import java.util.ArrayList;
import java.util.List;

import io.etcd.jetcd.api.ClusterGrpc;
import io.etcd.jetcd.api.MemberListResponse;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.client.EtcdConnection;
import io.github.jetcdctl.client.Requests;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code member list}: every member, sorted by ID as the server returns them. */
@Command(name = "list", description = "Lists all members in the cluster")
public class MemberListCommand extends EtcdCommand {
    @Parameters(arity = "0..*", hidden = true, description = "ignored, as etcdctl ignores them")
    List<String> ignored = new ArrayList<>();

    @Override
    protected void run() {
        try (EtcdConnection connection = session().connect()) {
            MemberListResponse response = EtcdConnection.call(() -> connection.stub(ClusterGrpc::newBlockingStub)
                    .memberList(Requests.linearizableMemberList()));
            session().printer().memberList(response);
        }
    }
}
