package io.github.jetcdctl.cli.cluster;

import io.github.jetcdctl.cli.GroupCommand;
import picocli.CommandLine.Command;

/** {@code member}: membership commands. */
@Command(name = "member", description = "Membership related commands",
        subcommands = {MemberListCommand.class, MemberAddCommand.class, MemberRemoveCommand.class,
            MemberUpdateCommand.class, MemberPromoteCommand.class})
public class MemberCommand extends GroupCommand {
}
