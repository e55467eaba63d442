package io.github.jetcdctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.jetcdctl.Version;
import io.github.jetcdctl.testing.EtcdBinaries;
import io.github.jetcdctl.testing.Etcdctl;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.ProcessResult;

/**
 * {@code --help}, {@code help CMD} and {@code CMD --help} of each line against the real etcdctl of that line (no
 * server needed). jetcdctl has more commands and flags than etcdctl, so the comparison is:
 * <ul>
 * <li>jetcdctl's output without the lines that name one of its own commands or flags ({@link #OWN_COMMANDS},
 * {@link #OWN_FLAGS}, and per line {@link #OWN_ON_LINE})</li>
 * <li>equals etcdctl's output with the program's name {@code etcdctl} read as {@code jetcdctl}, the root's
 * description line and VERSION value replaced by jetcdctl's, and without the lines of {@link #ETCDCTL_ONLY} (what
 * jetcdctl deliberately does differently), with {@link #ETCDCTL_TYPOS} corrected.</li>
 * </ul>
 * Where a jetcdctl-only flag is longer than every etcdctl flag of the list ({@link #WIDER_COLUMNS}), the columns
 * are compared without their padding; everywhere else byte for byte. Exit code and streams are compared too.
 */
class HelpPerLineGoldenTest {
    /** jetcdctl's own commands, as the command lists name them. */
    private static final List<String> OWN_COMMANDS = List.of("alarm recover", "backup", "batch", "compare",
            "context", "hashkv", "history", "migrate", "recover", "space");
    /** jetcdctl's own flags. */
    private static final List<String> OWN_FLAGS = List.of("compat", "context", "decode", "decode-output", "from");
    /** Commands and flags that jetcdctl has on every line and an older etcdctl lacks. */
    private static final Map<String, List<String>> OWN_ON_LINE = Map.of(
            // etcdutl's, which jetcdctl serves as snapshot subcommands on every line
            // (snapshot --help names them "restore" and "status")
            "3.6", List.of("snapshot restore", "snapshot status", "restore", "status"),
            "3.7", List.of("snapshot restore", "snapshot status", "restore", "status"),
            // etcdctl 3.6's get flags, taken on every line
            "3.5", List.of("--min-mod-rev", "--max-mod-rev", "--min-create-rev", "--max-create-rev",
                    // etcdctl 3.5's completion has fish and powershell subcommands; jetcdctl's takes bash or zsh
                    "completion",
                    // etcdctl 3.5 marks its snapshot status deprecated (for etcdutl's); jetcdctl's is that one
                    "snapshot status", "status"));
    /** etcdctl's lines that jetcdctl deliberately does not print (see {@link #OWN_ON_LINE}). */
    private static final Map<String, List<String>> ETCDCTL_ONLY = Map.of(
            "3.5", List.of("completion bash", "completion fish", "completion powershell", "completion zsh",
                    "snapshot status", "status"));
    /** etcdctl 3.6's snapshot example says "wih" (3.7 fixed it): jetcdctl prints 3.7's words on every line. */
    private static final Map<String, String> ETCDCTL_TYPOS =
            Map.of("Get snapshot wih certain", "Get snapshot with certain");
    /** Help whose flag column jetcdctl-only flags widen (3.7 pads pflag's column to the longest flag). */
    private static final List<String> WIDER_COLUMNS = List.of("3.7 get --help", "3.7 help get",
            // snapshot restore and status make the subcommand column of 3.6's template wider
            "3.6 snapshot --help");

    /**
     * Commands whose long text (DESCRIPTION in 3.5 and 3.6, the text above Usage in 3.7) is in jetcdctl's own words:
     * compared without it, on both sides (etcdctl 3.5's txn has none).
     */
    private static final List<String> OWN_LONG_TEXTS = List.of("put", "txn");

    private static final String ETCDCTL_DESCRIPTION = "A simple command line client for etcd3.";
    private static final String JETCDCTL_DESCRIPTION = "An etcdctl-compatible command line client for etcd3, in Java.";

