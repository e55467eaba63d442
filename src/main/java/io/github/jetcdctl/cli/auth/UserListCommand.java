package io.github.jetcdctl.cli.auth;

import java.util.ArrayList;
import java.util.List;

import io.etcd.jetcd.api.AuthGrpc;
import io.etcd.jetcd.api.AuthUserListRequest;
import io.etcd.jetcd.api.AuthUserListResponse;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.client.EtcdConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code user list}: every user name, sorted by the server. */
@Command(name = "list", description = "Lists all users")
public class UserListCommand extends EtcdCommand {
    @Parameters(arity = "0..*", hidden = true, description = "ignored, as etcdctl ignores them")
    List<String> args = new ArrayList<>();

    @Override
    protected void run() {
        if (!args.isEmpty()) {
            throw CliException.badArgs("user list command requires no arguments");
        }
        try (EtcdConnection connection = session().connect()) {
            AuthUserListResponse response = EtcdConnection.call(() -> connection.stub(AuthGrpc::newBlockingStub)
                    .userList(AuthUserListRequest.getDefaultInstance()));
            session().printer().userList(response);
        }
    }
}
