package io.github.jetcdctl.cli.cluster;

import java.util.ArrayList;
import java.util.List;

import io.etcd.jetcd.api.ClusterGrpc;
import io.etcd.jetcd.api.MemberListRequest;
import io.etcd.jetcd.api.MemberListResponse;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.client.EtcdConnection;
import io.github.jetcdctl.client.Requests;
import io.github.jetcdctl.help.LineAddition;
import io.github.jetcdctl.output.EtcdctlLine;
import io.github.jetcdctl.output.GoQuote;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code member list}: every member, sorted by ID as the server returns them. */
@Command(name = "list", description = {"Lists all members in the cluster",
        "When --write-out is set to simple, this command prints out comma-separated member lists for each endpoint.",
        "The items in the lists are ID, Status, Name, Peer Addrs, Client Addrs, Is Learner."})
public class MemberListCommand extends EtcdCommand {
    @Parameters(arity = "0..*", hidden = true, description = "ignored, as etcdctl ignores them")
    List<String> ignored = new ArrayList<>();

    @LineAddition(EtcdctlLine.Addition.MEMBER_LIST_CONSISTENCY)
    @Option(names = "--consistency", paramLabel = "<l|s>", description = "Linearizable(l) or Serializable(s)")
    String consistency = "l";

    @Override
    protected void run() {
        boolean serializable = serializable();
        try (EtcdConnection connection = session().connect()) {
            MemberListRequest request = serializable ? MemberListRequest.getDefaultInstance()
                    : Requests.linearizableMemberList();
            MemberListResponse response = EtcdConnection.call(() -> connection.stub(ClusterGrpc::newBlockingStub)
                    .memberList(request));
            session().printer().memberList(response);
        }
    }

    /**
     * etcdctl 3.6's check; its error names get's --consistency value instead of this one (always "l"), which we
     * do not copy. Before 3.6 the flag does not exist.
     */
    private boolean serializable() {
        return switch (consistency) {
            case "s" -> true;
            case "l" -> false;
            default -> throw CliException.badFeature("unknown consistency flag " + GoQuote.quote(consistency));
        };
    }
}
