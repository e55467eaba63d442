package io.github.jetcdctl.help;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.jetcdctl.output.EtcdctlLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * etcdctl 3.7's help: cobra's own template with the top-level commands in groups, the global flags hidden from
 * every command's help (the {@code options} command lists them) and a pointer to {@code options} after each help.
 */
final class CobraGroupedHelp extends HelpLayout {
    /** cobra pads command names in a list to the longest, and to at least this. */
    private static final int MIN_NAME_PADDING = 11;

    /** The groups of 3.7's top-level list, in its order; jetcdctl's own commands join the group they fit. */
    private static final Map<String, Set<String>> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put("Key-value commands", Set.of("compaction", "del", "get", "lease", "put", "txn", "watch",
                "batch", "history", "recover"));
        GROUPS.put("Cluster maintenance commands", Set.of("alarm", "defrag", "downgrade", "endpoint", "member",
                "move-leader", "snapshot", "backup", "compare", "hashkv", "migrate", "space"));
        GROUPS.put("Concurrency commands", Set.of("elect", "lock"));
        GROUPS.put("Authentication commands", Set.of("auth", "role", "user"));
        GROUPS.put("Utility commands", Set.of("check", "completion", "help", "make-mirror", "options", "version",
                "context"));
    }

    /** Groups whose entry in the top-level list does not point at their own help (as etcdctl 3.7's snapshot). */
    private static final Set<String> GROUPS_WITHOUT_POINTER = Set.of("snapshot");

    private final EtcdctlLine line;

    CobraGroupedHelp(EtcdctlLine line) {
        this.line = line;
    }

    @Override
    public String help(CommandSpec command) {
        CommandHelp cmd = new CommandHelp(command, line);
        StringBuilder out = new StringBuilder();
        String text = cmd.longText().isEmpty() ? cmd.shortText() : cmd.longText();
        for (String part : List.of(text, cmd.footerText())) {
            if (!part.isEmpty()) {
                out.append(part.stripTrailing()).append("\n\n");
            }
        }
        out.append(usage(command));
        out.append("Use \"").append(cmd.programName())
                .append(" options\" for a list of global command-line options (applies to all commands).\n");
        return out.toString();
    }

    @Override
    public String usage(CommandSpec command) {
        CommandHelp cmd = new CommandHelp(command, line);
        List<CommandHelp> subcommands = cmd.subcommands();
        StringBuilder out = new StringBuilder("Usage:");
        if (cmd.runnable() && !cmd.isRoot()) {
            out.append("\n  ").append(cmd.useLine());
        }
        if (!subcommands.isEmpty()) {
            out.append("\n  ").append(cmd.commandPath()).append(" [command]");
        }
        List<String> examples = cmd.examples();
        if (!examples.isEmpty()) {
            out.append("\n\nExamples:\n").append(String.join("\n", examples.stream().map(e -> "  " + e).toList()));
        }
        if (!subcommands.isEmpty()) {
            int padding = Math.max(MIN_NAME_PADDING,
                    subcommands.stream().mapToInt(sub -> sub.name().length()).max().orElse(0));
            if (cmd.isRoot()) {
                List<CommandHelp> ungrouped = new ArrayList<>(subcommands);
                for (Map.Entry<String, Set<String>> group : GROUPS.entrySet()) {
                    List<CommandHelp> members = subcommands.stream()
                            .filter(sub -> group.getValue().contains(sub.name())).toList();
                    if (!members.isEmpty()) {
                        out.append("\n\n").append(group.getKey());
                        members.forEach(sub -> out.append(listed(sub, padding, rootEntry(sub))));
                        ungrouped.removeAll(members);
                    }
                }
                if (!ungrouped.isEmpty()) {
                    out.append("\n\nAdditional Commands:");
                    ungrouped.forEach(sub -> out.append(listed(sub, padding, rootEntry(sub))));
                }
            } else {
                out.append("\n\nAvailable Commands:");
                subcommands.forEach(sub -> out.append(listed(sub, padding, sub.shortText())));
            }
        }
        List<HelpFlag> local = cmd.localFlags().stream()
                .filter(flag -> !cmd.isRoot()).toList();
        if (!local.isEmpty()) {
            out.append("\n\nFlags:\n").append(flagUsages(local).stripTrailing());
        }
        List<HelpFlag> inherited = cmd.inheritedFlags().stream().filter(flag -> !cmd.isGlobal(flag)).toList();
        if (!inherited.isEmpty()) {
            out.append("\n\nGlobal Flags:\n").append(flagUsages(inherited).stripTrailing());
        }
        if (!subcommands.isEmpty()) {
            out.append("\n\nUse \"").append(cmd.commandPath()).append(" [command] --help\" for more information about a command.");
        }
        return out.append('\n').toString();
    }

    @Override
    public boolean usageOnStderr() {
        return true;
    }

    /** A group's entry in the top-level list points at its own help, as etcdctl 3.7's do. */
    private static String rootEntry(CommandHelp sub) {
        if (sub.runnable() || GROUPS_WITHOUT_POINTER.contains(sub.name())) {
            return sub.shortText();
        }
        return sub.shortText() + ". Use `" + sub.commandPath() + " --help` to see subcommands";
    }

    private static String listed(CommandHelp sub, int padding, String text) {
        return "\n  " + String.format("%-" + padding + "s", sub.name()) + " " + text;
    }

    /** pflag's FlagUsages: names and type, padded to the longest, then the usage and a non-zero default. */
    static String flagUsages(List<HelpFlag> flags) {
        int longest = flags.stream().mapToInt(flag -> flag.pflagNames().length()).max().orElse(0);
        StringBuilder out = new StringBuilder();
        for (HelpFlag flag : flags) {
            String names = flag.pflagNames();
            out.append(names).append(" ".repeat(longest - names.length() + 3)).append(flag.pflagUsage()).append('\n');
        }
        return out.toString();
    }
}
