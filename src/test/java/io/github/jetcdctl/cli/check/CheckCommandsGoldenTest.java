package io.github.jetcdctl.cli.check;

import static io.github.jetcdctl.testing.SideBySide.assertSameResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.sun.net.httpserver.HttpServer;

import io.github.jetcdctl.testing.EtcdClusterExtension;
import io.github.jetcdctl.testing.Etcdctl;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.Ports;
import io.github.jetcdctl.testing.ProcessResult;

/**
 * check perf and check datascale side by side with the etcdctl of the line under test on one plaintext member: errors byte for
 * byte, reports line by line with their numbers masked, verdicts, and the clean-up of the keys. One 60 s perf
 * run per tool; the other runs are short (datascale s) or interrupted after a few seconds.
 */
class CheckCommandsGoldenTest {
    @RegisterExtension
    static final EtcdClusterExtension ETCD = EtcdClusterExtension.single();

    private static final String PERF_PREFIX = "/etcdctl-check-perf/";
    private static final String DATASCALE_PREFIX = "/etcdctl-check-datascale/";
    /** Every line etcdctl's check perf may print after its progress bar, numbers masked. */
    private static final List<Pattern> PERF_REPORT_LINES = List.of(
            Pattern.compile("PASS: Throughput is N writes/s"),
            Pattern.compile("FAIL: Throughput too low: N writes/s"),
            Pattern.compile("PASS: Slowest request took Ns"),
            Pattern.compile("Slowest request took too long: Ns"),
            Pattern.compile("PASS: Stddev is (N|NaN)s"),
            Pattern.compile("Stddev too high: Ns"),
            Pattern.compile("FAIL: too many errors"),
            Pattern.compile("FAIL: ERROR\\(.*\\) -> N"),
            Pattern.compile("PASS"),
            Pattern.compile("FAIL"));

    /** The release of the member and its etcdctl, whose line jetcdctl reproduces here. */
    private static String version() {
        return ETCD.cluster().version();
    }

    private Jetcdctl jetcdctl() {
        return Jetcdctl.forCluster(ETCD.cluster());
    }

    /**
     * One small command first: in a cold test JVM on a busy machine, loading the gRPC and Netty classes can take
     * longer than the 2 s dial timeout; the bin/jetcdctl launcher's class archive avoids that in real runs.
     */
    @BeforeAll
    static void warmUp() {
        ProcessResult warm = Jetcdctl.forCluster(ETCD.cluster()).withGlobalArgs(List.of("--dial-timeout=30s"))
                .run("get", "warm-up");
        assertEquals(0, warm.exitCode(), warm.toString());
    }

    @Test
    void badLoadsAndOutputFormatsFailAsInEtcdctl() {
        List<List<String>> cases = List.of(
                List.of("check", "perf", "--load", "big"),
                List.of("check", "perf", "--load=xlarge"),
                List.of("check", "perf", "--load", "S"),
                List.of("check", "datascale", "--load", "big"),
                List.of("check", "perf", "--load=big", "-w", "yaml"),
                List.of("check", "perf", "-w", "yaml"),
                List.of("check", "datascale", "-w", "yaml"),
                List.of("check", "perf", "extra", "words", "--load", "huge"));
        for (List<String> args : cases) {
            assertSameResult(ETCD.etcdctl().run(args), jetcdctl().run(args, null), String.join(" ", args));
        }
    }

    /** etcdctl prints flag errors twice around its usage; jetcdctl once, with a hint (README). */
    @Test
    void flagErrorsHaveEtcdctlsMessageAndExitCode() {
        for (List<String> args : List.of(List.of("check", "perf", "--load"), List.of("check", "perf", "--prefix"),
                List.of("check", "perf", "--auto-compact=maybe"), List.of("check", "datascale", "--auto-defrag=2"),
                List.of("check", "perf", "--limit=5"))) {
            ProcessResult expected = ETCD.etcdctl().run(args);
            ProcessResult actual = jetcdctl().run(args, null);
            assertEquals(expected.exitCode(), actual.exitCode(), actual.toString());
            String ourLine = actual.stderrText().lines().findFirst().orElse("");
            assertTrue(ourLine.startsWith("Error: ") && expected.stderrText().contains(ourLine),
                    "etcdctl: " + expected + "\njetcdctl: " + actual);
        }
    }

    @Test
    void aPrefixThatHoldsKeysIsRefusedWithExitCode3() {
        String quoted = "/my \"check\"/";
        List<List<String>> cases = List.of(
                List.of(PERF_PREFIX, "check", "perf"),
                List.of(DATASCALE_PREFIX, "check", "datascale"),
                List.of(quoted, "check", "perf", "--prefix", quoted),
                List.of(quoted, "check", "datascale", "--prefix=" + quoted));
        for (List<String> testCase : cases) {
            String key = testCase.get(0) + "k";
            List<String> args = testCase.subList(1, testCase.size());
            ETCD.etcdctl().run("put", key, "v");
            try {
                ProcessResult expected = ETCD.etcdctl().run(args);
                assertEquals(3, expected.exitCode(), expected.toString());
                assertSameResult(expected, jetcdctl().run(args, null), String.join(" ", args));
            } finally {
                ETCD.etcdctl().run("del", key);
            }
        }
    }

