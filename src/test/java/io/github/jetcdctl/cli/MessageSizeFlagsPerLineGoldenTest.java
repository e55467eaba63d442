package io.github.jetcdctl.cli;

import static io.github.jetcdctl.testing.SideBySide.assertSameResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.jetcdctl.testing.EtcdBinaries;
import io.github.jetcdctl.testing.Etcdctl;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.LineClusters;
import io.github.jetcdctl.testing.ProcessResult;

/**
 * {@code --max-request-bytes} and {@code --max-recv-bytes} (etcdctl 3.6 and later) against the real etcdctl of each
 * line: a response or request over the limit fails with grpc-go's words and sizes, the variables (with 3.7's
 * {@code ETCDCTL_AUTH_JWT_TOKEN}) and the {@code --debug} dump follow the line, and 3.5 refuses the flags as
 * unknown. The 2 MiB send limit of etcd's Go
 * client holds on every line.
 */
class MessageSizeFlagsPerLineGoldenTest {
    private static final Pattern RECEIVED = Pattern.compile("received message larger than max \\((\\d+) vs\\. 1\\)");

    static List<String> releases() {
        return EtcdBinaries.LINE_RELEASES;
    }

    static List<String> releasesWithTheFlags() {
        return List.of(EtcdBinaries.V3_6, EtcdBinaries.V3_7);
    }

    @ParameterizedTest
    @MethodSource("releasesWithTheFlags")
    void aResponseOrRequestOverTheLimitFailsWithGrpcGosSizes(String release) {
        Etcdctl etcdctl = LineClusters.etcdctl(release, release);
        Jetcdctl jetcdctl = LineClusters.jetcdctl(release, release);
        for (String key : List.of("limits/a", "limits/b", "limits/c")) {
            etcdctl.run("put", key, "value of " + key);
        }
        // the response's size depends on the cluster's random IDs: etcdctl names it when the limit is 1 byte
        ProcessResult probe = etcdctl.run("--max-recv-bytes=1", "get", "limits/", "--prefix");
        Matcher size = RECEIVED.matcher(probe.stderrText());
        assertTrue(size.find(), probe.toString());
        long responseBytes = Long.parseLong(size.group(1));
        List<List<String>> cases = List.of(
                List.of("--max-recv-bytes=1", "get", "limits/", "--prefix"),
                List.of("--max-recv-bytes=" + (responseBytes - 1), "get", "limits/", "--prefix"),
                List.of("--max-recv-bytes=" + responseBytes, "get", "limits/", "--prefix"),
                List.of("--max-recv-bytes=0x" + Long.toHexString(responseBytes - 1), "get", "limits/", "--prefix"),
                List.of("--max-recv-bytes=-1", "get", "limits/", "--prefix", "-w", "json"),
                List.of("--max-request-bytes=10", "put", "limits/k", "longvalue"),
                List.of("--max-request-bytes=14", "put", "limits/k", "longvalue"),
                List.of("--max-request-bytes=13", "put", "limits/k", "longvalue"),
                List.of("--max-request-bytes=10", "--max-recv-bytes=5", "put", "limits/k", "v"),
                List.of("--max-request-bytes=10", "--max-recv-bytes=10", "get", "limits/k"),
                List.of("--max-request-bytes=99999999999", "--max-recv-bytes=99999999999", "get", "limits/k"));
        for (List<String> args : cases) {
            assertSameResult(etcdctl.run(args), jetcdctl.run(args, null), release + " " + args);
        }
        ProcessResult fromVariable = etcdctl.run(List.of("put", "limits/k", "longvalue"), null,
                Map.of("ETCDCTL_MAX_REQUEST_BYTES", "13"));
        assertEquals(1, fromVariable.exitCode(), fromVariable.toString());
        assertSameResult(fromVariable, jetcdctl.withEnv("ETCDCTL_MAX_REQUEST_BYTES", "13")
                .run("put", "limits/k", "longvalue"), release + " ETCDCTL_MAX_REQUEST_BYTES");
        List<String> badValue = List.of("--max-recv-bytes=x", "get", "limits/k");
        assertSameFirstErrorLine(etcdctl.run(badValue), jetcdctl.run(badValue, null), release + " " + badValue);
    }

