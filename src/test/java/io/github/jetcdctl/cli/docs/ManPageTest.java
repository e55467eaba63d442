package io.github.jetcdctl.cli.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.jetcdctl.cli.CommandCatalog;
import io.github.jetcdctl.cli.GlobalFlag;
import io.github.jetcdctl.testing.ProcessResult;
import io.github.jetcdctl.testing.ProcessRunner;
import picocli.CommandLine;

/** jetcdctl(1), rendered from the command definitions. */
class ManPageTest {
    private static final CommandLine ROOT = CommandCatalog.fullTree();
    private static final String PAGE = ManPage.render(ROOT, "1.2.3");

    @Test
    void documentsEveryCommandAndGlobalFlag() {
        assertTrue(PAGE.startsWith(".TH JETCDCTL 1 \"\" \"jetcdctl 1.2.3\" \"User Commands\"\n"), PAGE);
        for (String command : List.of("member list", "context add <name>", "context use [<name>]",
                "completion <shell>", "snapshot restore")) {
            assertTrue(PAGE.contains(".SS \"jetcdctl " + ManPage.text(command)), command);
        }
        for (GlobalFlag flag : GlobalFlag.values()) {
            assertTrue(PAGE.contains("\\fB" + ManPage.text(flag.longName()) + "\\fR"), flag.longName());
            assertTrue(PAGE.contains("\\fB" + flag.envName() + "\\fR"), flag.envName());
        }
        assertTrue(PAGE.contains(".SH FILES\n"));
    }

    @Test
    void escapesWhatRoffWouldTakeAsRequests() {
        assertEquals("\\e\\-x", ManPage.text("\\-x"));
        assertEquals("\\&.not a request", ManPage.text(".not a request"));
        assertEquals("\\&'neither", ManPage.text("'neither"));
    }

    /** Only where man(1) is installed; the page must render without a single warning. */
    @Test
    void manRendersItCleanly(@TempDir Path dir) throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/man")), "man is not installed");
        Path page = Files.writeString(dir.resolve("jetcdctl.1"), PAGE);
        ProcessResult man = ProcessRunner.run(List.of("man", "--warnings", "-l", page.toString()), null,
                Map.of("MANWIDTH", "100", "MANPAGER", "cat", "PAGER", "cat", "LC_ALL", "C.UTF-8"), dir,
                Duration.ofSeconds(60), false);
        assertEquals(0, man.exitCode(), man.toString());
        assertEquals("", man.stderrText());
        String text = man.stdoutText();
        assertTrue(text.contains("GLOBAL FLAGS"), text);
        assertTrue(text.contains("jetcdctl context add <name>"), text);
        assertTrue(text.contains("ETCDCTL_CONTEXT"), text);
    }
}
