package io.github.jetcdctl.cli.auth;

import java.util.ArrayList;
import java.util.List;

import com.google.protobuf.ByteString;

import io.etcd.jetcd.api.AuthGrpc;
import io.etcd.jetcd.api.AuthRoleRevokePermissionRequest;
import io.etcd.jetcd.api.AuthRoleRevokePermissionResponse;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.cli.gosyntax.GoBoolConverter;
import io.github.jetcdctl.client.EtcdConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code role revoke-permission [--prefix|--from-key] <role> <key> [endkey]}. */
@Command(name = "revoke-permission", description = "Revokes a key from a role")
public class RoleRevokePermissionCommand extends EtcdCommand {
    @Parameters(arity = "0..*", paramLabel = "<role name> <key> [endkey]",
            description = "the role; the key, or with an end key the range [key, endkey), of the permission to revoke")
    List<String> args = new ArrayList<>();

    @Option(names = "--prefix", arity = "0..1", fallbackValue = "true", converter = GoBoolConverter.class,
            description = "revoke a prefix permission")
    boolean prefix;

    @Option(names = "--from-key", arity = "0..1", fallbackValue = "true", converter = GoBoolConverter.class,
            description = "revoke a permission of keys that are greater than or equal to the given key using byte "
                    + "compare")
    boolean fromKey;

    @Override
    protected void run() {
        if (args.size() < 2) {
            throw CliException.badArgs(
                    "role revoke-permission command requires role name and key [endkey] as its argument");
        }
        String role = args.get(0);
        List<byte[]> keyArgs = new ArrayList<>();
        for (String arg : args.subList(1, args.size())) {
            keyArgs.add(session().argBytes(arg));
        }
        PermissionRange range = PermissionRange.of(keyArgs, prefix, fromKey);
        AuthRoleRevokePermissionRequest request = AuthRoleRevokePermissionRequest.newBuilder()
                .setRole(role)
                .setKey(ByteString.copyFrom(range.key()))
                .setRangeEnd(ByteString.copyFrom(range.rangeEnd()))
                .build();
        try (EtcdConnection connection = session().connect()) {
            AuthRoleRevokePermissionResponse response = EtcdConnection.call(
                    () -> connection.stub(AuthGrpc::newBlockingStub).roleRevokePermission(request));
            // etcdctl names the key as typed, not the \x00 it sends for an empty key
            session().printer().roleRevokePermission(role, keyArgs.get(0), range.rangeEnd(), response);
        }
    }
}
