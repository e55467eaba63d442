package io.github.jetcdctl.cli.lease;

import java.util.ArrayList;
import java.util.List;

import io.etcd.jetcd.api.LeaseGrpc;
import io.etcd.jetcd.api.LeaseTimeToLiveRequest;
import io.etcd.jetcd.api.LeaseTimeToLiveResponse;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.cli.gosyntax.GoBoolConverter;
import io.github.jetcdctl.client.EtcdConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lease timetolive <leaseID> [--keys]}. */
@Command(name = "timetolive", customSynopsis = "timetolive <leaseID> [options]",
        description = "Get lease information")
public class LeaseTimeToLiveCommand extends EtcdCommand {
    @Parameters(arity = "0..*", paramLabel = "<leaseID>", description = "the lease ID in hexadecimal")
    List<String> args = new ArrayList<>();

    @Option(names = "--keys", arity = "0..1", fallbackValue = "true", converter = GoBoolConverter.class,
            description = "Get keys attached to this lease")
    boolean keys;

    @Override
    protected void run() {
        if (args.size() != 1) {
            throw CliException.badArgs("lease timetolive command needs lease ID as argument");
        }
        // etcdctl builds its client before it parses the ID, so a bad output format is reported first
        try (EtcdConnection connection = session().connect()) {
            LeaseTimeToLiveRequest request = LeaseTimeToLiveRequest.newBuilder()
                    .setID(LeaseIds.parse(args.get(0))).setKeys(keys).build();
            LeaseTimeToLiveResponse response;
            try {
                response = EtcdConnection.call(() -> connection.stubWithoutDeadline(LeaseGrpc::newBlockingStub)
                        .leaseTimeToLive(request));
            } catch (CliException e) {
                throw new CliException(ExitCodes.BAD_CONNECTION, e.getMessage(), e);
            }
            session().printer().leaseTimeToLive(response, keys);
        }
    }
}
