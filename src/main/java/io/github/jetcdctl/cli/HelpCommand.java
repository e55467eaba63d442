package io.github.jetcdctl.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.github.jetcdctl.help.HelpLayout;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code help [command...]}: the help of any command, on stdout. A first word that names no command is cobra's
 * {@code Unknown help topic} on stderr, then the usage of the root (on stderr too in 3.7), exit 0.
 */
@Command(name = "help", helpCommand = true, customSynopsis = "help [command]", description = {
    "Help about any command",
    "Help provides help for any command in the application.",
    "Simply type jetcdctl help [path to command] for full details."})
public class HelpCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "<command>", description = "the command to show help for")
    List<String> commandPath = new ArrayList<>();

    @Override
    public void run() {
        CommandLine root = spec.root().commandLine();
        CommandLine target = root;
        for (String word : commandPath) {
            CommandLine sub = target.getSubcommands().get(word);
            if (sub == null) {
                if (target == root) {
                    unknownTopic(root);
                    return;
                }
                break;
            }
            target = sub;
        }
        target.usage(spec.commandLine().getOut());
    }

    private void unknownTopic(CommandLine root) {
        Session session = ((RootCommand) root.getCommand()).session();
        HelpLayout layout = HelpLayout.of(session.helpLine());
        session.err().println("Unknown help topic " + commandPath.stream().map(word -> "`" + word + "`")
                .collect(Collectors.joining(" ", "[", "]")));
        String usage = layout.usage(root.getCommandSpec());
        if (layout.usageOnStderr()) {
            session.err().print(usage);
        } else {
            session.out().print(usage);
        }
    }
}
