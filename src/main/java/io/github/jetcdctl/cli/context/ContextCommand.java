package io.github.jetcdctl.cli.context;

import io.github.jetcdctl.cli.GroupCommand;
import picocli.CommandLine.Command;

/** {@code context}: named connection settings in the config file (jetcdctl's own; etcdctl has none). */
@Command(name = "context", description = {"Named connection settings",
        "Endpoints, TLS files and a user, kept in "
        + "$XDG_CONFIG_HOME/jetcdctl/config.yaml; select one with --context, ETCDCTL_CONTEXT or 'context use'"},
        subcommands = {ContextAddCommand.class, ContextListCommand.class, ContextRemoveCommand.class,
            ContextShowCommand.class, ContextUseCommand.class})
public class ContextCommand extends GroupCommand {
}