    /** The metrics are read from the first endpoint; here that is an HTTP server without etcd's metrics. */
    @Test
    void datascaleStopsWhenTheFirstEndpointHasNoMemoryMetric() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/metrics", exchange -> {
            byte[] body = "# HELP go_goroutines Number of goroutines.\ngo_goroutines 12\n"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            String endpoints = "--endpoints=127.0.0.1:" + server.getAddress().getPort() + ","
                    + ETCD.cluster().clientEndpoints().get(0);
            ProcessResult expected = Etcdctl.of(ETCD.cluster().binaries()).withGlobalArgs(endpoints)
                    .run("check", "datascale");
            assertEquals("could not find: process_resident_memory_bytes\n"
                    + "FAIL: Could not read process_resident_memory_bytes before the put operations.\n",
                    expected.stdoutText(), expected.toString());
            assertSameResult(expected, Jetcdctl.create().withGlobalArgs(List.of(endpoints))
                    .run(List.of("check", "datascale"), null), "check datascale, no metric");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void datascaleStopsWhenTheFirstEndpointRefusesTheMetricsRequest() {
        String deadFirst = "127.0.0.1:" + Ports.freePort();
        String endpoints = "--endpoints=" + deadFirst + "," + ETCD.cluster().clientEndpoints().get(0);
        ProcessResult expected = Etcdctl.of(ETCD.cluster().binaries()).withGlobalArgs(endpoints)
                .run("check", "datascale");
        ProcessResult actual = Jetcdctl.create().withGlobalArgs(List.of(endpoints))
                .run(List.of("check", "datascale"), null);
        assertEquals("fetch error: Get \"http://" + deadFirst + "/metrics\": dial tcp " + deadFirst
                + ": connect: connection refused\n"
                + "FAIL: Could not read process_resident_memory_bytes before the put operations.\n",
                expected.stdoutText(), expected.toString());
        assertSameResult(expected, actual, "check datascale, first endpoint refuses");
    }

    @Test
    void datascaleSmallLoadWithCompactionAndDefragLikeEtcdctl() {
        List<String> args = List.of("check", "datascale", "--load", "small", "--auto-compact", "--auto-defrag");
        ProcessResult expected = ETCD.etcdctl().withTimeout(Duration.ofMinutes(3)).run(args);
        assertNoKeysUnder(DATASCALE_PREFIX);
        ProcessResult actual = jetcdctl().run(args, null);
        assertNoKeysUnder(DATASCALE_PREFIX);
        String context = "etcdctl:\n" + expected + "\njetcdctl:\n" + actual;
        assertEquals(0, expected.exitCode(), context);
        assertEquals(0, actual.exitCode(), context);
        CheckOutput theirs = CheckOutput.parse(expected, version());
        CheckOutput ours = CheckOutput.parse(actual, version());
        assertEquals("", ours.stray(), context);
        assertEquals(List.of("Start data scale check for work load [10000 key-value pairs, 1024 bytes per key-value, "
                + "50 concurrent clients]."), theirs.linesBefore());
        assertEquals(theirs.linesBefore(), ours.linesBefore(), context);
        theirs.assertDrawingsOfATotalOf(10000, "etcdctl's " + context);
        ours.assertDrawingsOfATotalOf(10000, context);
        ours.assertFinished(10000, context);
        List<String> report = CheckOutput.masked(ours.linesAfter());
        assertEquals(CheckOutput.masked(theirs.linesAfter()), report, context);
        assertEquals(List.of("Compacting with revision N", "Compacted with revision N", "Defragmenting \"N.N:N\"",
                "Defragmented \"N.N:N\"", "PASS: Approximate system memory used : N MB."), report);
    }

    /**
     * A signal ends etcdctl's load early; it deletes the keys and reports on the shortened run. jetcdctl is
     * interrupted in-process (its signal handler interrupts the same way) and also compacts and defragments.
     */
    @Test
    void perfInterruptedCleansUpAndReportsLikeEtcdctl() throws Exception {
        ProcessResult expected = etcdctlInterruptedAfter(Duration.ofSeconds(5), List.of("check", "perf"));
        assertNoKeysUnder(PERF_PREFIX);
        ProcessResult actual = jetcdctl().runFor(Duration.ofSeconds(4), new java.io.ByteArrayInputStream(new byte[0]),
                List.of("check", "perf", "--auto-compact", "--auto-defrag"));
        assertNoKeysUnder(PERF_PREFIX);
        String context = "etcdctl:\n" + expected + "\njetcdctl:\n" + actual;
        CheckOutput theirs = CheckOutput.parse(expected, version());
        CheckOutput ours = CheckOutput.parse(actual, version());
        theirs.assertDrawingsOfATotalOf(60, context);
        ours.assertDrawingsOfATotalOf(60, context);
        assertPerfReport(theirs.linesAfter(), expected.exitCode(), context);
        List<String> after = CheckOutput.masked(ours.linesAfter());
        assertEquals(List.of("Compacting with revision N", "Compacted with revision N", "Defragmenting \"N.N:N\"",
                "Defragmented \"N.N:N\""), after.subList(0, 4), context);
        assertPerfReport(ours.linesAfter().subList(4, ours.linesAfter().size()), actual.exitCode(), context);
    }

