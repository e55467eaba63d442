package io.github.jetcdctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.ProcessResult;

/** version keeps etcdctl's two lines on stdout; --debug adds the runtime's versions, on stderr only. */
class VersionCommandTest {
    @Test
    void printsOurVersionAndTheApiVersion() {
        ProcessResult version = Jetcdctl.create().run("version");
        assertEquals(0, version.exitCode());
        assertTrue(version.stdoutText().matches("jetcdctl version: \\S+\nAPI version: 3\\.5\n"), version.toString());
        assertEquals("", version.stderrText());
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
