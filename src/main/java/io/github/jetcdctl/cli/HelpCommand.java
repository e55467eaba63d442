package io.github.jetcdctl.cli;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code help [command...]}: the usage of any command, on stdout. */
@Command(name = "help", helpCommand = true, description = "Help about any command")
public class HelpCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "<command>", description = "the command to show help for")
    List<String> commandPath = new ArrayList<>();

    @Override
    public void run() {
        CommandLine target = spec.root().commandLine();
        for (String word : commandPath) {
            CommandLine sub = target.getSubcommands().get(word);
            if (sub == null) {
                break;
            }
            target = sub;
        }
        target.usage(spec.commandLine().getOut());
    }
}
