package io.github.jetcdctl.cli.auth;

import java.util.ArrayList;
import java.util.List;

import io.etcd.jetcd.api.AuthGrpc;
import io.etcd.jetcd.api.AuthRoleDeleteRequest;
import io.etcd.jetcd.api.AuthRoleDeleteResponse;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.client.EtcdConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code role delete <role>}. */
@Command(name = "delete", description = "Deletes a role")
public class RoleDeleteCommand extends EtcdCommand {
    @Parameters(arity = "0..*", paramLabel = "<role name>", description = "the name of the role to delete")
    List<String> args = new ArrayList<>();

    @Override
    protected void run() {
        if (args.size() != 1) {
            throw CliException.badArgs("role delete command requires role name as its argument");
        }
        String role = args.get(0);
        try (EtcdConnection connection = session().connect()) {
            AuthRoleDeleteResponse response = EtcdConnection.call(() -> connection.stub(AuthGrpc::newBlockingStub)
                    .roleDelete(AuthRoleDeleteRequest.newBuilder().setRole(role).build()));
            session().printer().roleDelete(role, response);
        }
    }
}
