package io.github.jetcdctl.cli.maintenance;

import io.github.jetcdctl.cli.GroupCommand;
import picocli.CommandLine.Command;

/** {@code alarm}: list and disarm the cluster's alarms. */
@Command(name = "alarm", description = "Alarm related commands",
        subcommands = {AlarmDisarmCommand.class, AlarmListCommand.class, AlarmRecoverCommand.class})
public class AlarmCommand extends GroupCommand {
}
