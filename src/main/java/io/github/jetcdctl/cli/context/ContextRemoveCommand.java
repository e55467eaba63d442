package io.github.jetcdctl.cli.context;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.config.ConfigFile;
import io.github.jetcdctl.config.ContextConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code context remove NAME}; removing the selected context selects none. */
@Command(name = "remove", description = {"Removes a context",
        "From the config file; when it was selected, none is"})
public class ContextRemoveCommand extends EtcdCommand {
    @Parameters(index = "0", paramLabel = "<name>", description = "the context to remove")
    String name;

    @Override
    protected void run() {
        ConfigFile file = ConfigFile.locate(session().env());
        ContextConfig config = file.load();
        if (config.find(name).isEmpty()) {
            throw new CliException(ExitCodes.ERROR, "context \"" + name + "\" not found in " + file.path());
        }
        file.save(config.without(name));
        session().out().println("Context " + name + " removed");
    }
}
