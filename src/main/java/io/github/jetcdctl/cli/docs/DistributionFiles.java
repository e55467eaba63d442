package io.github.jetcdctl.cli.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.jetcdctl.cli.CommandCatalog;
import picocli.CommandLine;

/**
 * Build step (run by Maven before packaging): writes the man page and the completion scripts that the
 * distribution archive ships, from the same command definitions the program runs.
 */
public final class DistributionFiles {
    private DistributionFiles() {
    }

    /** Arguments: the output directory and the version to print in the man page. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: DistributionFiles OUTPUT_DIR VERSION");
        }
        Path out = Path.of(args[0]);
        CommandLine root = CommandCatalog.fullTree();
        write(out.resolve("man/man1/jetcdctl.1"), ManPage.render(root, args[1]));
        write(out.resolve("completion/jetcdctl.bash"), CompletionScript.bash(root));
        write(out.resolve("completion/jetcdctl.zsh"), CompletionScript.zsh(root));
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
