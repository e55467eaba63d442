package io.github.jetcdctl.cli.auth;

import java.util.ArrayList;
import java.util.List;

import io.etcd.jetcd.api.AuthGrpc;
import io.etcd.jetcd.api.AuthUserGrantRoleRequest;
import io.etcd.jetcd.api.AuthUserGrantRoleResponse;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.client.EtcdConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code user grant-role <user> <role>}. */
@Command(name = "grant-role", description = "Grants a role to a user")
public class UserGrantRoleCommand extends EtcdCommand {
    @Parameters(arity = "0..*", paramLabel = "<user name> <role name>",
            description = "the user, and the role to grant it")
    List<String> args = new ArrayList<>();

    @Override
    protected void run() {
        if (args.size() != 2) {
            throw CliException.badArgs("user grant command requires user name and role name as its argument");
        }
        String user = args.get(0);
        String role = args.get(1);
        try (EtcdConnection connection = session().connect()) {
            AuthUserGrantRoleResponse response = EtcdConnection.call(() -> connection.stub(AuthGrpc::newBlockingStub)
                    .userGrantRole(AuthUserGrantRoleRequest.newBuilder().setUser(user).setRole(role).build()));
            session().printer().userGrantRole(user, role, response);
        }
    }
}
