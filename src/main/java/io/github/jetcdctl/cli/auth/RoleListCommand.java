package io.github.jetcdctl.cli.auth;

import java.util.ArrayList;
import java.util.List;

import io.etcd.jetcd.api.AuthGrpc;
import io.etcd.jetcd.api.AuthRoleListRequest;
import io.etcd.jetcd.api.AuthRoleListResponse;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.client.EtcdConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code role list}: every role name, sorted by the server. */
@Command(name = "list", description = "Lists all roles")
public class RoleListCommand extends EtcdCommand {
    @Parameters(arity = "0..*", hidden = true, description = "ignored, as etcdctl ignores them")
    List<String> args = new ArrayList<>();

    @Override
    protected void run() {
        if (!args.isEmpty()) {
            throw CliException.badArgs("role list command requires no arguments");
        }
        try (EtcdConnection connection = session().connect()) {
            AuthRoleListResponse response = EtcdConnection.call(() -> connection.stub(AuthGrpc::newBlockingStub)
                    .roleList(AuthRoleListRequest.getDefaultInstance()));
            session().printer().roleList(response);
        }
    }
}
