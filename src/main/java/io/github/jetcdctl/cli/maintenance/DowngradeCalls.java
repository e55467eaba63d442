package io.github.jetcdctl.cli.maintenance;

import java.util.List;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.cli.Session;
import io.github.jetcdctl.client.EtcdConnection;
import io.github.jetcdctl.client.api.DowngradeRequest;
import io.github.jetcdctl.client.api.DowngradeResponse;
import io.github.jetcdctl.client.api.MaintenanceGrpc;
import io.github.jetcdctl.output.EtcdctlLine;

/** The Downgrade call the three downgrade commands share, with etcdctl 3.6's argument checks. */
final class DowngradeCalls {
    private DowngradeCalls() {
    }

    /**
     * Checks the target version argument (validate and enable take exactly one), calls Downgrade and prints the
     * response. Lines before 3.6 have no such command: the same words as etcdctl 3.5's for an unknown command.
     */
    static void run(Session session, DowngradeRequest.DowngradeAction action, List<String> args,
            boolean takesTarget) {
        session.requireCommandOnLine(EtcdctlLine.Addition.DOWNGRADE, "downgrade");
        String target = "";
        if (takesTarget) {
            if (args.isEmpty()) {
                throw CliException.badArgs("TARGET_VERSION not provided");
            }
            if (args.size() > 1) {
                throw CliException.badArgs("too many arguments");
            }
            target = args.get(0);
            if (target.isEmpty()) {
                throw CliException.badArgs("target version not provided");
            }
        }
        DowngradeRequest request = DowngradeRequest.newBuilder().setAction(action).setVersion(target).build();
        try (EtcdConnection connection = session.connect()) {
            DowngradeResponse response = EtcdConnection.call(() -> connection.stub(MaintenanceGrpc::newBlockingStub)
                    .downgrade(request));
            session.printer().downgrade(action.name().toLowerCase(java.util.Locale.ROOT), response);
        }
    }
}
