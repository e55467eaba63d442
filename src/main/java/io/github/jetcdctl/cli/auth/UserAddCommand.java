package io.github.jetcdctl.cli.auth;

import java.util.ArrayList;
import java.util.List;

import com.google.protobuf.ByteString;

import io.etcd.jetcd.api.AuthGrpc;
import io.etcd.jetcd.api.AuthUserAddResponse;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.cli.gosyntax.GoBoolConverter;
import io.github.jetcdctl.client.EtcdConnection;
import io.github.jetcdctl.client.Requests;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code user add <name | name:password>}. The password comes from, in this order: --no-password (none),
 * --new-user-password, the text after the first colon, or the prompt (stdin with --interactive=false).
 */
@Command(name = "add", customSynopsis = "add <user name or user:password> [options]",
        description = "Adds a new user")
public class UserAddCommand extends EtcdCommand {
    @Parameters(arity = "0..*", paramLabel = "<user name or user:password>",
            description = "the name of the user to add, and its password after a colon (else it is asked for)")
    List<String> args = new ArrayList<>();

    @Option(names = "--interactive", arity = "0..1", fallbackValue = "true", converter = GoBoolConverter.class,
            description = "Read password from stdin instead of interactive terminal")
    boolean interactive = true;

    @Option(names = "--new-user-password", paramLabel = "<password>",
            description = "Supply password from the command line flag")
    String newUserPassword = "";

    @Option(names = "--no-password", arity = "0..1", fallbackValue = "true", converter = GoBoolConverter.class,
            description = "Create a user without password (CN based auth only)")
    boolean noPassword;

    @Override
    protected void run() {
        if (args.size() != 1) {
            throw CliException.badArgs("user add command requires user name as its argument");
        }
        String user = args.get(0);
        String password = "";
        if (!noPassword) {
            if (!newUserPassword.isEmpty()) {
                password = newUserPassword;
            } else {
                int colon = user.indexOf(':');
                if (colon < 0) {
                    password = NewPassword.read(session().passwords(), user, interactive);
                } else {
                    password = user.substring(colon + 1);
                    user = user.substring(0, colon);
                    if (user.isEmpty()) {
                        throw CliException.badArgs("empty user name is not allowed");
                    }
                }
            }
        }
        String name = user;
        var request = Requests.userAdd(ByteString.copyFromUtf8(name), ByteString.copyFromUtf8(password),
                noPassword);
        try (EtcdConnection connection = session().connect()) {
            AuthUserAddResponse response = EtcdConnection.call(
                    () -> connection.stub(AuthGrpc::newBlockingStub).userAdd(request));
            session().printer().userAdd(name, response);
        }
    }
}
