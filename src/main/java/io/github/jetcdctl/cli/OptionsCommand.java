package io.github.jetcdctl.cli;

import io.github.jetcdctl.help.HelpLayout;
import io.github.jetcdctl.help.LineAddition;
import io.github.jetcdctl.output.EtcdctlLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code options} (etcdctl 3.7): the global flags, which 3.7's help of each command leaves out. */
@LineAddition(EtcdctlLine.Addition.OPTIONS_COMMAND)
@Command(name = "options", description = "Show the global command-line flags")
public class OptionsCommand extends EtcdCommand {
    @Mixin
    IgnoredArguments extraWords;

    @Override
    protected void run() {
        // Cli refuses it, as an unknown command, on the lines before 3.7
        session().out().print(HelpLayout.globalOptions(spec, session().line()));
    }
}