    @Test
    void datascaleInterruptedDeletesItsKeysAndExitsAsBySigint() {
        ProcessResult actual = jetcdctl().runFor(Duration.ofSeconds(5), new java.io.ByteArrayInputStream(new byte[0]),
                List.of("check", "datascale", "--load", "m"));
        assertNoKeysUnder(DATASCALE_PREFIX);
        assertEquals(130, actual.exitCode(), actual.toString());
        CheckOutput ours = CheckOutput.parse(actual, version());
        assertEquals("", ours.stray(), actual.toString());
        assertEquals(1, ours.linesBefore().size(), actual.toString());
        ours.assertDrawingsOfATotalOf(100000, actual.toString());
        assertEquals(List.of(), ours.linesAfter(), "only the bar's line is ended");
    }

    /**
     * One full run of each (60 s). The machine's load decides the verdicts, so they may both fail; but where
     * etcdctl passes, jetcdctl must pass too: its own overhead must not fail a healthy cluster.
     */
    @Test
    void perfSmallLoadSideBySide() {
        ProcessResult expected = ETCD.etcdctl().withTimeout(Duration.ofMinutes(3)).run("check", "perf", "--load", "s");
        assertNoKeysUnder(PERF_PREFIX);
        ProcessResult actual = jetcdctl().run(List.of("check", "perf", "--load", "s"), null);
        assertNoKeysUnder(PERF_PREFIX);
        String context = "etcdctl:\n" + expected + "\njetcdctl:\n" + actual;
        CheckOutput theirs = CheckOutput.parse(expected, version());
        CheckOutput ours = CheckOutput.parse(actual, version());
        assertEquals(List.of(), ours.linesBefore(), context);
        theirs.assertDrawingsOfATotalOf(60, context);
        ours.assertDrawingsOfATotalOf(60, context);
        // ours finishes when the load ends after its 60 s (pb v1 says so, pb v3 paces one step a second); etcdctl's
        // bar counts its seconds in a goroutine of its own, which 3.6's often leaves at 59 when the process ends
        ours.assertFinished(60, context);
        assertTrue(ours.lastDrawing().endsWith(ours.pbV3() ? "] 100.00% 1 p/s" : " 100.00% 1m0s"), context);
        assertPerfReport(theirs.linesAfter(), expected.exitCode(), context);
        assertPerfReport(ours.linesAfter(), actual.exitCode(), context);
        System.out.println("check perf --load s, etcdctl: " + theirs.linesAfter() + "; jetcdctl: " + ours.linesAfter());
        if (expected.exitCode() == 0) {
            assertEquals(0, actual.exitCode(), "etcdctl passed, so must jetcdctl: " + context);
            assertEquals(CheckOutput.masked(theirs.linesAfter()), CheckOutput.masked(ours.linesAfter()), context);
        }
    }

    private static void assertPerfReport(List<String> lines, int exitCode, String context) {
        assertTrue(lines.size() >= 4, context);
        for (String line : CheckOutput.masked(lines)) {
            assertTrue(PERF_REPORT_LINES.stream().anyMatch(p -> p.matcher(line).matches()),
                    "'" + line + "' in " + context);
        }
        String verdict = lines.get(lines.size() - 1);
        assertEquals(verdict.equals("PASS") ? 0 : 1, exitCode, context);
        assertTrue(lines.get(lines.size() - 4).contains("Throughput"), context);
    }

    private static void assertNoKeysUnder(String prefix) {
        ProcessResult keys = ETCD.etcdctl().run("get", prefix, "--prefix", "--keys-only");
        assertEquals(0, keys.exitCode(), keys.toString());
        assertEquals("", keys.stdoutText(), "keys left under " + prefix);
    }

    /** etcdctl with SIGINT after {@code delay}, as Ctrl-C would send it. */
    private static ProcessResult etcdctlInterruptedAfter(Duration delay, List<String> args) throws Exception {
        Etcdctl etcdctl = ETCD.etcdctl();
        List<String> command = new ArrayList<>();
        command.add(etcdctl.binary().toString());
        command.addAll(etcdctl.globalArgs());
        command.addAll(args);
        Path dir = Files.createTempDirectory("check-sigint");
        ProcessBuilder builder = new ProcessBuilder(io.github.jetcdctl.testing.DefaultSignals.restored(command))
                .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().keySet().removeIf(name -> name.startsWith("ETCDCTL_"));
        Process process = builder.start();
        Thread.sleep(delay.toMillis());
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start().waitFor();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "etcdctl did not end after SIGINT");
        ProcessResult result = new ProcessResult(Files.readAllBytes(dir.resolve("out")),
                Files.readAllBytes(dir.resolve("err")), process.exitValue());
        Files.delete(dir.resolve("out"));
        Files.delete(dir.resolve("err"));
        Files.delete(dir);
        return result;
    }
}
