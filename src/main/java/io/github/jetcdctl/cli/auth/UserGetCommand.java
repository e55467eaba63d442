package io.github.jetcdctl.cli.auth;

import java.util.ArrayList;
import java.util.List;

import io.etcd.jetcd.api.AuthGrpc;
import io.etcd.jetcd.api.AuthRoleGetRequest;
import io.etcd.jetcd.api.AuthRoleGetResponse;
import io.etcd.jetcd.api.AuthUserGetRequest;
import io.etcd.jetcd.api.AuthUserGetResponse;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.cli.gosyntax.GoBoolConverter;
import io.github.jetcdctl.client.EtcdConnection;
import io.github.jetcdctl.output.AuthText;
import io.github.jetcdctl.output.Printer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code user get <name> [--detail]}. With --detail each granted role is fetched and printed as
 * {@code role get} prints it, under a plain-text heading, role by role as etcdctl does.
 */
@Command(name = "get", customSynopsis = "get <user name> [options]",
        description = "Gets detailed information of a user")
public class UserGetCommand extends EtcdCommand {
    @Parameters(arity = "0..*", paramLabel = "<user name>", description = "the name of the user to show")
    List<String> args = new ArrayList<>();

    @Option(names = "--detail", arity = "0..1", fallbackValue = "true", converter = GoBoolConverter.class,
            description = "Show permissions of roles granted to the user")
    boolean detail;

    @Override
    protected void run() {
        if (args.size() != 1) {
            throw CliException.badArgs("user get command requires user name as its argument");
        }
        String user = args.get(0);
        try (EtcdConnection connection = session().connect()) {
            AuthGrpc.AuthBlockingStub auth = connection.stub(AuthGrpc::newBlockingStub);
            AuthUserGetResponse response = EtcdConnection.call(
                    () -> auth.userGet(AuthUserGetRequest.newBuilder().setName(user).build()));
            Printer printer = session().printer();
            if (!detail) {
                printer.userGet(user, response);
                return;
            }
            AuthText.userDetailHeading(session().out(), user);
            for (String role : response.getRolesList()) {
                AuthText.userDetailRoleSeparator(session().out());
                AuthRoleGetResponse roleResponse = EtcdConnection.call(
                        () -> auth.roleGet(AuthRoleGetRequest.newBuilder().setRole(role).build()));
                printer.roleGet(role, roleResponse);
            }
        }
    }
}
