package io.github.jetcdctl.cli.auth;

import java.util.ArrayList;
import java.util.List;

import io.etcd.jetcd.api.AuthEnableRequest;
import io.etcd.jetcd.api.AuthGrpc;
import io.etcd.jetcd.api.AuthRoleAddRequest;
import io.etcd.jetcd.api.AuthUserGrantRoleRequest;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.client.EtcdConnection;
import io.github.jetcdctl.client.GrpcErrors;
import io.github.jetcdctl.output.AuthText;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code auth enable}. Like etcdctl, when the server refuses because user root lacks role root, the role is
 * created and granted to root, and enabling is tried again, all within one command timeout.
 */
@Command(name = "enable", description = "Enables authentication")
public class AuthEnableCommand extends EtcdCommand {
    private static final String ROOT = "root";
    private static final String ROOT_ROLE_MISSING = "etcdserver: root user does not have root role";

    @Parameters(arity = "0..*", hidden = true, description = "ignored, as etcdctl ignores them")
    List<String> args = new ArrayList<>();

    @Override
    protected void run() {
        if (!args.isEmpty()) {
            throw CliException.badArgs("auth enable command does not accept any arguments");
        }
        try (EtcdConnection connection = session().connect()) {
            AuthGrpc.AuthBlockingStub auth = connection.stub(AuthGrpc::newBlockingStub);
            while (!enable(auth)) {
                EtcdConnection.call(() -> auth.roleAdd(AuthRoleAddRequest.newBuilder().setName(ROOT).build()));
                EtcdConnection.call(() -> auth.userGrantRole(
                        AuthUserGrantRoleRequest.newBuilder().setUser(ROOT).setRole(ROOT).build()));
            }
        }
        AuthText.authEnabled(session().out());
    }

    /** False when the root role is missing; any other failure ends the command. */
    private static boolean enable(AuthGrpc.AuthBlockingStub auth) {
        try {
            auth.authEnable(AuthEnableRequest.getDefaultInstance());
            return true;
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.FAILED_PRECONDITION
                    && ROOT_ROLE_MISSING.equals(e.getStatus().getDescription())) {
                return false;
            }
            throw new CliException(ExitCodes.ERROR, GrpcErrors.message(e), e);
        }
    }
}
