package io.github.jetcdctl.cli.maintenance;

import io.github.jetcdctl.cli.GroupCommand;
import io.github.jetcdctl.help.LineAddition;
import io.github.jetcdctl.output.EtcdctlLine;
import picocli.CommandLine.Command;

/** {@code downgrade}: etcdctl 3.6's cluster downgrade commands. */
@LineAddition(EtcdctlLine.Addition.DOWNGRADE)
@Command(name = "downgrade", customSynopsis = "downgrade <TARGET_VERSION>",
        description = "Downgrade related commands",
        subcommands = {DowngradeValidateCommand.class, DowngradeEnableCommand.class, DowngradeCancelCommand.class})
public class DowngradeCommand extends GroupCommand {
}
