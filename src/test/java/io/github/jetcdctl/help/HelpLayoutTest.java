package io.github.jetcdctl.help;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.jetcdctl.Version;
import io.github.jetcdctl.output.EtcdctlLine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;

/** Each line's layout of a small command tree: sections, flag forms, what a line leaves out. */
class HelpLayoutTest {
    @Command(name = "tool", description = "A tool.", subcommands = {Group.class, Leaf.class, Later.class})
    static class Root implements SubcommandsOnly {
        @Option(names = {"-w", "--write-out"}, scope = ScopeType.INHERIT, description = "output format")
        String writeOut = "simple";

        @Option(names = "--timeout", scope = ScopeType.INHERIT, description = "how long")
        Duration timeout = Duration.ofSeconds(5);

        @Option(names = "--endpoints", scope = ScopeType.INHERIT, description = "where")
        List<String> endpoints = new ArrayList<>(List.of("a:1", "b:2"));

        @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "help")
        boolean help;
    }

    @Command(name = "group", description = "Group related commands", subcommands = Leaf.class)
    static class Group implements SubcommandsOnly {
        @Option(names = "--cluster", scope = ScopeType.INHERIT, arity = "0..1", fallbackValue = "true",
                description = "all members")
        boolean cluster;
    }

    @Examples("""
            # do it
            tool leaf x
            """)
    @Command(name = "leaf", description = {"Does a thing", "At length."})
    static class Leaf implements Runnable {
        @Parameters(paramLabel = "<key>", description = "the key")
        String key;

        @Option(names = "--limit", description = "at most")
        long limit;

        @Option(names = "--prefix", arity = "0..1", fallbackValue = "true", description = "a prefix")
        boolean prefix;

        @LineAddition(EtcdctlLine.Addition.GET_STREAM)
        @Option(names = "--stream", arity = "0..1", fallbackValue = "true", description = "streamed")
        boolean stream;

        @Override
        public void run() {
        }
    }

    @LineAddition(EtcdctlLine.Addition.DOWNGRADE)
    @Command(name = "later", description = "Came in 3.6")
    static class Later implements Runnable {
        @Override
        public void run() {
        }
    }

    private static String help(EtcdctlLine line, String... path) {
        CommandLine command = new CommandLine(new Root());
        for (String word : path) {
            command = command.getSubcommands().get(word);
        }
        return HelpLayout.of(line).help(command.getCommandSpec());
    }

    @Test
    void line35IsEtcdctlsTemplateIndentedByTabs() {
        assertEquals("""
                NAME:
                \ttool - A tool.

                USAGE:
                \ttool [flags]

                VERSION:
                \t%s

                API VERSION:
                \t3.5


                COMMANDS:
                \tgroup leaf\tDoes a thing
                \tleaf\t\tDoes a thing

                OPTIONS:
                      --endpoints=[a:1,b:2]\twhere
                  -h, --help[=false]\t\thelp for tool
                      --timeout=5s\t\thow long
                  -w, --write-out="simple"\toutput format

                """.formatted(Version.TOOL), help(EtcdctlLine.V3_5));
    }

    @Test
    void line36IndentsByTwoSpacesShowsExamplesAndInheritedFlagsAsGlobal() {
        assertEquals("""
                NAME:
                  group leaf - Does a thing

                USAGE:
                  tool group leaf <key> [flags]

                Examples:
                  # do it
                  tool leaf x

                DESCRIPTION:
                  At length.

                OPTIONS:
                  -h, --help[=false]\thelp for leaf
                      --limit=0\t\tat most
                      --prefix[=false]\ta prefix

                GLOBAL OPTIONS:
                      --cluster[=false]\t\tall members
                      --endpoints=[a:1,b:2]\twhere
                      --timeout=5s\t\thow long
                  -w, --write-out="simple"\toutput format

                """, help(EtcdctlLine.V3_6, "group", "leaf"));
    }

    @Test
    void line37IsCobrasHelpWithoutTheRootsFlags() {
        assertEquals("""
                At length.

                Usage:
                  tool group leaf <key> [flags]

                Examples:
                  # do it
                  tool leaf x

                Flags:
                  -h, --help        help for leaf
                      --limit int   at most
                      --prefix      a prefix
                      --stream      streamed

                Global Flags:
                      --cluster   all members
                Use "tool options" for a list of global command-line options (applies to all commands).
                """, help(EtcdctlLine.V3_7, "group", "leaf"));
    }

    @Test
    void line37GroupsTheRootsCommandsAndPointsAtGroupsOwnHelp() {
        assertEquals("""
                A tool.

                Usage:
                  tool [command]

                Additional Commands:
                  group       Group related commands. Use `tool group --help` to see subcommands
                  later       Came in 3.6
                  leaf        Does a thing

                Use "tool [command] --help" for more information about a command.
                Use "tool options" for a list of global command-line options (applies to all commands).
                """, help(EtcdctlLine.V3_7));
    }

    @Test
    void optionsListsTheGlobalFlagsInPflagsForm() {
        CommandLine root = new CommandLine(new Root());
        assertEquals("""
                The following options can be passed to any command:

                      --endpoints strings   where (default [a:1,b:2])
                      --timeout duration    how long (default 5s)
                  -w, --write-out string    output format (default "simple")
                """, HelpLayout.globalOptions(root.getCommandSpec(), EtcdctlLine.V3_7));
    }

    @Test
    void theUsageAfterAnUnknownHelpTopicHasNoHelpFlagIn35And36() {
        CommandLine root = new CommandLine(new Root());
        String usage = HelpLayout.of(EtcdctlLine.V3_6).usage(root.getCommandSpec());
        assertEquals(false, usage.contains("--help"), usage);
        assertEquals(true, HelpLayout.of(EtcdctlLine.V3_7).usageOnStderr());
        assertEquals(false, HelpLayout.of(EtcdctlLine.V3_5).usageOnStderr());
    }
}
