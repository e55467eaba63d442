package io.github.jetcdctl.cli.auth;

import java.util.ArrayList;
import java.util.List;

import io.etcd.jetcd.api.AuthDisableRequest;
import io.etcd.jetcd.api.AuthGrpc;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.client.EtcdConnection;
import io.github.jetcdctl.output.AuthText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code auth disable}. */
@Command(name = "disable", description = "Disables authentication")
public class AuthDisableCommand extends EtcdCommand {
    @Parameters(arity = "0..*", hidden = true, description = "ignored, as etcdctl ignores them")
    List<String> args = new ArrayList<>();

    @Override
    protected void run() {
        if (!args.isEmpty()) {
            throw CliException.badArgs("auth disable command does not accept any arguments");
        }
        try (EtcdConnection connection = session().connect()) {
            EtcdConnection.call(() -> connection.stub(AuthGrpc::newBlockingStub)
                    .authDisable(AuthDisableRequest.getDefaultInstance()));
        }
        AuthText.authDisabled(session().out());
    }
}
