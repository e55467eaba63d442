package io.github.jetcdctl.cli.auth;

import java.util.ArrayList;
import java.util.List;

import io.etcd.jetcd.api.AuthGrpc;
import io.etcd.jetcd.api.AuthUserChangePasswordRequest;
import io.etcd.jetcd.api.AuthUserChangePasswordResponse;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.cli.gosyntax.GoBoolConverter;
import io.github.jetcdctl.client.EtcdConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code user passwd <name>}: the new password from the prompt, or stdin with --interactive=false. */
@Command(name = "passwd", customSynopsis = "passwd <user name> [options]",
        description = "Changes password of user")
public class UserPasswdCommand extends EtcdCommand {
    @Parameters(arity = "0..*", paramLabel = "<user name>",
            description = "the name of the user whose password to change")
    List<String> args = new ArrayList<>();

    @Option(names = "--interactive", arity = "0..1", fallbackValue = "true", converter = GoBoolConverter.class,
            description = "If true, read password from stdin instead of interactive terminal")
    boolean interactive = true;

    @Override
    protected void run() {
        if (args.size() != 1) {
            throw CliException.badArgs("user passwd command requires user name as its argument");
        }
        String user = args.get(0);
        AuthUserChangePasswordRequest request = AuthUserChangePasswordRequest.newBuilder()
                .setName(user)
                .setPassword(NewPassword.read(session().passwords(), user, interactive))
                .build();
        try (EtcdConnection connection = session().connect()) {
            AuthUserChangePasswordResponse response = EtcdConnection.call(
                    () -> connection.stub(AuthGrpc::newBlockingStub).userChangePassword(request));
            session().printer().userChangePassword(response);
        }
    }
}
