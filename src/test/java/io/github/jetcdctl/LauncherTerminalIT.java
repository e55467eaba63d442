package io.github.jetcdctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.jetcdctl.testing.EtcdClusterExtension;
import io.github.jetcdctl.testing.InstalledJdks.Jdk;
import io.github.jetcdctl.testing.ProcessResult;

/**
 * What needs the terminal itself, with {@code bin/jetcdctl} run in a pseudo-terminal ({@link PseudoTerminal}) by
 * both routes, the resident jetcdctl and a JVM per command (the daemon tier of pom.xml runs the first alone),
 * against one member with authentication on: the password prompt on the terminal, read without echo, as etcdctl
 * reads it (the screen compared byte for byte), with each standard stream redirected in turn; and what depends
 * on whether a stream is a terminal: snapshot save's progress on stderr, and nothing else (tables, help).
 */
class LauncherTerminalIT extends LauncherRuns {
    @RegisterExtension
    static final EtcdClusterExtension ETCD = EtcdClusterExtension.single();
    private static final String PASSWORD = "root-pw";
    private static final String STTY_COMPLAINT = "stty: 'standard input': Inappropriate ioctl for device\r\n";
    /** snapshot save's progress line, then the erasing of it. */
    private static final Pattern PROGRESS = Pattern.compile(
            "(\r[0-9.]+ [kMG]?B / [0-9.]+ [kMG]?B \\([0-9.]+ [kMG]?B/s\\)   )+\r\u001b\\[K");

    /** The class-archive caches (with their JDK) whose archive a command has recorded. */
    private static final Set<String> WARMED_UP = ConcurrentHashMap.newKeySet();

    @TempDir
    Path dir;

    /** The two ways a command runs. */
    enum Route {
        JVM, DAEMON
    }

    @Override
    EtcdClusterExtension etcd() {
        return ETCD;
    }

    /** The launcher's environment has the daemon on; the JVM route turns it off (see {@link #env}). */
    @Override
    boolean throughDaemon() {
        return true;
    }

    @BeforeAll
    static void enableAuthentication() {
        for (List<String> args : List.of(List.of("put", "k", "v"), List.of("user", "add", "root:" + PASSWORD),
                List.of("auth", "enable"))) {
            ProcessResult run = ETCD.etcdctl().run(args);
            assertEquals(0, run.exitCode(), run.toString());
        }
    }

    /** Both routes; the daemon tier (every launcher test through the daemon) the daemon's alone. */
    private static List<Route> routes() {
        return LauncherRoute.throughDaemon() ? List.of(Route.DAEMON) : List.of(Route.JVM, Route.DAEMON);
    }

    /** The scripts' environment for {@code route}: $JETCDCTL is the launcher, $ENDPOINTS the flag. */
    private Map<String, String> env(Jdk jdk, Route route) {
        if (route == Route.DAEMON) {
            awaitDaemon(jdk);
            // (a class archive's first connecting command records it in a JVM of its own: not a daemon's)
            if (WARMED_UP.add(cache + "/" + jdk.major())) {
                launch(jdk, List.of("--endpoints=" + cluster().endpointsFlag(), "--user=root:" + PASSWORD), null,
                        "get", "warm-up");
            }
        }
        Map<String, String> env = new HashMap<>(launcherEnv(jdk));
        env.put("JETCDCTL_DAEMON", route == Route.DAEMON ? "on" : "off");
        env.put("ENDPOINTS", "--endpoints=" + cluster().endpointsFlag());
        return env;
    }

    /** The same for the real etcdctl: $JETCDCTL is etcdctl. */
    private Map<String, String> etcdctlEnv() {
        return Map.of("JETCDCTL", cluster().binaries().etcdctl().toString(),
                "ENDPOINTS", "--endpoints=" + cluster().endpointsFlag());
    }

    private static Map<String, String> with(Map<String, String> env, String name, String value) {
        Map<String, String> more = new HashMap<>(env);
        more.put(name, value);
        return more;
    }

    /** Runs {@code script}, types the password once its prompt is up and the echo off. */
    private static ProcessResult typingPassword(String script, Map<String, String> env, String password) {
        try (PseudoTerminal terminal = PseudoTerminal.start(script, env)) {
            return terminal.await("Password: ").awaitEchoOff().type(password + "\n").finish();
        }
    }

    /** The screen without etcdctl's log lines (jetcdctl has none, or the same with other times). */
    private static String screen(ProcessResult result) {
        return result.stdoutText().replaceAll("(?m)^\\{\"level\":.*\r\n", "");
    }

