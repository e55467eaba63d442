package io.github.jetcdctl.cli.auth;

import java.util.ArrayList;
import java.util.List;

import io.etcd.jetcd.api.AuthGrpc;
import io.etcd.jetcd.api.AuthRoleGetRequest;
import io.etcd.jetcd.api.AuthRoleGetResponse;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.client.EtcdConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code role get <role>}. */
@Command(name = "get", description = "Gets detailed information of a role")
public class RoleGetCommand extends EtcdCommand {
    @Parameters(arity = "0..*", paramLabel = "<role name>", description = "the name of the role to show")
    List<String> args = new ArrayList<>();

    @Override
    protected void run() {
        if (args.size() != 1) {
            throw CliException.badArgs("role get command requires role name as its argument");
        }
        String role = args.get(0);
        try (EtcdConnection connection = session().connect()) {
            AuthRoleGetResponse response = EtcdConnection.call(() -> connection.stub(AuthGrpc::newBlockingStub)
                    .roleGet(AuthRoleGetRequest.newBuilder().setRole(role).build()));
            session().printer().roleGet(role, response);
        }
    }
}
