package io.github.jetcdctl.cli.context;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.config.ConfigFile;
import io.github.jetcdctl.config.ContextConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code context use NAME}: the context every later command uses when no --context or ETCDCTL_CONTEXT says. */
@Command(name = "use", description = {"Selects the context later commands use",
        "Later commands use it unless --context or ETCDCTL_CONTEXT names another"})
public class ContextUseCommand extends EtcdCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "<name>", description = "the context to select")
    String name;

    @Option(names = "--none", description = "select no context: back to etcdctl's defaults")
    boolean none;

    @Override
    protected void run() {
        if ((name == null) == !none) {
            throw CliException.badArgs("context use needs a context name, or --none");
        }
        ConfigFile file = ConfigFile.locate(session().env());
        ContextConfig config = file.load();
        if (none) {
            file.save(config.withCurrent(""));
            session().out().println("Using no context");
            return;
        }
        if (config.find(name).isEmpty()) {
            throw new CliException(ExitCodes.ERROR, "context \"" + name + "\" not found in " + file.path());
        }
        file.save(config.withCurrent(name));
        session().out().println("Using context " + name);
    }
}