    private static void assertSameScreen(ProcessResult expected, ProcessResult actual, String what) {
        assertEquals(PseudoTerminal.quoted(screen(expected)), PseudoTerminal.quoted(screen(actual)), what);
        assertEquals(expected.exitCode(), actual.exitCode(), what + ": " + PseudoTerminal.quoted(actual.stdoutText()));
    }

    private DaemonCounts counts(Jdk jdk) {
        return DaemonCounts.parse(launch(jdk, List.of(), null, "daemon", "status").stdoutText());
    }

    /** On the daemon route, checks that the daemon ran {@code run}'s one command itself. */
    private ProcessResult served(Jdk jdk, Route route, Supplier<ProcessResult> run) {
        if (route != Route.DAEMON) {
            return run.get();
        }
        DaemonCounts before = counts(jdk);
        ProcessResult result = run.get();
        assertEquals(before.plusOneServed(), counts(jdk), jdk + ": the daemon ran the command");
        return result;
    }

    private String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(no file)";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void passwordPromptOnTheTerminalAsEtcdctl(Jdk jdk) {
        String script = "\"$JETCDCTL\" $ENDPOINTS --user root get k";
        ProcessResult expected = typingPassword(script, etcdctlEnv(), PASSWORD);
        assertEquals("Password: \r\nk\r\nv\r\n", screen(expected), "etcdctl");
        for (Route route : routes()) {
            Map<String, String> env = env(jdk, route);
            ProcessResult actual = served(jdk, route, () -> typingPassword(script, env, PASSWORD));
            assertSameScreen(expected, actual, jdk + ", " + route);
        }
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void wrongPasswordFailsAsEtcdctl(Jdk jdk) {
        String script = "\"$JETCDCTL\" $ENDPOINTS --user root get k";
        ProcessResult expected = typingPassword(script, etcdctlEnv(), "wrong");
        assertTrue(screen(expected).contains("authentication failed"), expected.stdoutText());
        for (Route route : routes()) {
            ProcessResult actual = typingPassword(script, env(jdk, route), "wrong");
            assertSameScreen(expected, actual, jdk + ", " + route);
        }
    }

    /**
     * Ctrl-C at the prompt ends the command with the terminal's echo back on, as etcdctl leaves it (which exits
     * 255 there; a JVM's 130 by either route).
     */
    @ParameterizedTest
    @MethodSource("jdks")
    void ctrlCAtThePromptLeavesTheEchoOn(Jdk jdk) {
        String script = "\"$JETCDCTL\" $ENDPOINTS --user root get k; echo \"status=$?\";"
                + " stty -a | grep -o ' -\\?echo '";
        ProcessResult expected = interruptedAtThePrompt(script, etcdctlEnv());
        assertEquals("Password: status=255\r\n echo \r\n", screen(expected), "etcdctl");
        for (Route route : routes()) {
            ProcessResult actual = interruptedAtThePrompt(script, env(jdk, route));
            assertEquals("Password: status=130\r\n echo \r\n", screen(actual), jdk + ", " + route);
        }
    }

    private static ProcessResult interruptedAtThePrompt(String script, Map<String, String> env) {
        try (PseudoTerminal terminal = PseudoTerminal.start(script, env)) {
            return terminal.await("Password: ").awaitEchoOff().type("\u0003").finish();
        }
    }

    /** Standard output a pipe: the prompt goes there, as etcdctl's; the terminal shows nothing, not the password. */
    @ParameterizedTest
    @MethodSource("jdks")
    void promptGoesToAPipedStdout(Jdk jdk) {
        String script = "\"$JETCDCTL\" $ENDPOINTS --user root get k | cat > \"$OUT\"; exit ${PIPESTATUS[0]}";
        Path theirs = dir.resolve("etcdctl.out");
        ProcessResult expected = typedBlind(script, with(etcdctlEnv(), "OUT", theirs.toString()));
        assertEquals("Password: \nk\nv\n", read(theirs), "etcdctl");
        for (Route route : routes()) {
            Path ours = dir.resolve(route + ".out");
            ProcessResult actual = typedBlind(script, with(env(jdk, route), "OUT", ours.toString()));
            assertSameScreen(expected, actual, jdk + ", " + route);
            assertEquals(read(theirs), read(ours), jdk + ", " + route);
        }
    }

    /** Nothing to wait for on the screen: the password is typed once the echo is off. */
    private static ProcessResult typedBlind(String script, Map<String, String> env) {
        try (PseudoTerminal terminal = PseudoTerminal.start(script, env)) {
            return terminal.awaitEchoOff().type(PASSWORD + "\n").finish();
        }
    }

