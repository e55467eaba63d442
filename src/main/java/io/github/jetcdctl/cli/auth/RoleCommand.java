package io.github.jetcdctl.cli.auth;

import io.github.jetcdctl.cli.GroupCommand;
import picocli.CommandLine.Command;

/** {@code role}: roles and the key permissions they grant. */
@Command(name = "role", description = "Role related commands",
        subcommands = {RoleAddCommand.class, RoleDeleteCommand.class, RoleGetCommand.class, RoleListCommand.class,
            RoleGrantPermissionCommand.class, RoleRevokePermissionCommand.class})
public class RoleCommand extends GroupCommand {
}
