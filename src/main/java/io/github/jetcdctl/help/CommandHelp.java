package io.github.jetcdctl.help;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.github.jetcdctl.output.EtcdctlLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A command as cobra describes it (name, use line, short and long text, examples, flags, subcommands), read from
 * its picocli annotations and seen from one etcdctl line: what the line does not have is left out.
 */
final class CommandHelp {
    private final CommandSpec spec;
    private final EtcdctlLine line;

    CommandHelp(CommandSpec spec, EtcdctlLine line) {
        this.spec = spec;
        this.line = line;
    }

    String name() {
        return spec.name();
    }

    boolean isRoot() {
        return spec.parent() == null;
    }

    String programName() {
        return spec.root().name();
    }

    /** The command words from the root: {@code jetcdctl member list}. */
    String commandPath() {
        return spec.qualifiedName();
    }

    private CommandHelp root() {
        return new CommandHelp(spec.root(), line);
    }

    /** The words below {@code ancestor}: {@code member list} under the root. */
    String nameBelow(CommandHelp ancestor) {
        String path = commandPath();
        return path.substring(ancestor.commandPath().length()).strip();
    }

    /** cobra's Use: the custom synopsis when the command has one, else its name and its arguments' labels. */
    String use() {
        String[] custom = spec.usageMessage().customSynopsis();
        if (custom.length > 0) {
            return String.join(" ", custom);
        }
        StringBuilder use = new StringBuilder(name());
        if (runnable()) {
            for (PositionalParamSpec param : spec.positionalParameters()) {
                if (!param.hidden()) {
                    use.append(' ').append(param.paramLabel());
                }
            }
        } else if (!isRoot()) {
            use.append(" <subcommand>");
        }
        return use.toString();
    }

    /** cobra's UseLine: the parent's path, the use, and {@code [flags]}. */
    String useLine() {
        String use = use();
        String parent = isRoot() ? "" : spec.parent().qualifiedName() + " ";
        return parent + use + (use.contains("[flags]") ? "" : " [flags]");
    }

    String shortText() {
        String[] description = spec.usageMessage().description();
        return description.length == 0 ? "" : description[0].strip();
    }

    /** The lines after the first of the description: etcdctl's Long. */
    String longText() {
        String[] description = spec.usageMessage().description();
        List<String> lines = List.of(description).subList(Math.min(1, description.length), description.length);
        return String.join("\n", lines).strip();
    }

    /** picocli's footer (jetcdctl's lists of exit codes), printed after the long text. */
    String footerText() {
        List<String> lines = new ArrayList<>();
        for (String footer : spec.usageMessage().footer()) {
            lines.addAll(List.of(footer.replace("%n", "\n").split("\n", -1)));
        }
        return String.join("\n", lines).strip();
    }

    List<String> examples() {
        Examples examples = spec.userObject() == null ? null : spec.userObject().getClass().getAnnotation(Examples.class);
        return examples == null ? List.of() : List.of(examples.value().strip().split("\n", -1));
    }

    boolean runnable() {
        return !(spec.userObject() instanceof SubcommandsOnly);
    }

    boolean hidden() {
        return spec.usageMessage().hidden() || !LineAdditions.onLine(spec.userObject(), line);
    }

    /** The visible subcommands, sorted by name as cobra sorts them. */
    List<CommandHelp> subcommands() {
        List<CommandHelp> subs = new ArrayList<>();
        for (var entry : spec.subcommands().entrySet()) {
            CommandHelp help = new CommandHelp(entry.getValue().getCommandSpec(), line);
            // picocli lists a command once per name and alias; the name is the one to show
            if (!help.hidden() && entry.getKey().equals(help.name())) {
                subs.add(help);
            }
        }
        subs.sort(Comparator.comparing(CommandHelp::name));
        return subs;
    }

    /** Every visible command below this one, depth first, as etcdctl's template lists them. */
    List<CommandHelp> descendants() {
        List<CommandHelp> all = new ArrayList<>();
        for (CommandHelp sub : subcommands()) {
            all.add(sub);
            all.addAll(sub.descendants());
        }
        return all;
    }

    /** cobra's local flags: the command's own and its help flag; the root's global flags are the root's own. */
    List<HelpFlag> localFlags() {
        List<HelpFlag> flags = new ArrayList<>();
        for (OptionSpec option : visibleOptions()) {
            if (option.usageHelp() || !option.inherited()) {
                flags.add(flag(option));
            }
        }
        return sorted(flags);
    }

    /** cobra's inherited flags: the root's global flags and the persistent flags of the commands between. */
    List<HelpFlag> inheritedFlags() {
        List<HelpFlag> flags = new ArrayList<>();
        for (OptionSpec option : visibleOptions()) {
            if (option.inherited() && !option.usageHelp()) {
                flags.add(flag(option));
            }
        }
        return sorted(flags);
    }

    /** Whether an inherited flag is one of the root's global flags (not a parent command's own). */
    boolean isGlobal(HelpFlag flag) {
        CommandSpec root = spec.root();
        return root.findOption("--" + flag.name()) != null;
    }

    /** The root's global flags, for 3.7's {@code options}. */
    List<HelpFlag> globalFlags() {
        return new CommandHelp(spec.root(), line).localFlags().stream()
                .filter(flag -> !flag.name().equals("help")).toList();
    }

    private List<OptionSpec> visibleOptions() {
        List<OptionSpec> options = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            if (!option.hidden() && LineAdditions.onLine(option.userObject(), line)) {
                options.add(option);
            }
        }
        return options;
    }

    private HelpFlag flag(OptionSpec option) {
        String usage = option.usageHelp() ? "help for " + name() : OlderWords.description(nameBelow(root()),
                option.longestName().substring(2), line, String.join(" ", option.description()).strip());
        return HelpFlag.of(option, usage);
    }

    private static List<HelpFlag> sorted(List<HelpFlag> flags) {
        flags.sort(Comparator.comparing(HelpFlag::name));
        return flags;
    }
}
