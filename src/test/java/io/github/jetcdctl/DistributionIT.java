package io.github.jetcdctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.github.jetcdctl.testing.Files2;
import io.github.jetcdctl.testing.ProcessResult;
import io.github.jetcdctl.testing.ProcessRunner;

/** Black-box: target/jetcdctl-VERSION.tar.gz unpacked into an empty directory, far from the checkout. */
@ExtendWith(LauncherRoute.class)
class DistributionIT {
    static final Path TARGET = Path.of(System.getProperty("user.dir")).toAbsolutePath().resolve("target");

    @TempDir
    static Path dir;
    static Path home;

    @BeforeAll
    static void unpack() throws IOException {
        Path archive;
        try (Stream<Path> files = Files.list(TARGET)) {
            archive = files.filter(f -> f.getFileName().toString().matches("jetcdctl-.+\\.tar\\.gz")).findFirst()
                    .orElseThrow(() -> new AssertionError("no jetcdctl-*.tar.gz in " + TARGET));
        }
        Path unpacked = Files.createDirectory(dir.resolve("opt"));
        ProcessResult tar = run(List.of("tar", "-xzf", archive.toString(), "-C", unpacked.toString()), Map.of());
        assertEquals(0, tar.exitCode(), tar.toString());
        try (Stream<Path> top = Files.list(unpacked)) {
            home = top.findFirst().orElseThrow();
        }
        assertEquals(archive.getFileName().toString().replace(".tar.gz", ""), home.getFileName().toString());
    }

