package io.github.jetcdctl.cli.auth;

import java.util.ArrayList;
import java.util.List;

import io.etcd.jetcd.api.AuthGrpc;
import io.etcd.jetcd.api.AuthUserRevokeRoleRequest;
import io.etcd.jetcd.api.AuthUserRevokeRoleResponse;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.client.EtcdConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code user revoke-role <user> <role>}. */
@Command(name = "revoke-role", description = "Revokes a role from a user")
public class UserRevokeRoleCommand extends EtcdCommand {
    @Parameters(arity = "0..*", paramLabel = "<user name> <role name>",
            description = "the user, and the role to revoke from it")
    List<String> args = new ArrayList<>();

    @Override
    protected void run() {
        if (args.size() != 2) {
            throw CliException.badArgs("user revoke-role requires user name and role name as its argument");
        }
        String user = args.get(0);
        String role = args.get(1);
        try (EtcdConnection connection = session().connect()) {
            AuthUserRevokeRoleResponse response = EtcdConnection.call(() -> connection.stub(AuthGrpc::newBlockingStub)
                    .userRevokeRole(AuthUserRevokeRoleRequest.newBuilder().setName(user).setRole(role).build()));
            session().printer().userRevokeRole(user, role, response);
        }
    }
}
