package io.github.jetcdctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.jetcdctl.testing.ProcessResult;
import io.github.jetcdctl.testing.ProcessRunner;

/** Black-box: target/jetcdctl-VERSION.tar.gz unpacked into an empty directory, far from the checkout. */
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
        return run(List.of("bash", "-c", script), Map.of("PATH", home.resolve("bin") + ":/usr/bin:/bin",
                "XDG_CONFIG_HOME", dir.resolve("config").toString()));
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
     * The native client ships when the build had a C compiler, and the unpacked launcher uses it: the first
     * command runs in its own JVM and starts the resident jetcdctl, which then serves the next. Without a client,
     * the same commands run in their own JVMs.
     */
    @Test
    void theUnpackedLauncherRunsThroughTheResidentJetcdctlWhenItShipsAClient() throws Exception {
        Path client = home.resolve("share/jetcdctl/jetcdctl-client");
        assertEquals(Files.isExecutable(TARGET.resolve("jetcdctl-client")), Files.isExecutable(client));
        Path runtime = Files.createDirectory(dir.resolve("runtime"), java.nio.file.attribute.PosixFilePermissions
                .asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        String daemon = "export JETCDCTL_DAEMON=on XDG_RUNTIME_DIR='" + runtime + "' JETCDCTL_DAEMON_IDLE=30; ";
        ProcessResult first = bash(daemon + "cd / && jetcdctl version");
        assertEquals(0, first.exitCode(), first.toString());
        String status = "";
        for (int i = 0; i < 600 && Files.isExecutable(client) && !status.startsWith("pid:"); i++) {
            Thread.sleep(100);
            status = bash(daemon + "jetcdctl daemon status").stdoutText();
        }
        ProcessResult next = bash(daemon + "cd / && jetcdctl version");
        assertEquals(first, next);
        if (Files.isExecutable(client)) {
            String after = bash(daemon + "jetcdctl daemon status").stdoutText();
            java.util.regex.Matcher served = java.util.regex.Pattern.compile("requests: (\\d+)").matcher(after);
            // the status that found it up, the second version, and this status
            assertTrue(served.find() && Integer.parseInt(served.group(1)) >= 3, status + after);
            assertEquals(0, bash(daemon + "jetcdctl daemon stop").exitCode());
        } else {
            assertTrue(bash(daemon + "jetcdctl daemon status").stdoutText().startsWith("no native client"));
        }
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
