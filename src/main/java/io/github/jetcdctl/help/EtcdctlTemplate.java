package io.github.jetcdctl.help;

import java.util.List;
import java.util.stream.Stream;

import io.github.jetcdctl.Version;
import io.github.jetcdctl.output.EtcdctlLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * etcdctl's own help template (cobrautl's UsageFunc) of 3.5 and 3.6: NAME, USAGE, VERSION, API VERSION, the
 * examples (3.6), COMMANDS (every runnable command below), DESCRIPTION, OPTIONS and GLOBAL OPTIONS, aligned by
 * Go's tab writer. 3.5 indents with a tab and leaves two blank lines before COMMANDS; 3.6 indents with two spaces.
 */
final class EtcdctlTemplate extends HelpLayout {
    private final EtcdctlLine line;
    private final String indent;
    private final String blankBeforeCommands;
    private final boolean showsExamples;

    EtcdctlTemplate(EtcdctlLine line, String indent, String blankBeforeCommands, boolean showsExamples) {
        this.line = line;
        this.indent = indent;
        this.blankBeforeCommands = blankBeforeCommands;
        this.showsExamples = showsExamples;
    }

    @Override
    public String help(CommandSpec command) {
        return render(command, true);
    }

    /**
     * The root's usage after {@code help} of an unknown topic: cobra adds the help flag to a command only when it
     * runs, so the root's is missing there.
     */
    @Override
    public String usage(CommandSpec command) {
        return render(command, false);
    }

    private String render(CommandSpec command, boolean withHelpFlag) {
        CommandHelp cmd = new CommandHelp(command, line);
        CommandHelp root = new CommandHelp(command.root(), line);
        StringBuilder out = new StringBuilder("NAME:\n");
        out.append(indented((cmd.isRoot() ? cmd.name() : cmd.nameBelow(root)) + " - " + cmd.shortText()))
                .append("\n\nUSAGE:\n").append(indented(cmd.useLine())).append('\n');
        if (cmd.isRoot()) {
            out.append("\nVERSION:\n").append(indented(Version.TOOL)).append('\n');
        }
        List<CommandHelp> subcommands = cmd.subcommands();
        if (!subcommands.isEmpty()) {
            out.append("\nAPI VERSION:\n").append(indented(line.toString())).append('\n');
        }
        List<String> examples = cmd.examples();
        if (showsExamples && !examples.isEmpty()) {
            out.append("\nExamples:\n");
            for (String example : examples) {
                out.append("  ").append(example).append('\n');
            }
        }
        if (!subcommands.isEmpty()) {
            out.append(blankBeforeCommands).append("COMMANDS:\n");
            for (CommandHelp sub : cmd.descendants()) {
                if (sub.runnable()) {
                    out.append(indented(sub.nameBelow(cmd) + "\t" + sub.shortText())).append('\n');
                }
            }
        }
        String longText = String.join("\n\n", Stream.of(cmd.longText(), cmd.footerText())
                .filter(text -> !text.isEmpty()).toList());
        if (!longText.isEmpty()) {
            out.append("\nDESCRIPTION:\n");
            for (String descriptionLine : longText.split("\n")) {
                out.append(indented(descriptionLine)).append('\n');
            }
        }
        List<HelpFlag> local = cmd.localFlags().stream()
                .filter(flag -> withHelpFlag || !flag.name().equals("help")).toList();
        if (!local.isEmpty()) {
            out.append("\nOPTIONS:\n").append(flagUsages(local));
        }
        List<HelpFlag> inherited = cmd.inheritedFlags();
        if (!inherited.isEmpty()) {
            out.append("\nGLOBAL OPTIONS:\n").append(flagUsages(inherited));
        }
        return GoTabWriter.format(out.append('\n').toString());
    }

    @Override
    public boolean usageOnStderr() {
        return false;
    }

    private String indented(String text) {
        return indent + text.replace("\n", "\n" + indent);
    }

    /** etcdctl's flag list: {@code --name=default}, a tab, the usage. */
    private static String flagUsages(List<HelpFlag> flags) {
        StringBuilder out = new StringBuilder();
        for (HelpFlag flag : flags) {
            out.append(flag.etcdctlNames()).append('\t').append(flag.usage()).append('\n');
        }
        return out.toString();
    }
}