    /** Standard input a pipe: the password is read from it; etcdctl's stty complaints left aside. */
    @ParameterizedTest
    @MethodSource("jdks")
    void passwordFromAPipedStdin(Jdk jdk) {
        String script = "printf '%s\\n' \"$PASSWORD\" | \"$JETCDCTL\" $ENDPOINTS --user root get k";
        ProcessResult expected = PseudoTerminal.run(script, with(etcdctlEnv(), "PASSWORD", PASSWORD));
        assertTrue(expected.stdoutText().contains(STTY_COMPLAINT), expected.stdoutText());
        expected = expected.withStdout(expected.stdoutText().replace(STTY_COMPLAINT, "")
                .getBytes(StandardCharsets.UTF_8));
        for (Route route : routes()) {
            Map<String, String> env = with(env(jdk, route), "PASSWORD", PASSWORD);
            ProcessResult actual = served(jdk, route, () -> PseudoTerminal.run(script, env));
            assertSameScreen(expected, actual, jdk + ", " + route);
        }
    }

    /**
     * put's value typed on the terminal up to Ctrl-D, then the password asked for on the same terminal: a
     * terminal's end of input is not for good, and the resident jetcdctl asks after reading the value.
     */
    @ParameterizedTest
    @MethodSource("jdks")
    void valueThenPasswordFromTheTerminal(Jdk jdk) {
        String script = "\"$JETCDCTL\" $ENDPOINTS --user root put \"$KEY\"";
        ProcessResult expected = typingValueThenPassword(script, with(etcdctlEnv(), "KEY", "typed/etcdctl"));
        assertEquals("typed value\r\nPassword: \r\nOK\r\n", screen(expected), "etcdctl");
        for (Route route : routes()) {
            String key = "typed/" + jdk.major() + "/" + route;
            Map<String, String> env = with(env(jdk, route), "KEY", key);
            ProcessResult actual = served(jdk, route, () -> typingValueThenPassword(script, env));
            assertSameScreen(expected, actual, jdk + ", " + route);
            ProcessResult stored = etcdctl(List.of("--endpoints=" + cluster().endpointsFlag(),
                    "--user=root:" + PASSWORD), "get", key, "--print-value-only");
            assertEquals("typed value\n\n", stored.stdoutText(), jdk + ", " + route);
        }
    }

    private static ProcessResult typingValueThenPassword(String script, Map<String, String> env) {
        try (PseudoTerminal terminal = PseudoTerminal.start(script, env)) {
            return terminal.type("typed value\n\u0004").await("Password: ").awaitEchoOff().type(PASSWORD + "\n")
                    .finish();
        }
    }

    /** user add asks for the new user's password twice, then for the login's: three prompts, none echoed. */
    @ParameterizedTest
    @MethodSource("jdks")
    void userAddAsksTwiceThenForTheLogin(Jdk jdk) {
        String script = "\"$JETCDCTL\" $ENDPOINTS --user root user add \"$NEW_USER\"";
        ProcessResult expected = addingUser(script, etcdctlEnv(), "by-etcdctl-" + jdk.major());
        assertEquals("Password of NEW: \r\nType password of NEW again for confirmation: \r\nPassword: \r\n"
                + "User NEW created\r\n", screen(expected), "etcdctl");
        for (Route route : routes()) {
            String user = "by-" + jdk.major() + "-" + route;
            Map<String, String> env = env(jdk, route);
            ProcessResult actual = served(jdk, route, () -> addingUser(script, env, user));
            assertSameScreen(expected, actual, jdk + ", " + route);
        }
    }

