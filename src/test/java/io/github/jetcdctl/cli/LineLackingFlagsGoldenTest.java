package io.github.jetcdctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.jetcdctl.testing.EtcdBinaries;
import io.github.jetcdctl.testing.Etcdctl;
import io.github.jetcdctl.testing.Etcdutl;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.ProcessResult;

/**
 * A flag that a later line added, given to an older line: etcdctl's (or etcdutl's) unknown flag before anything
 * else, whatever follows it (a separate value, a bad value, no value, --help, a missing argument), the same for
 * every such flag. The word after it is still taken as its value while the command is looked up, as cobra does. No
 * server: these fail before any connection. Compared: exit code and first stderr line (etcdctl's usage on stdout and
 * its repeated error are a deliberate difference).
 */
class LineLackingFlagsGoldenTest {
    private static final String NO_DB = "/nonexistent/member/snap/db";

    static Stream<Arguments> etcdctlCases() {
        return Stream.of(
                etcdctl(EtcdBinaries.V3_6, "--auth-jwt-token", "TOKEN", "get", "k"),
                etcdctl(EtcdBinaries.V3_6, "--auth-jwt-token", "TOKEN", "get", "--help"),
                etcdctl(EtcdBinaries.V3_6, "--auth-jwt-token", "TOKEN", "help", "get"),
                etcdctl(EtcdBinaries.V3_6, "--auth-jwt-token", "TOKEN", "version"),
                etcdctl(EtcdBinaries.V3_6, "--auth-jwt-token", "get", "k"), // cobra: get is the value, k a command
                etcdctl(EtcdBinaries.V3_6, "get", "k", "--stream=x"),
                etcdctl(EtcdBinaries.V3_5, "--max-recv-bytes", "100", "get", "k"),
                etcdctl(EtcdBinaries.V3_5, "--max-recv-bytes", "100", "get"),
                etcdctl(EtcdBinaries.V3_5, "--max-request-bytes", "10", "--help"),
                etcdctl(EtcdBinaries.V3_5, "get", "k", "--max-recv-bytes=x"),
                etcdctl(EtcdBinaries.V3_5, "make-mirror", "--rev", "5", "127.0.0.1:1"),
                etcdctl(EtcdBinaries.V3_5, "make-mirror", "--rev=x", "127.0.0.1:1"),
                etcdctl(EtcdBinaries.V3_5, "make-mirror", "127.0.0.1:1", "--rev"),
                etcdctl(EtcdBinaries.V3_5, "make-mirror", "--max-txn-ops=x"),
                etcdctl(EtcdBinaries.V3_5, "member", "list", "--consistency=s", "--help"),
                etcdctl(EtcdBinaries.V3_5, "downgrade", "--help"),
                // pflag stops at the first unknown flag: a bad value after it is not reached, one before it is
                etcdctl(EtcdBinaries.V3_5, "--max-recv-bytes", "100", "get", "--limit=x", "k"),
                etcdctl(EtcdBinaries.V3_5, "get", "k", "--max-recv-bytes", "100", "--limit=x"),
                etcdctl(EtcdBinaries.V3_5, "get", "--limit=x", "k", "--max-recv-bytes", "100"),
                etcdctl(EtcdBinaries.V3_6, "get", "--stream", "--limit=x", "k"));
    }

    private static Arguments etcdctl(String release, String... args) {
        return Arguments.of(release, Arrays.asList(args));
    }

    @ParameterizedTest
    @MethodSource("etcdctlCases")
    void etcdctlRefusesTheFlagFirst(String release, List<String> args) {
        ProcessResult expected = Etcdctl.of(EtcdBinaries.forTest(release)).run(args);
        assertTrue(expected.stderrText().startsWith("Error: unknown ") || args.contains("--limit=x"),
                expected.toString());
        assertSameError(expected, jetcdctl(release).run(args, null), release + " " + args);
    }

    @Test
    void etcdutlRefusesItsTimeoutBefore37() {
        List<List<String>> cases = List.of(
                List.of(EtcdBinaries.V3_6, "hashkv", "--timeout=x", NO_DB),
                List.of(EtcdBinaries.V3_6, "hashkv", NO_DB, "--timeout"),
                List.of(EtcdBinaries.V3_5, "snapshot", "status", "--timeout", "1s", "--help"));
        for (List<String> c : cases) {
            List<String> args = c.subList(1, c.size());
            ProcessResult expected = Etcdutl.of(EtcdBinaries.forTest(c.get(0))).run(args);
            assertTrue(expected.stderrText().startsWith("Error: unknown flag: --timeout"), expected.toString());
            assertSameError(expected, jetcdctl(c.get(0)).run(args, null), c.toString());
        }
    }

    /** An ETCDCTL_COMPAT that names no line is the same one error with --help as without. */
    @Test
    void anUnknownLineIsAnErrorForHelpToo() {
        Jetcdctl unknownLine = Jetcdctl.create().forLine("9.9");
        ProcessResult command = unknownLine.run("get", "k");
        assertEquals(1, command.exitCode(), command.toString());
        assertTrue(command.stderrText().startsWith("Error: ETCDCTL_COMPAT: unknown etcdctl line \"9.9\""),
                command.toString());
        for (List<String> help : List.of(List.of("--help"), List.of("get", "--help"), List.of("help", "get"),
                List.of("member"))) {
            ProcessResult actual = unknownLine.run(help, null);
            assertEquals(command, actual, help.toString());
        }
    }

    private static Jetcdctl jetcdctl(String release) {
        return Jetcdctl.create().forLine(EtcdBinaries.lineOf(release));
    }

    private static void assertSameError(ProcessResult expected, ProcessResult actual, String what) {
        assertEquals(expected.exitCode(), actual.exitCode(), what + "\n" + expected + "\n" + actual);
        // etcdctl's unknown command names etcdctl
        assertEquals(expected.stderrText().lines().findFirst().map(line -> line.replace("\"etcdctl\"", "\"jetcdctl\"")),
                actual.stderrText().lines().findFirst(), what + "\n" + actual);
        assertEquals("", actual.stdoutText(), what);
    }
}
