package io.github.jetcdctl.help;

import java.util.List;

import io.github.jetcdctl.output.EtcdctlLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * How one etcdctl line lays out help: {@link #help} for {@code --help}, {@code help CMD} and a group command run
 * alone, {@link #usage} for {@code help} of an unknown topic. Every difference between lines is in the layout
 * classes, chosen here.
 */
public abstract class HelpLayout {
    /** The layout of the line's etcdctl. */
    public static HelpLayout of(EtcdctlLine line) {
        return switch (line) {
            case V3_5 -> new EtcdctlTemplate(line, "\t", "\n\n", false);
            case V3_6 -> new EtcdctlTemplate(line, "  ", "\n", true);
            case V3_7 -> new CobraGroupedHelp(line);
        };
    }

    /** The help of a command. */
    public abstract String help(CommandSpec command);

    /** The usage of a command, as etcdctl prints it after an error. */
    public abstract String usage(CommandSpec command);

    /** Whether the line's etcdctl writes a usage to standard error (3.7's cobra) rather than standard output. */
    public abstract boolean usageOnStderr();

    /**
     * A flag's description with its default as pflag appends it ({@code (default 5s)}, nothing for a zero default),
     * for texts outside the help (the man page).
     */
    public static String describedWithDefault(OptionSpec option) {
        return HelpFlag.of(option, String.join(" ", option.description()).strip()).pflagUsage();
    }

    /** 3.7's {@code options}: the global flags that its help leaves out. */
    public static String globalOptions(CommandSpec command, EtcdctlLine line) {
        List<HelpFlag> flags = new CommandHelp(command, line).globalFlags();
        return "The following options can be passed to any command:\n\n" + CobraGroupedHelp.flagUsages(flags);
    }
}
