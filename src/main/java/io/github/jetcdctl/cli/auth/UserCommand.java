package io.github.jetcdctl.cli.auth;

import io.github.jetcdctl.cli.GroupCommand;
import picocli.CommandLine.Command;

/** {@code user}: user accounts for authentication. */
@Command(name = "user", description = "User related commands",
        subcommands = {UserAddCommand.class, UserDeleteCommand.class, UserGetCommand.class, UserListCommand.class,
            UserPasswdCommand.class, UserGrantRoleCommand.class, UserRevokeRoleCommand.class})
public class UserCommand extends GroupCommand {
}