    /** The screen with the new user's name as NEW. */
    private static ProcessResult addingUser(String script, Map<String, String> env, String user) {
        try (PseudoTerminal terminal = PseudoTerminal.start(script, with(env, "NEW_USER", user))) {
            ProcessResult result = terminal.await("Password of " + user + ": ").awaitEchoOff().type("new-pw\n")
                    .await("confirmation: ").awaitEchoOff().type("new-pw\n")
                    .await("Password: ").awaitEchoOff().type(PASSWORD + "\n").finish();
            return result.withStdout(result.stdoutText().replace(user, "NEW").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A warning about the environment, then the prompt: both, as etcdctl (the resident jetcdctl asks itself). */
    @ParameterizedTest
    @MethodSource("jdks")
    void environmentWarningThenPassword(Jdk jdk) {
        String script = "ETCDCTL_BOGUS=1 \"$JETCDCTL\" $ENDPOINTS --user root get k";
        ProcessResult expected = typingPassword(script, etcdctlEnv(), PASSWORD);
        assertTrue(expected.stdoutText().contains("ETCDCTL_BOGUS=1"), expected.stdoutText());
        for (Route route : routes()) {
            Map<String, String> env = env(jdk, route);
            ProcessResult actual = served(jdk, route, () -> typingPassword(script, env, PASSWORD));
            assertTrue(actual.stdoutText().contains("\"environment-variable\":\"ETCDCTL_BOGUS=1\""),
                    actual.stdoutText());
            assertSameScreen(expected, actual, jdk + ", " + route);
        }
    }

    /**
     * snapshot save shows its progress on stderr when stderr is a terminal, whatever stdout is, and none when
     * stderr is a pipe; the same by either route.
     */
    @ParameterizedTest
    @MethodSource("jdks")
    void snapshotProgressOnlyOnATerminalStderr(Jdk jdk) {
        String save = "\"$JETCDCTL\" $ENDPOINTS --user root:" + PASSWORD + " snapshot save \"$DB\"";
        Map<String, String> scripts = Map.of(
                "terminal", save,
                "stdout piped", save + " | cat > \"$OUT\"; exit ${PIPESTATUS[0]}",
                "stderr piped", "{ " + save + " 2>&1 1>&3 3>&- | cat > \"$ERR\"; exit ${PIPESTATUS[0]}; } 3>&1");
        // what the line's etcdctl says once saved (from 3.6 a second line names the server's version)
        Path theirs = dir.resolve("etcdctl.db");
        ProcessResult oracle = ETCD.etcdctl().run(List.of("--user", "root:" + PASSWORD, "snapshot", "save",
                theirs.toString()));
        assertEquals(0, oracle.exitCode(), oracle.toString());
        Map<Route, String> screens = new EnumMap<>(Route.class);
        for (Route route : routes()) {
            StringBuilder all = new StringBuilder();
            for (Map.Entry<String, String> script : new TreeMap<>(scripts).entrySet()) {
                Path db = dir.resolve(route + "-" + script.getKey().replace(' ', '-') + ".db");
                Path out = dir.resolve(db.getFileName() + ".out");
                Path err = dir.resolve(db.getFileName() + ".err");
                Map<String, String> env = with(with(with(env(jdk, route), "DB", db.toString()), "OUT", out.toString()),
                        "ERR", err.toString());
                ProcessResult run = PseudoTerminal.run(script.getValue(), env);
                String what = jdk + ", " + route + ", " + script.getKey() + ": "
                        + PseudoTerminal.quoted(run.stdoutText());
                assertEquals(0, run.exitCode(), what);
                String saved = oracle.stdoutText().replace(theirs.toString(), db.toString());
                String shown = PROGRESS.matcher(run.stdoutText()).replaceAll("<progress>");
                switch (script.getKey()) {
                    case "terminal" -> assertEquals("<progress>" + saved.replace("\n", "\r\n"), shown, what);
                    case "stdout piped" -> {
                        assertEquals("<progress>", shown, what);
                        assertEquals(saved, read(out), what);
                    }
                    default -> {
                        assertEquals(saved.replace("\n", "\r\n"), shown, what);
                        assertEquals("", read(err), what);
                    }
                }
                all.append(shown.replace(db.toString(), "DB"));
            }
            screens.put(route, all.toString());
        }
        if (screens.size() == 2) {
            assertEquals(screens.get(Route.JVM), screens.get(Route.DAEMON), jdk + ": the routes");
        }
    }

    /** Tables and help depend on no terminal: the same bytes on one as through a pipe, as etcdctl's tables. */
    @ParameterizedTest
    @MethodSource("jdks")
    void tablesAndHelpIgnoreTheTerminal(Jdk jdk) {
        String table = "\"$JETCDCTL\" $ENDPOINTS --user root:" + PASSWORD + " member list -w table";
        ProcessResult expected = PseudoTerminal.run(table, etcdctlEnv());
        assertTrue(screen(expected).startsWith("+--"), expected.stdoutText());
        Map<Route, String> help = new EnumMap<>(Route.class);
        for (Route route : routes()) {
            Map<String, String> env = env(jdk, route);
            assertSameScreen(expected, PseudoTerminal.run(table, env), jdk + ", " + route + ": on a terminal");
            assertSameScreen(expected, PseudoTerminal.run(table + " | cat", env), jdk + ", " + route + ": piped");
            ProcessResult onTerminal = PseudoTerminal.run("\"$JETCDCTL\" get --help", env);
            ProcessResult piped = PseudoTerminal.run("\"$JETCDCTL\" get --help | cat", env);
            assertEquals(0, onTerminal.exitCode(), onTerminal.stdoutText());
            assertFalse(onTerminal.stdoutText().contains("\u001b"), PseudoTerminal.quoted(onTerminal.stdoutText()));
            assertEquals(piped.stdoutText(), onTerminal.stdoutText(), jdk + ", " + route + ": help");
            help.put(route, onTerminal.stdoutText());
        }
        if (help.size() == 2) {
            assertEquals(help.get(Route.JVM), help.get(Route.DAEMON), jdk + ": help by the routes");
        }
    }
}
