package io.github.jetcdctl.cli.auth;

import java.util.ArrayList;
import java.util.List;


import io.github.jetcdctl.CliException;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.client.AuthStatusRpc;
import io.github.jetcdctl.client.api.AuthStatusResponse;
import io.github.jetcdctl.client.EtcdConnection;
import io.github.jetcdctl.output.AuthStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code auth status}: whether authentication is on, and the auth store's revision. */
@Command(name = "status", description = "Returns authentication status")
public class AuthStatusCommand extends EtcdCommand {
    @Parameters(arity = "0..*", hidden = true, description = "ignored, as etcdctl ignores them")
    List<String> args = new ArrayList<>();

    @Override
    protected void run() {
        if (!args.isEmpty()) {
            throw CliException.badArgs("auth status command does not accept any arguments");
        }
        try (EtcdConnection connection = session().connect()) {
            AuthStatusResponse response = AuthStatusRpc.call(connection);
            session().printer().authStatus(new AuthStatus(response, response.getEnabled(),
                    response.getAuthRevision()));
        }
    }
}
