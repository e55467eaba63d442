package io.github.jetcdctl.cli.context;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.cli.ContextOverlay;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.config.ConfigFile;
import io.github.jetcdctl.config.ContextConfig;
import io.github.jetcdctl.config.NamedContext;
import io.github.jetcdctl.output.OutputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code context show [NAME]}: a context's settings; without a name, the one a command would use now. */
@Command(name = "show", description = {"Shows a context's settings", "Without a name, the context a command would "
        + "use now (--context, else ETCDCTL_CONTEXT, else the one 'context use' selected)"})
public class ContextShowCommand extends EtcdCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "<name>", description = "the context to show")
    String name;

    @Override
    protected void run() {
        OutputFormat format = OutputFormat.parse(session().options().writeOut());
        ConfigFile file = ConfigFile.locate(session().env());
        ContextConfig config = file.load();
        String wanted = name != null ? name : ContextOverlay.selected(session().options().context(),
                session().givenOnCommandLine("--context"), session().env(), config)
                .orElseThrow(() -> new CliException(ExitCodes.ERROR,
                        "no context is selected; name one, or select one with 'jetcdctl context use NAME'"));
        NamedContext context = config.find(wanted).orElseThrow(() -> new CliException(ExitCodes.ERROR,
                "context \"" + wanted + "\" not found in " + file.path()));
        switch (format) {
            case SIMPLE -> session().out().print(ContextOutput.lines(context));
            case JSON -> session().out().println(ContextOutput.showJson(context));
            default -> throw format.unsupported();
        }
    }
}
