package io.github.jetcdctl.cli.auth;

import java.util.ArrayList;
import java.util.List;

import io.etcd.jetcd.api.AuthGrpc;
import io.etcd.jetcd.api.AuthUserDeleteRequest;
import io.etcd.jetcd.api.AuthUserDeleteResponse;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.client.EtcdConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code user delete <name>}. */
@Command(name = "delete", description = "Deletes a user")
public class UserDeleteCommand extends EtcdCommand {
    @Parameters(arity = "0..*", paramLabel = "<user name>", description = "the name of the user to delete")
    List<String> args = new ArrayList<>();

    @Override
    protected void run() {
        if (args.size() != 1) {
            throw CliException.badArgs("user delete command requires user name as its argument");
        }
        String user = args.get(0);
        try (EtcdConnection connection = session().connect()) {
            AuthUserDeleteResponse response = EtcdConnection.call(() -> connection.stub(AuthGrpc::newBlockingStub)
                    .userDelete(AuthUserDeleteRequest.newBuilder().setName(user).build()));
            session().printer().userDelete(user, response);
        }
    }
}
