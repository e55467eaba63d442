package io.github.jetcdctl.cli.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.etcd.jetcd.api.ClusterGrpc;
import io.etcd.jetcd.api.MemberAddRequest;
import io.etcd.jetcd.api.MemberAddResponse;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.cli.gosyntax.GoBoolConverter;
import io.github.jetcdctl.client.EtcdConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code member add <memberName> --peer-urls=... [--learner]}. */
@Command(name = "add", customSynopsis = "add <memberName> [options]",
        description = "Adds a member into the cluster")
public class MemberAddCommand extends EtcdCommand {
    @Parameters(arity = "0..*", paramLabel = "<memberName>", description = "the new member's name")
    List<String> args = new ArrayList<>();

    @Option(names = "--peer-urls", paramLabel = "<urls>", description = "comma separated peer URLs for the new member.")
    String peerUrls = "";

    @Option(names = "--learner", arity = "0..1", fallbackValue = "true", converter = GoBoolConverter.class,
            description = "indicates if the new member is raft learner")
    boolean learner;

    @Override
    protected void run() {
        String name = memberName();
        List<String> urls = PeerUrlsFlag.split(peerUrls);
        try (EtcdConnection connection = session().connect()) {
            PeerUrlsFlag.validate(urls);
            MemberAddRequest request = MemberAddRequest.newBuilder().addAllPeerURLs(urls).setIsLearner(learner)
                    .build();
            MemberAddResponse response = EtcdConnection.call(() -> connection.stub(ClusterGrpc::newBlockingStub)
                    .memberAdd(request));
            session().printer().memberAdd(response, name, peerUrls);
        }
    }

    private String memberName() {
        if (args.isEmpty()) {
            throw CliException.badArgs("member name not provided");
        }
        if (args.size() > 1) {
            StringBuilder message = new StringBuilder("too many arguments");
            for (String arg : args) {
                if (arg.toLowerCase(Locale.ROOT).startsWith("http")) {
                    message.append(", did you mean --peer-urls=").append(arg);
                }
            }
            throw CliException.badArgs(message.toString());
        }
        return args.get(0);
    }
}
