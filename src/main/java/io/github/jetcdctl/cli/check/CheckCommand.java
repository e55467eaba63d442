package io.github.jetcdctl.cli.check;

import io.github.jetcdctl.cli.GroupCommand;
import picocli.CommandLine.Command;

/** {@code check}: etcdctl's checks of a live cluster's properties. */
@Command(name = "check", description = "commands for checking properties of the etcd cluster",
        subcommands = {CheckDatascaleCommand.class, CheckPerfCommand.class})
public class CheckCommand extends GroupCommand {
}
