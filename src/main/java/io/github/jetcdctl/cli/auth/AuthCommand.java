package io.github.jetcdctl.cli.auth;

import io.github.jetcdctl.cli.GroupCommand;
import picocli.CommandLine.Command;

/** {@code auth}: switching authentication on and off. */
@Command(name = "auth", customSynopsis = "auth <enable or disable>",
        description = "Enable or disable authentication",
        subcommands = {AuthEnableCommand.class, AuthDisableCommand.class, AuthStatusCommand.class})
public class AuthCommand extends GroupCommand {
}
