package io.github.jetcdctl.cli.context;

import java.util.ArrayList;
import java.util.List;

import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.config.ConfigFile;
import io.github.jetcdctl.config.ContextConfig;
import io.github.jetcdctl.config.NamedContext;
import io.github.jetcdctl.output.OutputFormat;
import picocli.CommandLine.Command;

/** {@code context list}: names only in the simple format, so scripts and shell completion can use it. */
@Command(name = "list", description = {"Lists the contexts", "Names (-w simple), a table marking the selected one "
        + "(-w table), or every setting (-w json)"})
public class ContextListCommand extends EtcdCommand {
    @Override
    protected void run() {
        OutputFormat format = OutputFormat.parse(session().options().writeOut());
        ContextConfig config = ConfigFile.locate(session().env()).load();
        List<NamedContext> contexts = new ArrayList<>(config.contexts());
        String current = config.current().orElse("");
        switch (format) {
            case SIMPLE -> contexts.forEach(context -> session().out().println(context.name()));
            case TABLE -> session().out().print(ContextOutput.table(contexts, current, session().line().tableStyle()));
            case JSON -> session().out().println(ContextOutput.listJson(contexts, current));
            default -> throw format.unsupported();
        }
    }
}
