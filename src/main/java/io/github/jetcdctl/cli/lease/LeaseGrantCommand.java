package io.github.jetcdctl.cli.lease;

import java.util.ArrayList;
import java.util.List;

import io.etcd.jetcd.api.LeaseGrantRequest;
import io.etcd.jetcd.api.LeaseGrantResponse;
import io.etcd.jetcd.api.LeaseGrpc;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.cli.gosyntax.GoNumbers;
import io.github.jetcdctl.client.EtcdConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code lease grant <ttl>}. */
@Command(name = "grant", description = "Creates leases")
public class LeaseGrantCommand extends EtcdCommand {
    @Parameters(arity = "0..*", paramLabel = "<ttl>", description = "time to live in seconds")
    List<String> args = new ArrayList<>();

    @Override
    protected void run() {
        if (args.size() != 1) {
            throw CliException.badArgs("lease grant command needs TTL argument");
        }
        long ttl;
        try {
            ttl = GoNumbers.parseInt(args.get(0), 10);
        } catch (NumberFormatException e) {
            throw CliException.badArgs("bad TTL (" + e.getMessage() + ")");
        }
        LeaseGrantRequest request = LeaseGrantRequest.newBuilder().setTTL(ttl).build();
        try (EtcdConnection connection = session().connect()) {
            LeaseGrantResponse response;
            try {
                response = EtcdConnection.call(() -> connection.stub(LeaseGrpc::newBlockingStub).leaseGrant(request));
            } catch (CliException e) {
                throw new CliException(ExitCodes.ERROR, "failed to grant lease (" + e.getMessage() + ")", e);
            }
            session().printer().leaseGrant(response);
        }
    }
}
