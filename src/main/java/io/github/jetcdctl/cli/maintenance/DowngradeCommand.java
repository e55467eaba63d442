package io.github.jetcdctl.cli.maintenance;

import io.github.jetcdctl.cli.GroupCommand;
import picocli.CommandLine.Command;

/** {@code downgrade}: etcdctl 3.6's cluster downgrade commands. */
@Command(name = "downgrade", description = "Downgrade related commands (etcdctl 3.6 and later)",
        subcommands = {DowngradeValidateCommand.class, DowngradeEnableCommand.class, DowngradeCancelCommand.class})
public class DowngradeCommand extends GroupCommand {
}
