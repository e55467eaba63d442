package io.github.jetcdctl.cli.lease;

import java.util.ArrayList;
import java.util.List;

import io.etcd.jetcd.api.LeaseGrpc;
import io.etcd.jetcd.api.LeaseRevokeRequest;
import io.etcd.jetcd.api.LeaseRevokeResponse;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.client.EtcdConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code lease revoke <leaseID>}. */
@Command(name = "revoke", description = "Revokes leases")
public class LeaseRevokeCommand extends EtcdCommand {
    @Parameters(arity = "0..*", paramLabel = "<leaseID>", description = "the lease ID in hexadecimal")
    List<String> args = new ArrayList<>();

    @Override
    protected void run() {
        if (args.size() != 1) {
            throw CliException.badArgs("lease revoke command needs 1 argument");
        }
        long leaseId = LeaseIds.parse(args.get(0));
        LeaseRevokeRequest request = LeaseRevokeRequest.newBuilder().setID(leaseId).build();
        try (EtcdConnection connection = session().connect()) {
            LeaseRevokeResponse response;
            try {
                response = EtcdConnection.call(
                        () -> connection.stub(LeaseGrpc::newBlockingStub).leaseRevoke(request));
            } catch (CliException e) {
                throw new CliException(ExitCodes.ERROR, "failed to revoke lease (" + e.getMessage() + ")", e);
            }
            session().printer().leaseRevoke(leaseId, response);
        }
    }
}
