package io.github.jetcdctl.cli.docs;

import java.util.List;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.cli.CommandCatalog;
import io.github.jetcdctl.cli.EtcdCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code completion bash|zsh}: prints the completion script for the shell. */
@Command(name = "completion", customSynopsis = "completion [bash|zsh]",
        description = {"Generate completion script",
        "Prints a shell completion script: add  source <(jetcdctl completion "
        + "bash)  to ~/.bashrc, or  source <(jetcdctl completion zsh)  to ~/.zshrc"})
public class CompletionCommand extends EtcdCommand {
    static final class Shells implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return List.of("bash", "zsh").iterator();
        }
    }

    @Parameters(index = "0", paramLabel = "<shell>", completionCandidates = Shells.class,
            description = "the shell: bash or zsh")
    String shell;

    @Override
    protected void run() {
        String script = switch (shell) {
            case "bash" -> CompletionScript.bash(CommandCatalog.fullTree());
            case "zsh" -> CompletionScript.zsh(CommandCatalog.fullTree());
            default -> throw CliException.badArgs("unsupported shell \"" + shell + "\": use bash or zsh");
        };
        session().out().print(script);
    }
}
