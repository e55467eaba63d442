package io.github.jetcdctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.github.jetcdctl.testing.EtcdBinaries;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.ProcessResult;

/** version keeps etcdctl's two lines on stdout; --debug adds the runtime's versions, on stderr only. */
class VersionCommandTest {
    /** The API version is the line's, as each etcdctl prints its own. */
    @Test
    void printsOurVersionAndTheApiVersionOfTheLine() {
        for (String release : EtcdBinaries.LINE_RELEASES) {
            String line = EtcdBinaries.lineOf(release);
            ProcessResult version = Jetcdctl.create().forLine(line).run("version");
            assertEquals(0, version.exitCode());
            String expected = "jetcdctl version: \\S+\nAPI version: " + Pattern.quote(line) + "\n";
            assertTrue(version.stdoutText().matches(expected), version.toString());
            assertEquals("", version.stderrText());
        }
    }

    @Test
    void debugAddsTheJvmAndJetcdVersionsOnStderr() {
        ProcessResult plain = Jetcdctl.create().run("version");
        ProcessResult debug = Jetcdctl.create().run("version", "--debug");
        assertEquals(plain.stdoutText(), debug.stdoutText());
        String[] lines = debug.stderrText().split("\n");
        assertEquals(2, lines.length, debug.toString());
        assertTrue(lines[0].startsWith("JVM version: " + Runtime.version() + " ("), lines[0]);
        assertTrue(lines[1].matches("jetcd version: 0\\.\\d+\\.\\d+"), lines[1]);
    }
}
