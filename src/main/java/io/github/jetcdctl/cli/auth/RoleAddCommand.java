package io.github.jetcdctl.cli.auth;

import java.util.ArrayList;
import java.util.List;

import io.etcd.jetcd.api.AuthGrpc;
import io.etcd.jetcd.api.AuthRoleAddRequest;
import io.etcd.jetcd.api.AuthRoleAddResponse;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.client.EtcdConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code role add <role>}. */
@Command(name = "add", description = "Adds a new role")
public class RoleAddCommand extends EtcdCommand {
    @Parameters(arity = "0..*", paramLabel = "<role name>", description = "the name of the role to add")
    List<String> args = new ArrayList<>();

    @Override
    protected void run() {
        if (args.size() != 1) {
            throw CliException.badArgs("role add command requires role name as its argument");
        }
        String role = args.get(0);
        try (EtcdConnection connection = session().connect()) {
            AuthRoleAddResponse response = EtcdConnection.call(() -> connection.stub(AuthGrpc::newBlockingStub)
                    .roleAdd(AuthRoleAddRequest.newBuilder().setName(role).build()));
            session().printer().roleAdd(role, response);
        }
    }
}
