package io.github.jetcdctl.cli.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.google.protobuf.ByteString;

import io.etcd.jetcd.api.AuthGrpc;
import io.etcd.jetcd.api.AuthRoleGrantPermissionRequest;
import io.etcd.jetcd.api.AuthRoleGrantPermissionResponse;
import io.etcd.jetcd.api.Permission;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.cli.gosyntax.GoBoolConverter;
import io.github.jetcdctl.client.EtcdConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code role grant-permission [--prefix|--from-key] <role> <read|write|readwrite> <key> [endkey]}. */
@Command(name = "grant-permission",
        customSynopsis = "grant-permission [options] <role name> <permission type> <key> [endkey]",
        description = "Grants a key to a role")
public class RoleGrantPermissionCommand extends EtcdCommand {
    @Parameters(arity = "0..*", paramLabel = "<role name> <permission type> <key> [endkey]",
            description = "the role; read, write or readwrite; the key, or with an end key the range [key, endkey)")
    List<String> args = new ArrayList<>();

    @Option(names = "--prefix", arity = "0..1", fallbackValue = "true", converter = GoBoolConverter.class,
            description = "grant a prefix permission")
    boolean prefix;

    @Option(names = "--from-key", arity = "0..1", fallbackValue = "true", converter = GoBoolConverter.class,
            description = "grant a permission of keys that are greater than or equal to the given key using byte "
                    + "compare")
    boolean fromKey;

    @Override
    protected void run() {
        if (args.size() < 3) {
            throw CliException.badArgs(
                    "role grant command requires role name, permission type, and key [endkey] as its argument");
        }
        String role = args.get(0);
        Permission.Type type = permissionType(args.get(1));
        List<byte[]> keyArgs = new ArrayList<>();
        for (String arg : args.subList(2, args.size())) {
            keyArgs.add(session().argBytes(arg));
        }
        PermissionRange range = PermissionRange.of(keyArgs, prefix, fromKey);
        AuthRoleGrantPermissionRequest request = AuthRoleGrantPermissionRequest.newBuilder()
                .setName(role)
                .setPerm(Permission.newBuilder()
                        .setPermType(type)
                        .setKey(ByteString.copyFrom(range.key()))
                        .setRangeEnd(ByteString.copyFrom(range.rangeEnd())))
                .build();
        try (EtcdConnection connection = session().connect()) {
            AuthRoleGrantPermissionResponse response = EtcdConnection.call(
                    () -> connection.stub(AuthGrpc::newBlockingStub).roleGrantPermission(request));
            session().printer().roleGrantPermission(role, response);
        }
    }

    /** READ, WRITE or READWRITE in any letter case. */
    private static Permission.Type permissionType(String text) {
        return switch (text.toUpperCase(Locale.ROOT)) {
            case "READ" -> Permission.Type.READ;
            case "WRITE" -> Permission.Type.WRITE;
            case "READWRITE" -> Permission.Type.READWRITE;
            default -> throw CliException.badArgs("invalid permission type: " + text);
        };
    }
}
