package io.github.jetcdctl.cli.lease;

import io.github.jetcdctl.cli.GroupCommand;
import picocli.CommandLine.Command;

/** {@code lease}: lease commands. */
@Command(name = "lease", description = "Lease related commands",
        subcommands = {
            LeaseGrantCommand.class,
            LeaseRevokeCommand.class,
            LeaseTimeToLiveCommand.class,
            LeaseListCommand.class,
            LeaseKeepAliveCommand.class,
        })
public class LeaseCommand extends GroupCommand {
}
