package io.github.jetcdctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.jetcdctl.testing.InstalledJdks.Jdk;
import io.github.jetcdctl.testing.ProcessResult;
import io.github.jetcdctl.testing.ProcessRunner;

/**
 * What users run, compared with what the cluster's own etcdctl prints (and etcdutl, for the offline commands):
 * {@code bin/jetcdctl} started by bash on every JDK the launcher may pick, stdout byte for byte, exit codes, and
 * stderr byte for byte where etcdctl's is empty (a JVM warning there is a bug).
 */
abstract class LauncherGoldenTests extends LauncherRuns {
    @ParameterizedTest
    @MethodSource("jdks")
    void putThenGet(Jdk jdk) {
        String key = "launcher/" + jdk.major() + "/" + getClass().getSimpleName();
        ProcessResult put = assertSame(jdk, "put", key, "value with spaces");
        assertEquals("OK\n", put.stdoutText());
        assertSame(jdk, "get", key);
        assertSame(jdk, "get", "launcher/", "--prefix", "--keys-only");
        if (cluster().size() == 1) { // with more, the header names whichever member answered
            assertSame(jdk, "get", key, "-w", "json");
        }
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void memberListTable(Jdk jdk) {
        assertSame(jdk, "member", "list", "-w", "table");
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void endpointStatusClusterTable(Jdk jdk) {
        // raft index and db size move with writes: compare on a quiet cluster, again if a write slipped in
        for (int attempt = 0; ; attempt++) {
            ProcessResult expected = etcdctl(connectionFlags(), "endpoint", "status", "--cluster", "-w", "table");
            ProcessResult actual = jetcdctl(jdk, connectionFlags(), "endpoint", "status", "--cluster", "-w", "table");
            ProcessResult again = etcdctl(connectionFlags(), "endpoint", "status", "--cluster", "-w", "table");
            if (attempt < 3 && !expected.stdoutText().equals(again.stdoutText())) {
                continue;
            }
            assertSameOutput(expected, actual, jdk + ": endpoint status --cluster -w table");
            return;
        }
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void endpointHealthCluster(Jdk jdk) {
        List<String> args = List.of("endpoint", "health", "--cluster");
        ProcessResult expected = etcdctl(connectionFlags(), args.toArray(String[]::new));
        ProcessResult actual = jetcdctl(jdk, connectionFlags(), args.toArray(String[]::new));
        // the time each check took differs, and etcdctl prints the members as their answers arrive
        assertEquals(expected.exitCode(), actual.exitCode(), actual.toString());
        assertEquals(healthLines(expected), healthLines(actual), actual.toString());
        assertEquals(cluster().size(), healthLines(actual).size(), actual.toString());
        assertCleanStderrWhereEtcdctlsIs(expected, actual, jdk + ": endpoint health --cluster");
    }

    private static List<String> healthLines(ProcessResult result) {
        return result.stdoutText().lines().map(l -> l.replaceAll("took = \\S+", "took = T")).sorted()
                .collect(Collectors.toList());
    }

    /** A watch from a past revision prints that event at once; both are then stopped by SIGTERM. */
    @ParameterizedTest
    @MethodSource("jdks")
    void watchOneEvent(Jdk jdk) {
        String key = "watched/" + jdk.major() + "/" + getClass().getSimpleName();
        etcdctl(connectionFlags(), "put", key, "before");
        ProcessResult put = etcdctl(connectionFlags(), "put", key, "event", "-w", "json");
        String revision = put.stdoutText().replaceAll("(?s).*\"revision\":(\\d+).*", "$1");
        String script = "\"$@\" > \"$OUT\" 2> \"$ERR\" & pid=$!\n"
                + "for i in $(seq 600); do grep -q event \"$OUT\" && break; sleep 0.05; done\n"
                + "kill -TERM $pid; wait $pid; echo $?\n";
        List<String> words = new ArrayList<>(connectionFlags());
        words.addAll(List.of("watch", key, "--rev=" + revision));
        ProcessResult expected = stopped(script, cluster().binaries().etcdctl().toString(), words, Map.of());
        ProcessResult actual = stopped(script, LAUNCHER.toString(), words, launcherEnv(jdk));
        assertEquals("PUT\n" + key + "\nevent\n", actual.stdoutText(), actual.toString());
        assertSameOutput(expected, actual, jdk + ": watch");
    }

    /** Runs {@code tool words} under {@code script}; the exit code is the one the script echoes. */
    private ProcessResult stopped(String script, String tool, List<String> words, Map<String, String> env) {
        try {
            Path dir = Files.createTempDirectory(cache, "watch");
            Map<String, String> all = new HashMap<>(env);
            all.put("OUT", dir.resolve("out").toString());
            all.put("ERR", dir.resolve("err").toString());
            List<String> command = new ArrayList<>(List.of("bash", "-c", script, "bash", tool));
            command.addAll(words);
            ProcessResult run = ProcessRunner.run(command, null, all, Path.of("/"), Duration.ofSeconds(60), false);
            return new ProcessResult(Files.readAllBytes(dir.resolve("out")), Files.readAllBytes(dir.resolve("err")),
                    Integer.parseInt(run.stdoutText().trim()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Through one endpoint, as both tools require. etcdctl logs zap lines on stderr here, jetcdctl none (a
     * documented difference), so stderr must be empty rather than equal.
     */
    @ParameterizedTest
    @MethodSource("jdks")
    void snapshotSave(Jdk jdk) throws Exception {
        List<String> flags = new ArrayList<>(tlsFlags());
        flags.add("--endpoints=" + cluster().clientEndpoints().get(0));
        Path theirs = cache.resolve("etcdctl-" + jdk.major() + ".db");
        Path ours = cache.resolve("jetcdctl-" + jdk.major() + ".db");
        ProcessResult expected = etcdctl(flags, "snapshot", "save", theirs.toString());
        ProcessResult actual = jetcdctl(jdk, flags, "snapshot", "save", ours.toString());
        assertEquals(expected.exitCode(), actual.exitCode(), actual.toString());
        assertEquals(expected.stdoutText().replace(theirs.toString(), ours.toString()), actual.stdoutText());
        assertEquals("", actual.stderrText());
        assertTrue(Files.size(ours) > 0);
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void deleteKeyAndPrefix(Jdk jdk) {
        String prefix = "launcher/del/" + jdk.major() + "/" + getClass().getSimpleName() + "/";
        for (String tool : List.of("etcdctl", "jetcdctl")) {
            for (int i = 0; i < 3; i++) {
                etcdctl(connectionFlags(), "put", prefix + tool + "/" + i, "v" + i);
            }
        }
        ProcessResult one = etcdctl(connectionFlags(), "del", prefix + "etcdctl/0");
        ProcessResult ours = jetcdctl(jdk, connectionFlags(), "del", prefix + "jetcdctl/0");
        assertEquals("1\n", ours.stdoutText(), ours.toString());
        assertSameOutput(one, ours, jdk + ": del KEY");
        ProcessResult rest = etcdctl(connectionFlags(), "del", prefix + "etcdctl/", "--prefix", "--prev-kv");
        ProcessResult oursRest = jetcdctl(jdk, connectionFlags(), "del", prefix + "jetcdctl/", "--prefix", "--prev-kv");
        assertSameOutput(rest.withStdout(rest.stdoutText().replace("/etcdctl/", "/jetcdctl/")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)), oursRest, jdk + ": del --prefix --prev-kv");
        assertSame(jdk, "del", prefix + "missing");
    }

    /**
     * A snapshot's status and its restore, offline, as the cluster's own etcdutl does them (etcdctl 3.6+ has
     * neither). Both log the restore on stderr with timestamps (compared in-process by SnapshotRestoreGoldenTest);
     * here the restored stores must hold the same revision, keys and storage version.
     */
    @ParameterizedTest
    @MethodSource("jdks")
    void snapshotStatusAndRestore(Jdk jdk) throws Exception {
        etcdctl(connectionFlags(), "put", "launcher/restore/" + jdk.major(), "kept");
        Path snapshot = cache.resolve("restore-" + jdk.major() + "-" + getClass().getSimpleName() + ".db");
        List<String> one = new ArrayList<>(tlsFlags());
        one.add("--endpoints=" + cluster().clientEndpoints().get(0));
        assertEquals(0, etcdctl(one, "snapshot", "save", snapshot.toString()).exitCode());
        for (String format : List.of("table", "json")) {
            ProcessResult expected = etcdutl("snapshot", "status", snapshot.toString(), "-w", format);
            ProcessResult actual = jetcdctl(jdk, List.of(), "snapshot", "status", snapshot.toString(), "-w", format);
            assertSameOutput(expected, actual, jdk + ": snapshot status -w " + format);
        }
        Path theirs = cache.resolve("etcdutl-restore-" + jdk.major());
        Path ours = cache.resolve("jetcdctl-restore-" + jdk.major());
        ProcessResult expected = etcdutl("snapshot", "restore", snapshot.toString(), "--data-dir", theirs.toString());
        ProcessResult actual = jetcdctl(jdk, List.of(), "snapshot", "restore", snapshot.toString(),
                "--data-dir", ours.toString());
        assertEquals(expected.exitCode(), actual.exitCode(), actual.toString());
        assertEquals(expected.stdoutText(), actual.stdoutText(), jdk + ": snapshot restore");
        assertFalse(actual.stderrText().contains("Exception"), actual.toString());
        assertEquals(restoredStore(theirs), restoredStore(ours), jdk + ": the restored stores");
    }

    /** What etcdutl reads from a restored member's store but its size (bbolt's page layout differs). */
    private String restoredStore(Path dataDir) {
        ProcessResult status = etcdutl("snapshot", "status", dataDir.resolve("member/snap/db").toString(), "-w",
                "json");
        assertEquals(0, status.exitCode(), status.toString());
        return status.stdoutText().replaceAll("\"totalSize\":\\d+,?", "");
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void leaseGrant(Jdk jdk) {
        ProcessResult expected = etcdctl(connectionFlags(), "lease", "grant", "600");
        ProcessResult actual = jetcdctl(jdk, connectionFlags(), "lease", "grant", "600");
        // lease IDs are the server's choice
        String pattern = "lease [0-9a-f]+ granted with TTL\\(600s\\)\n";
        assertTrue(expected.stdoutText().matches(pattern), expected.toString());
        assertTrue(actual.stdoutText().matches(pattern), actual.toString());
        assertSameOutput(expected.withStdout(new byte[0]), actual.withStdout(new byte[0]), jdk + ": lease grant");
    }

    /** A batch prints what the separate commands print, over this cluster's TLS settings, with nothing on stderr. */
    @ParameterizedTest
    @MethodSource("jdks")
    void batchOfReads(Jdk jdk) {
        String key = "launcher/batch/" + jdk.major() + "/" + getClass().getSimpleName();
        etcdctl(connectionFlags(), "put", key, "batched");
        ProcessResult get = etcdctl(connectionFlags(), "get", key);
        ProcessResult members = etcdctl(connectionFlags(), "member", "list", "-w", "table");
        String lines = "get " + key + "\nmember list -w table\nget " + key + "\n";
        ProcessResult actual = jetcdctl(jdk, connectionFlags(), lines.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "batch");
        assertEquals(0, actual.exitCode(), actual.toString());
        assertEquals(get.stdoutText() + members.stdoutText() + get.stdoutText(), actual.stdoutText());
        assertEquals("", actual.stderrText(), jdk + ": batch");
    }

    /**
     * --decode through the launcher, where Kubernetes' types are not on the class path but loaded from lib/ by a
     * class loader of their own (in-process tests find them on the test class path instead).
     */
    @ParameterizedTest
    @MethodSource("jdks")
    void decodesAStoredPod(Jdk jdk) {
        String key = "/registry/pods/launcher-" + jdk.major() + "/" + getClass().getSimpleName().toLowerCase();
        byte[] pod = io.github.jetcdctl.k8s.StoredObjects.envelope("v1", "Pod",
                io.github.jetcdctl.k8s.StoredObjects.pod("default", "web-0"));
        assertEquals(0, etcdctl(connectionFlags(), pod, "put", key).exitCode());
        ProcessResult decoded = jetcdctl(jdk, connectionFlags(), "get", key, "--decode=k8s");
        assertEquals(0, decoded.exitCode(), decoded.toString());
        assertTrue(decoded.stdoutText().startsWith("--- # " + key + "\napiVersion: v1\nkind: Pod\nmetadata:\n"),
                decoded.toString());
        assertTrue(decoded.stdoutText().contains("\n  name: web-0\n"), decoded.toString());
        assertEquals("", decoded.stderrText(), jdk + ": get --decode=k8s");
    }
}
