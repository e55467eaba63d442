package io.github.jetcdctl.help;

import java.util.List;
import java.util.function.Supplier;

import io.github.jetcdctl.output.EtcdctlLine;
import picocli.CommandLine;

/**
 * Replaces picocli's usage sections with one section, the selected line's help, in a command tree: whatever
 * prints usage through picocli ({@code --help}, {@code help CMD}, a group run alone) then prints etcdctl's layout.
 */
public final class HelpSections {
    private static final String SECTION = "etcdctlHelp";

    private HelpSections() {
    }

    /** Installs the line's help in every command of the tree; the line is asked for when help is printed. */
    public static void install(CommandLine root, Supplier<EtcdctlLine> line) {
        // per command, not CommandLine's setters, which would walk the subtree again at every level
        root.getCommandSpec().usageMessage().sectionKeys(List.of(SECTION));
        root.getHelpSectionMap().put(SECTION, help -> HelpLayout.of(line.get()).help(help.commandSpec()));
        for (CommandLine sub : root.getSubcommands().values()) {
            install(sub, line);
        }
    }
}