    private static ProcessResult run(List<String> command, Map<String, String> env) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("HOME", dir.toString());
        all.remove("XDG_CONFIG_HOME");
        return ProcessRunner.run(command, null, all, dir, Duration.ofSeconds(60), false);
    }

    private static ProcessResult bash(String script) {
        return bash(home, LauncherRoute.env(), script);
    }

    /** {@code script} with the launcher unpacked at {@code installed} first on PATH, in {@code env}. */
    private static ProcessResult bash(Path installed, Map<String, String> env, String script) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("PATH", installed.resolve("bin") + ":/usr/bin:/bin");
        all.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        return run(List.of("bash", "-c", script), all);
    }

    @Test
    void theUnpackedLauncherRunsFromAnyDirectory() {
        ProcessResult version = bash("cd / && jetcdctl version");
        assertEquals(0, version.exitCode(), version.toString());
        String expected = home.getFileName().toString().substring("jetcdctl-".length());
        // no line chosen: the default, 3.6
        assertEquals("jetcdctl version: " + expected + "\nAPI version: 3.6\n", version.stdoutText());
        ProcessResult viaSymlink = bash("mkdir -p links && ln -sf '" + home.resolve("bin/jetcdctl")
                + "' links/jetcdctl && links/jetcdctl version");
        assertEquals(version.stdoutText(), viaSymlink.stdoutText(), viaSymlink.toString());
    }

    @Test
    void shipsTheManPageReadmeLicenseAndCompletionScripts() {
        for (String file : List.of("LICENSE", "README.md", "share/man/man1/jetcdctl.1",
                "share/jetcdctl/completion/jetcdctl.bash", "share/jetcdctl/completion/jetcdctl.zsh")) {
            assertTrue(Files.isRegularFile(home.resolve(file)), file);
        }
        if (Files.isExecutable(Path.of("/usr/bin/man"))) {
            ProcessResult man = bash("MANPAGER=cat MANWIDTH=100 man --warnings jetcdctl");
            assertEquals(0, man.exitCode(), man.toString());
            assertEquals("", man.stderrText());
            assertTrue(man.stdoutText().contains("jetcdctl context add <name>"), man.toString());
        }
    }

    /**
     * The native client ships when the build had a C compiler, and the unpacked launcher uses it by default: the
     * first command runs in its own JVM and starts the resident jetcdctl, which then serves the next.
     */
    @Test
    void theUnpackedLauncherRunsThroughTheResidentJetcdctlWhenItShipsAClient() {
        Path client = home.resolve("share/jetcdctl/jetcdctl-client");
        assertEquals(Files.isExecutable(TARGET.resolve("jetcdctl-client")), Files.isExecutable(client));
        assumeTrue(Files.isExecutable(client), "no native client was built (no C compiler)");
        Map<String, String> env = new java.util.HashMap<>(LauncherRoute.env(true));
        env.put("JETCDCTL_DAEMON", ""); // as if unset (the build's own setting is off): on by default
        ProcessResult first = bash(home, env, "cd / && jetcdctl version");
        assertEquals(0, first.exitCode(), first.toString());
        String status = LauncherRoute.awaitDaemon(words -> bash(home, env, "jetcdctl " + String.join(" ", words)));
        ProcessResult next = bash(home, env, "cd / && jetcdctl version");
        assertEquals(first, next);
        String after = bash(home, env, "jetcdctl daemon status").stdoutText();
        java.util.regex.Matcher served = java.util.regex.Pattern.compile("requests: (\\d+)").matcher(after);
        // the status that found it up, the second version, and this status
        assertTrue(served.find() && Integer.parseInt(served.group(1)) >= 3, status + after);
        assertEquals(0, bash(home, env, "jetcdctl daemon stop").exitCode());
        env.put("JETCDCTL_DAEMON", "off");
        assertEquals(first, bash(home, env, "cd / && jetcdctl version"), "JETCDCTL_DAEMON=off");
    }

    /**
     * What a build on a machine without a C compiler ships: the same tar.gz without the native client. Every
     * command runs in a JVM of its own, whatever JETCDCTL_DAEMON says, and no daemon is started.
     */
    @Test
    void withoutTheNativeClientEveryCommandRunsInAJvmOfItsOwn() throws Exception {
        Path copy = dir.resolve("no-client");
        Files2.copyTree(home, copy);
        Files.deleteIfExists(copy.resolve("share/jetcdctl/jetcdctl-client"));
        for (String route : List.of("on", "off")) {
            Map<String, String> env = new java.util.HashMap<>(LauncherRoute.env(route.equals("on")));
            ProcessResult version = bash(copy, env, "cd / && jetcdctl version");
            assertEquals(bash(home, LauncherRoute.env(false), "cd / && jetcdctl version"), version, route);
            ProcessResult status = bash(copy, env, "jetcdctl daemon status");
            assertEquals(0, status.exitCode(), status.toString());
            assertTrue(status.stdoutText().startsWith("no native client"), status.toString());
            ProcessResult bad = bash(copy, env, "jetcdctl get");
            assertEquals(128, bad.exitCode(), bad.toString());
        }
        Thread.sleep(1500); // (a launcher starts its daemon a second after its command)
        assertTrue(ProcessHandle.allProcesses().noneMatch(p -> p.info().arguments().map(List::of)
                .filter(a -> a.contains("io.github.jetcdctl.daemon.DaemonMain") && String.join(" ", a)
                        .contains(copy.toString())).isPresent()), "a daemon of the copy without a client");
    }

    @Test
    void theShippedBashCompletionOffersContextNamesFromTheRealLauncher() {
        ProcessResult result = bash("""
                jetcdctl context add prod --endpoints=10.0.0.1:2379 >/dev/null || exit 1
                source "$(dirname "$(command -v jetcdctl)")/../share/jetcdctl/completion/jetcdctl.bash"
                compopt() { :; }
                COMP_WORDS=(jetcdctl --context p); COMP_CWORD=2; COMP_LINE="jetcdctl --context p"
                COMP_POINT=${#COMP_LINE}
                _complete_jetcdctl_with_contexts jetcdctl p --context
                printf '%s\\n' "${COMPREPLY[@]}"
                """);
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals("prod\n", result.stdoutText(), result.toString());
    }
}