    static Stream<Arguments> helpOfEveryLine() {
        List<Arguments> all = new ArrayList<>();
        for (String release : EtcdBinaries.LINE_RELEASES) {
            for (List<String> args : List.of(List.of("--help"), List.of("help"), List.of("help", "get"),
                    List.of("get", "--help"), List.of("member", "list", "--help"),
                    List.of("endpoint", "status", "--help"), List.of("snapshot", "save", "--help"),
                    List.of("endpoint", "hashkv", "--help"), List.of("help", "endpoint", "hashkv"),
                    List.of("put", "--help"), List.of("txn", "--help"), List.of("check", "perf", "--help"),
                    List.of("member", "--help"), List.of("snapshot", "--help"), List.of("member"),
                    List.of("help", "nonexistent"), List.of("-h"), List.of("help", "help"),
                    List.of("help", "member", "nonexistent"), List.of("member", "nonexistent"))) {
                all.add(Arguments.of(release, args));
            }
        }
        all.add(Arguments.of(EtcdBinaries.V3_7, List.of("options")));
        all.add(Arguments.of(EtcdBinaries.V3_7, List.of("options", "--help")));
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("helpOfEveryLine")
    void helpIsEtcdctlsLayoutWithJetcdctlsCommands(String release, List<String> args) {
        String line = EtcdBinaries.lineOf(release);
        ProcessResult expected = Etcdctl.of(EtcdBinaries.forTest(release)).run(args);
        ProcessResult actual = Jetcdctl.create().forLine(line).run(args, null);
        String what = line + " " + String.join(" ", args);
        assertEquals(0, expected.exitCode(), expected.toString());
        assertEquals(expected.exitCode(), actual.exitCode(), what + "\n" + actual);
        if (args.size() == 2 && OWN_LONG_TEXTS.contains(args.get(0)) && args.get(1).equals("--help")) {
            String ownLongText = longText(actual.stdoutText());
            assertTrue(ownLongText.contains(" standard input"), what + "\n" + actual.stdoutText());
            assertSameHelp(line, what, expected.stdoutText().replace(longText(expected.stdoutText()), ""),
                    actual.stdoutText().replace(ownLongText, ""));
        } else {
            assertSameHelp(line, what, expected.stdoutText(), actual.stdoutText());
        }
        assertSameHelp(line, what, expected.stderrText(), actual.stderrText());
    }

    /**
     * A command's long text as its help shows it: etcdctl's template's DESCRIPTION section with its blank line,
     * or cobra's text above {@code Usage:}; empty when there is none.
     */
    private static String longText(String help) {
        if (!help.startsWith("NAME:")) {
            int usage = help.indexOf("Usage:");
            return usage < 0 ? "" : help.substring(0, usage);
        }
        int start = help.indexOf("DESCRIPTION:\n");
        return start < 0 ? "" : help.substring(start, help.indexOf("\n\n", start) + 2);
    }

    static Stream<Arguments> commandsALineDoesNotHave() {
        return Stream.of(Arguments.of(EtcdBinaries.V3_5, List.of("options")),
                Arguments.of(EtcdBinaries.V3_6, List.of("options")),
                Arguments.of(EtcdBinaries.V3_6, List.of("options", "--help")),
                Arguments.of(EtcdBinaries.V3_5, List.of("downgrade", "--help")),
                Arguments.of(EtcdBinaries.V3_5, List.of("downgrade", "validate", "--help")),
                Arguments.of(EtcdBinaries.V3_5, List.of("downgrade")));
    }

    /** Not even their help: cobra finds no such command. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("commandsALineDoesNotHave")
    void aCommandALineDoesNotHaveIsUnknownThere(String release, List<String> args) {
        ProcessResult expected = Etcdctl.of(EtcdBinaries.forTest(release)).run(args);
        ProcessResult actual = Jetcdctl.create().forLine(EtcdBinaries.lineOf(release)).run(args, null);
        assertEquals(1, expected.exitCode(), expected.toString());
        assertEquals(expected.exitCode(), actual.exitCode(), actual.toString());
        assertEquals("", actual.stdoutText());
        // etcdctl 3.5 repeats the error line; jetcdctl prints it once (a deliberate difference)
        List<String> firstTwo = expected.stderrText().replace("etcdctl", "jetcdctl").lines().limit(2).toList();
        assertEquals(String.join("\n", firstTwo) + "\n", actual.stderrText(), release);
    }

    static Stream<Arguments> flagsWhoseWordsChanged() {
        List<Arguments> all = new ArrayList<>();
        for (String release : EtcdBinaries.LINE_RELEASES) {
            all.add(Arguments.of(release, List.of("check", "perf"), "load"));
            all.add(Arguments.of(release, List.of("endpoint", "hashkv"), "rev"));
        }
        // etcdctl's offline defrag, 3.5 only (etcdutl's from 3.6); jetcdctl's says more on the other lines
        all.add(Arguments.of(EtcdBinaries.V3_5, List.of("defrag"), "data-dir"));
        return all.stream();
    }

    /**
     * A flag that etcdctl described in other words on another line is described in the words of the selected
     * line's etcdctl (the commands' other flags and texts are jetcdctl's too, hence the one line compared).
     */
    @ParameterizedTest(name = "{0} {1} --{2}")
    @MethodSource("flagsWhoseWordsChanged")
    void eachLineDescribesAFlagInItsEtcdctlsWords(String release, List<String> command, String flag) {
        List<String> args = new ArrayList<>(command);
        args.add("--help");
        ProcessResult expected = Etcdctl.of(EtcdBinaries.forTest(release)).run(args);
        ProcessResult actual = Jetcdctl.create().forLine(EtcdBinaries.lineOf(release)).run(args, null);
        // (without the padding: jetcdctl's own longer flags widen defrag's column)
        List<String> expectedLines = expected.stdoutText().lines().filter(l -> declaresFlag(l, flag))
                .map(HelpPerLineGoldenTest::withoutPadding).toList();
        assertEquals(1, expectedLines.size(), expected.toString());
        assertEquals(expectedLines, actual.stdoutText().lines().filter(l -> declaresFlag(l, flag))
                .map(HelpPerLineGoldenTest::withoutPadding).toList(), release + " " + args);
    }

    @Test
    void theDefaultLineIs36sLayout() {
        ProcessResult help = Jetcdctl.create().withDefaultLine().run("--help");
        assertEquals(0, help.exitCode(), help.toString());
        assertTrue(help.stdoutText().startsWith("NAME:\n  jetcdctl - "), help.stdoutText());
        assertTrue(help.stdoutText().contains("\nAPI VERSION:\n  3.6\n"), help.stdoutText());
        assertEquals("", help.stderrText());
    }

    @Test
    void theCompatFlagSelectsTheLayout() {
        ProcessResult help = Jetcdctl.create().run("--compat=3.7", "get", "--help");
        assertTrue(help.stdoutText().startsWith("Gets the key or a range of keys\n\nUsage:\n  jetcdctl get "),
                help.stdoutText());
    }

    @Test
    void theSelectedContextsLineSelectsTheLayout(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("jetcdctl/config.yaml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "current-context: new\ncontexts:\n  new:\n    compat: \"3.7\"\n");
        Jetcdctl jetcdctl = Jetcdctl.create().withDefaultLine().withEnv("XDG_CONFIG_HOME", dir.toString());
        assertTrue(jetcdctl.run("--help").stdoutText().startsWith(JETCDCTL_DESCRIPTION + "\n\nUsage:\n"));
        ProcessResult options = jetcdctl.run("options");
        assertEquals(0, options.exitCode(), options.toString());
        // a flag or ETCDCTL_COMPAT still wins over the context
        assertTrue(jetcdctl.run("--compat=3.5", "--help").stdoutText().startsWith("NAME:\n\tjetcdctl - "));
        assertEquals(1, jetcdctl.withEnv("ETCDCTL_COMPAT", "3.6").run("options").exitCode());
    }

    private static void assertSameHelp(String line, String what, String etcdctlText, String jetcdctlText) {
        String expected = expectedFromEtcdctl(line, etcdctlText);
        String actual = withoutOwnLines(line, jetcdctlText);
        if (WIDER_COLUMNS.contains(what)) {
            expected = withoutPadding(expected);
            actual = withoutPadding(actual);
        }
        assertEquals(expected, actual, what + "\n== jetcdctl, whole ==\n" + jetcdctlText);
    }

    private static String expectedFromEtcdctl(String line, String text) {
        String release = EtcdBinaries.LINE_RELEASES.stream().filter(r -> r.startsWith(line + ".")).findFirst()
                .orElseThrow();
        List<String> kept = new ArrayList<>();
        List<String> previous = new ArrayList<>();
        for (String l : text.split("\n", -1)) {
            boolean versionValue = !previous.isEmpty() && previous.get(previous.size() - 1).equals("VERSION:");
            previous.add(l);
            if (names(l, ETCDCTL_ONLY.getOrDefault(line, List.of()))) {
                continue;
            }
            // (not in a key prefix: /etcdctl-check-perf/ is the prefix jetcdctl's check writes under too)
            String substituted = l.replaceAll("(?<!/)\\betcdctl\\b", "jetcdctl")
                    .replace(ETCDCTL_DESCRIPTION, JETCDCTL_DESCRIPTION);
            for (Map.Entry<String, String> typo : ETCDCTL_TYPOS.entrySet()) {
                substituted = substituted.replace(typo.getKey(), typo.getValue());
            }
            kept.add(versionValue ? substituted.replace(release, Version.TOOL) : substituted);
        }
        return String.join("\n", kept);
    }

    private static String withoutOwnLines(String line, String text) {
        List<String> kept = new ArrayList<>();
        for (String l : text.split("\n", -1)) {
            boolean own = names(l, OWN_COMMANDS) || OWN_FLAGS.stream().anyMatch(flag -> declaresFlag(l, flag))
                    || names(l, OWN_ON_LINE.getOrDefault(line, List.of()))
                    || OWN_ON_LINE.getOrDefault(line, List.of()).stream()
                            .anyMatch(flag -> flag.startsWith("--") && declaresFlag(l, flag.substring(2)));
            if (!own) {
                kept.add(l);
            }
        }
        return String.join("\n", kept);
    }

    /** A command list's line for one of these commands (or one below it). */
    private static boolean names(String line, List<String> commands) {
        String entry = line.strip();
        return commands.stream().anyMatch(command -> !command.startsWith("--")
                && (entry.startsWith(command + "\t") || entry.startsWith(command + " ")));
    }

    /** A flag list's line for this flag: {@code   -d, --name=...}, {@code --name[=false]} or {@code --name type}. */
    private static boolean declaresFlag(String line, String flag) {
        return Pattern.compile("^ +(-\\w, )?--" + Pattern.quote(flag) + "([=\\[ \\t]|$)").matcher(line).find();
    }

    /** The padding between a list's columns read as one tab: for lists whose widest entry is jetcdctl's. */
    private static String withoutPadding(String text) {
        return text.replaceAll("(?m)(\\S)(\\t+| {2,})", "$1\t");
    }
}
