package io.github.jetcdctl.cli.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.github.jetcdctl.testing.EtcdClusterExtension;
import io.github.jetcdctl.testing.Etcdctl;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.ProcessResult;
import io.github.jetcdctl.testing.SideBySide;

/**
 * batch against the real etcdctl 3.5.16: a batch's standard output is what the same command lines print when
 * etcdctl runs them one process at a time, and its status is the first failure's.
 */
class BatchCommandGoldenTest {
    @RegisterExtension
    static final EtcdClusterExtension ETCD = EtcdClusterExtension.single();

    static Etcdctl etcdctl;
    static Jetcdctl jetcdctl;

    @BeforeAll
    static void loadData() {
        etcdctl = ETCD.etcdctl();
        jetcdctl = Jetcdctl.forCluster(ETCD.cluster());
        etcdctl.run("put", "batch/a", "1");
        etcdctl.run("put", "batch/b", "two words");
        etcdctl.run("put", "batch/c", "3");
    }

    @Test
    void printsWhatEachCommandPrintsAlone() {
        List<List<String>> commands = List.of(
                List.of("get", "batch/a"),
                List.of("get", "batch/", "--prefix", "-w", "json"),
                List.of("get", "batch/b", "--print-value-only"),
                List.of("get", "missing"),
                List.of("get", "batch/", "--prefix", "--keys-only", "--limit=2"),
                List.of("get", "batch/", "--prefix", "-w", "fields", "--hex"),
                List.of("member", "list", "-w", "table"),
                List.of("get", "", "--prefix", "--count-only", "-w", "fields"));
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        StringBuilder lines = new StringBuilder("# reads\n\n");
        for (List<String> command : commands) {
            ProcessResult alone = etcdctl.run(command);
            assertEquals(0, alone.exitCode(), alone.toString());
            expected.writeBytes(alone.stdout());
            lines.append(quoted(command)).append('\n');
        }
        ProcessResult batch = jetcdctl.runWithStdin(bytes(lines.toString()), "batch");
        assertEquals(0, batch.exitCode(), batch.toString());
        assertArrayEquals(expected.toByteArray(), batch.stdout(), batch.stdoutText());
        assertEquals("", batch.stderrText());
    }

    @Test
    void globalFlagsGivenToBatchApplyToEveryLine() {
        ProcessResult alone = etcdctl.run("-w", "json", "get", "batch/a");
        ProcessResult batch = jetcdctl.runWithStdin(bytes("get batch/a\nget batch/a\n"), "batch", "-w", "json");
        assertArrayEquals(concat(alone.stdout(), alone.stdout()), batch.stdout(), batch.stdoutText());
    }

    @Test
    void writesRunInOrderAndAnyKeyCanBeWritten(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lines");
        Files.writeString(file, "put \"batch/bin\\xff\" 'a value'\nget \"batch/bin\\xff\" --hex\ndel batch/bin --prefix\n");
        ProcessResult batch = jetcdctl.run("batch", file.toString());
        assertEquals(0, batch.exitCode(), batch.toString());
        assertEquals("OK\n\\x62\\x61\\x74\\x63\\x68\\x2f\\x62\\x69\\x6e\\xff\n\\x61\\x20\\x76\\x61\\x6c\\x75\\x65\n1\n",
                batch.stdoutText());
    }

    @Test
    void stopsAtTheFirstFailureWithItsStatus() {
        ProcessResult failing = etcdctl.run("get", "batch/a", "--rev=1000000");
        ProcessResult batch = jetcdctl.runWithStdin(bytes("get batch/a\nget batch/a --rev=1000000\nget batch/b\n"),
                "batch");
        ProcessResult first = etcdctl.run("get", "batch/a");
        assertEquals(failing.exitCode(), batch.exitCode());
        assertArrayEquals(first.stdout(), batch.stdout());
        List<String> expectedErrors = new ArrayList<>(SideBySide.errorLines(failing));
        expectedErrors.add("batch: line 2: exit status " + failing.exitCode());
        assertEquals(expectedErrors, SideBySide.errorLines(batch));
    }

    /** Each failure is reported as the command alone reports it (golden-tested elsewhere), then by its line. */
    @Test
    void keepGoingRunsEveryLineAndExitsWithTheFirstFailuresStatus() {
        ProcessResult badFlag = jetcdctl.run("get", "--bogus");
        ProcessResult badTtl = jetcdctl.run("lease", "grant", "x");
        ProcessResult a = etcdctl.run("get", "batch/a");
        assertEquals(badFlag.exitCode(), etcdctl.run("get", "--bogus").exitCode());
        assertEquals(badTtl.exitCode(), etcdctl.run("lease", "grant", "x").exitCode());
        ProcessResult batch = jetcdctl.runWithStdin(
                bytes("get --bogus\nget batch/a\nlease grant x\nget batch/a\n"), "batch", "--keep-going");
        assertEquals(badFlag.exitCode(), batch.exitCode());
        assertArrayEquals(concat(a.stdout(), a.stdout()), batch.stdout());
        assertEquals(badFlag.stderrText() + "batch: line 1: exit status " + badFlag.exitCode() + "\n"
                + badTtl.stderrText() + "batch: line 3: exit status " + badTtl.exitCode() + "\n", batch.stderrText());
    }

    @Test
    void badInputIsOneLineWithAnExitCode() {
        ProcessResult quoting = jetcdctl.runWithStdin(bytes("get 'batch/a\n"), "batch");
        assertEquals(3, quoting.exitCode());
        assertEquals("Error: unterminated quoted string\nbatch: line 1: exit status 3\n", quoting.stderrText());

        ProcessResult missing = jetcdctl.run("batch", "/nonexistent/lines");
        assertEquals(1, missing.exitCode());
        assertEquals("Error: open /nonexistent/lines: no such file or directory\n", missing.stderrText());

        ProcessResult nested = jetcdctl.runWithStdin(bytes("batch\n"), "batch");
        assertEquals(128, nested.exitCode());
        assertEquals("Error: batch cannot run inside a batch\nbatch: line 1: exit status 128\n", nested.stderrText());
    }

    private static String quoted(List<String> command) {
        StringBuilder line = new StringBuilder();
        for (String word : command) {
            line.append(line.length() == 0 ? "" : " ").append('\'').append(word).append('\'');
        }
        return line.toString();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
