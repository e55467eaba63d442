package io.github.jetcdctl.cli.lease;

import java.util.ArrayList;
import java.util.List;

import io.etcd.jetcd.api.ResponseHeader;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.client.EtcdConnection;
import io.github.jetcdctl.client.LeaseLeases;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code lease list}: the active leases, in the server's (unsorted) order. */
@Command(name = "list", description = "List all active leases")
public class LeaseListCommand extends EtcdCommand {
    @Parameters(arity = "0..*", hidden = true, description = "ignored, as etcdctl ignores them")
    List<String> ignored = new ArrayList<>();

    @Override
    protected void run() {
        try (EtcdConnection connection = session().connect()) {
            LeaseLeases.Response response;
            try {
                response = EtcdConnection.call(() -> LeaseLeases.call(connection));
            } catch (CliException e) {
                throw new CliException(ExitCodes.BAD_CONNECTION, e.getMessage(), e);
            }
            ResponseHeader header = response.header() != null ? response.header() : ResponseHeader.getDefaultInstance();
            session().printer().leaseList(header, response.ids());
        }
    }
}
