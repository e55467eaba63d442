package io.github.jetcdctl.cli.cluster;

import java.util.ArrayList;
import java.util.List;

import io.etcd.jetcd.api.ClusterGrpc;
import io.etcd.jetcd.api.MemberUpdateRequest;
import io.etcd.jetcd.api.MemberUpdateResponse;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.client.EtcdConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code member update <memberID> --peer-urls=...}. */
@Command(name = "update", customSynopsis = "update <memberID> [options]",
        description = "Updates a member in the cluster")
public class MemberUpdateCommand extends EtcdCommand {
    @Parameters(arity = "0..*", paramLabel = "<memberID>", description = "the member's ID in hex")
    List<String> args = new ArrayList<>();

    @Option(names = "--peer-urls", paramLabel = "<urls>",
            description = "comma separated peer URLs for the updated member.")
    String peerUrls = "";

    @Override
    protected void run() {
        long id = MemberIdArgument.parse(args);
        List<String> urls = PeerUrlsFlag.split(peerUrls);
        try (EtcdConnection connection = session().connect()) {
            PeerUrlsFlag.validate(urls);
            MemberUpdateRequest request = MemberUpdateRequest.newBuilder().setID(id).addAllPeerURLs(urls).build();
            MemberUpdateResponse response = EtcdConnection.call(() -> connection.stub(ClusterGrpc::newBlockingStub)
                    .memberUpdate(request));
            session().printer().memberUpdate(id, response);
        }
    }
}