    @ParameterizedTest
    @MethodSource("releases")
    void theDebugDumpAndTheVariablesFollowTheLine(String release) {
        // 3.7's token variable too, empty: its value is not shown alike (jetcdctl masks it)
        Etcdctl etcdctl = LineClusters.etcdctl(release, release).withEnv("ETCDCTL_MAX_RECV_BYTES", "4096")
                .withEnv("ETCDCTL_MAX_REQUEST_BYTES", "2048").withEnv("ETCDCTL_AUTH_JWT_TOKEN", "");
        Jetcdctl jetcdctl = LineClusters.jetcdctl(release, release).withEnv("ETCDCTL_MAX_RECV_BYTES", "4096")
                .withEnv("ETCDCTL_MAX_REQUEST_BYTES", "2048").withEnv("ETCDCTL_AUTH_JWT_TOKEN", "");
        ProcessResult expected = etcdctl.run("get", "limits/none", "--debug");
        ProcessResult actual = jetcdctl.run("get", "limits/none", "--debug");
        assertEquals(expected.exitCode(), actual.exitCode(), actual.toString());
        assertEquals(dumpAndWarnings(expected), dumpAndWarnings(actual), release + "\n" + actual);
    }

    @ParameterizedTest
    @MethodSource("releases")
    void etcdGoClientsTwoMebibyteSendLimitHoldsOnEveryLine(String release) {
        byte[] value = "v".repeat(2_500_000).getBytes(StandardCharsets.UTF_8);
        ProcessResult expected = LineClusters.etcdctl(release, release).runWithStdin(value, "put", "limits/big");
        assertEquals(1, expected.exitCode(), expected.toString());
        assertSameResult(expected, LineClusters.jetcdctl(release, release).runWithStdin(value, "put", "limits/big"),
                release + " put of 2.5 MB");
    }

    @org.junit.jupiter.api.Test
    void etcdctl35HasNeitherFlag() {
        String release = EtcdBinaries.V3_5;
        for (List<String> args : List.of(List.of("--max-recv-bytes=100", "get", "limits/", "--prefix"),
                List.of("put", "limits/k", "v", "--max-request-bytes=10"),
                List.of("--max-request-bytes=10", "--max-recv-bytes=5", "member", "list"),
                List.of("get", "limits/k", "--max-recv-bytes=not-a-number"))) {
            assertSameFirstErrorLine(LineClusters.etcdctl(release, release).run(args),
                    LineClusters.jetcdctl(release, release).run(args, null), "3.5 " + args);
        }
    }

    /** A flag error: etcdctl's usage text (on stdout, and after the first line) is not reproduced. */
    static void assertSameFirstErrorLine(ProcessResult expected, ProcessResult actual, String what) {
        assertEquals(expected.exitCode(), actual.exitCode(), what + "\n" + expected + "\n" + actual);
        assertEquals(expected.stderrText().lines().findFirst(), actual.stderrText().lines().findFirst(), what);
    }

    /**
     * The ETCDCTL_* dump and the zap lines about variables, without their timestamps, sorted: etcdctl warns in the
     * order of its environment, which the test's process builder does not keep.
     */
    static List<String> dumpAndWarnings(ProcessResult result) {
        List<String> lines = new ArrayList<>(zapLines(result));
        for (String line : result.stderrText().split("\n")) {
            if (line.startsWith("ETCDCTL_")) {
                lines.add(line);
            }
        }
        lines.sort(null);
        return lines;
    }

    /**
     * etcdctl's zap lines about ETCDCTL_* variables (warnings, the fatal conflict), sorted, without timestamps and
     * without the Go stack trace of the fatal line (jetcdctl has none to show).
     */
    static List<String> zapLines(ProcessResult result) {
        List<String> lines = new ArrayList<>();
        for (String line : result.stderrText().split("\n")) {
            if (line.startsWith("{") && line.contains("environment variable")) {
                lines.add(line.replaceAll("\"ts\":\"[^\"]*\",", "").replaceAll(",\"stacktrace\":\"[^\"]*\"", ""));
            }
        }
        lines.sort(null);
        return lines;
    }
}
