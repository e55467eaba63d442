package io.github.jetcdctl.cli.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.ProcessResult;
import io.github.jetcdctl.testing.ProcessRunner;

/** The completion scripts, loaded into a real bash and asked as bash asks them on TAB. */
class CompletionTest {
    @TempDir
    static Path dir;
    static Path script;

    /** The script as the command prints it, and a {@code jetcdctl} on PATH that runs this build. */
    @BeforeAll
    static void loadScript() throws IOException {
        ProcessResult bash = Jetcdctl.create().run("completion", "bash");
        assertEquals(0, bash.exitCode(), bash.toString());
        script = Files.write(dir.resolve("jetcdctl.bash"), bash.stdout());
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path launcher = bin.resolve("jetcdctl");
        Files.writeString(launcher, "#!/usr/bin/env bash\nexec '" + Path.of(System.getProperty("java.home"), "bin",
                "java") + "' -XX:TieredStopAtLevel=1 -cp '" + System.getProperty("java.class.path")
                + "' io.github.jetcdctl.Main \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
        Jetcdctl config = Jetcdctl.create().withEnv("XDG_CONFIG_HOME", dir.resolve("config").toString());
        assertEquals(0, config.run("context", "add", "prod", "--endpoints=10.0.0.1:2379").exitCode());
        assertEquals(0, config.run("context", "add", "staging", "--endpoints=10.0.0.2:2379").exitCode());
    }

    /** What bash would offer for {@code line} with the cursor at its end. */
    private static List<String> complete(String line) {
        String driver = """
                source "$SCRIPT"
                compopt() { :; }  # bash allows compopt only during a real TAB; here it would only complain
                COMP_LINE=$LINE
                COMP_POINT=${#COMP_LINE}
                read -r -a COMP_WORDS <<< "$LINE"
                if [[ $LINE == *" " ]]; then COMP_WORDS+=(""); fi
                COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
                fn=$(complete -p jetcdctl | sed -E 's/.*-F ([^ ]+).*/\\1/')
                "$fn" jetcdctl "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
                printf '%s\\n' "${COMPREPLY[@]}"
                """;
        ProcessResult result = ProcessRunner.run(List.of("bash", "-c", driver), null, Map.of("SCRIPT",
                script.toString(), "LINE", line, "PATH", dir.resolve("bin") + ":" + System.getenv("PATH"),
                "XDG_CONFIG_HOME", dir.resolve("config").toString()), dir, Duration.ofSeconds(60), false);
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals("", result.stderrText(), result.toString());
        return result.stdoutText().lines().filter(word -> !word.isEmpty()).sorted().toList();
    }

    @Test
    void completesCommandsAndSubcommands() {
        assertEquals(List.of("make-mirror", "member", "migrate", "move-leader"), complete("jetcdctl m"));
        assertEquals(List.of("member"), complete("jetcdctl mem"));
        assertEquals(List.of("add", "list", "promote", "remove", "update"), complete("jetcdctl member "));
        assertEquals(List.of("completion", "context"), complete("jetcdctl co").stream()
                .filter(word -> !word.equals("compaction") && !word.equals("compare")).toList());
    }

    @Test
    void completesFlagsAndOutputFormats() {
        assertTrue(complete("jetcdctl get --pre").contains("--prefix"));
        assertEquals(List.of("--endpoints"), complete("jetcdctl get --endp"));
        assertEquals(List.of("fields", "json", "protobuf", "simple", "table"), complete("jetcdctl get -w "));
        assertEquals(List.of("table"), complete("jetcdctl member list --write-out t"));
        assertEquals(List.of("bash", "zsh"), complete("jetcdctl completion "));
    }

    @Test
    void completesContextNamesFromTheConfigFile() {
        assertEquals(List.of("prod", "staging"), complete("jetcdctl --context "));
        assertEquals(List.of("staging"), complete("jetcdctl get --context s"));
        assertEquals(List.of("prod"), complete("jetcdctl context use p"));
        assertEquals(List.of("prod", "staging"), complete("jetcdctl context remove "));
    }

    @Test
    void completesFileNamesForTlsFlags() throws IOException {
        Files.writeString(dir.resolve("ca-bundle.pem"), "");
        assertEquals(List.of("ca-bundle.pem"), complete("jetcdctl get --cacert ca-"));
    }

    @Test
    void zshGetsTheSameScriptBehindBashcompinit() {
        String zsh = Jetcdctl.create().run("completion", "zsh").stdoutText();
        assertTrue(zsh.contains("autoload -U +X bashcompinit && bashcompinit"));
        assertTrue(zsh.endsWith("complete -F _complete_jetcdctl_with_contexts -o default jetcdctl\n"));
        ProcessResult fish = Jetcdctl.create().run("completion", "fish");
        assertEquals(128, fish.exitCode());
        assertEquals("Error: unsupported shell \"fish\": use bash or zsh\n", fish.stderrText());
    }
}
