package io.github.jetcdctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.google.protobuf.ByteString;

import io.etcd.jetcd.api.KVGrpc;
import io.etcd.jetcd.api.PutRequest;
import io.etcd.jetcd.api.RequestOp;
import io.etcd.jetcd.api.TxnRequest;
import io.github.jetcdctl.client.ClientFactory;
import io.github.jetcdctl.client.ConnectionSettings;
import io.github.jetcdctl.client.EtcdConnection;
import io.github.jetcdctl.snapshot.SnapshotStatus;
import io.github.jetcdctl.snapshot.SnapshotStatusReader;
import io.github.jetcdctl.testing.EtcdClusterExtension;
import io.github.jetcdctl.testing.Files2;
import io.github.jetcdctl.testing.ProcessResult;
import io.github.jetcdctl.testing.ProcessRunner;

/** Black-box tests: the packaged launcher {@code bin/jetcdctl}, run by bash as a user would. */
@ExtendWith(LauncherRoute.class)
class LauncherIT {
    @RegisterExtension
    static final EtcdClusterExtension ETCD = EtcdClusterExtension.single();

    static final Path ROOT = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    static final Path LAUNCHER = ROOT.resolve("bin/jetcdctl");

    private static ProcessResult bash(String script) {
        List<String> command = List.of("bash", "-c", script);
        return ProcessRunner.run(command, null, env(), Path.of("/"), Duration.ofSeconds(60), false);
    }

    /** The launcher's environment on the tier's route (see {@link LauncherRoute}). */
    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>(LauncherRoute.env());
        env.put("JETCDCTL", LAUNCHER.toString());
        env.put("ENDPOINTS", ETCD.endpointsFlag());
        return env;
    }

    /** A process of the launcher's own, on the tier's route: signals go straight to it. */
    private static ProcessBuilder launcher(String... args) {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(LauncherRoute.env());
        return builder;
    }

    /** Through the resident jetcdctl, the commands below are the daemon's from the first. */
    @BeforeAll
    static void daemonUp() {
        if (LauncherRoute.throughDaemon()) {
            LauncherRoute.awaitDaemon(words -> bash("\"$JETCDCTL\" " + String.join(" ", words)));
        }
    }

    @Test
    void runsFromAnyDirectoryAndPassesTheExitCodeThrough() {
        ProcessResult version = bash("cd / && \"$JETCDCTL\" version");
        assertEquals(0, version.exitCode(), version.toString());
        assertTrue(version.stdoutText().endsWith("API version: 3.6\n"), version.toString()); // the default line
        ProcessResult bad = bash("\"$JETCDCTL\" --endpoints=$ENDPOINTS get");
        assertEquals(128, bad.exitCode(), bad.toString());
        assertEquals("Error: get command needs one argument as key and an optional argument as range_end\n",
                bad.stderrText());
    }

    @Test
    void keysAreBinarySafeOnTheCommandLine() {
        ProcessResult put = bash("\"$JETCDCTL\" --endpoints=$ENDPOINTS put $'bin\\x01\\xff' $'v\\xfe'");
        assertEquals("OK\n", put.stdoutText(), put.toString());
        ProcessResult get = ETCD.etcdctl().run("get", "bin", "--prefix", "--hex");
        assertEquals("\\x62\\x69\\x6e\\x01\\xff\n\\x76\\xfe\n", get.stdoutText(), get.toString());
    }

    @Test
    void aDeadEndpointEndsAtTheDialTimeoutWithEtcdctlsMessage() {
        long start = System.nanoTime();
        ProcessResult dead = bash("\"$JETCDCTL\" --endpoints=127.0.0.1:1 --dial-timeout=1s get foo");
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        assertEquals(1, dead.exitCode(), dead.toString());
        assertEquals("Error: context deadline exceeded\n", dead.stderrText());
        // A hang guard, not a benchmark: etcdctl itself takes the 5 s command timeout here.
        assertTrue(seconds < 20, "took " + seconds + " s");
    }

    @BeforeAll
    static void loadAHundredThousandKeys() throws Exception {
        load(100_000);
    }

    @Test
    void stopsPromptlyWhenThePipeClosesOnAHundredThousandKeys() {
        ProcessResult head = bash("set -o pipefail; \"$JETCDCTL\" --endpoints=$ENDPOINTS get \"\" --from-key --keys-only"
                + " | head -1; echo \"status ${PIPESTATUS[0]}\"");
        assertEquals("/registry/pods/ns0/pod-000000\nstatus 141\n", head.stdoutText(), head.toString());
        assertEquals("", head.stderrText());
    }

    /** Killed (SIGKILL) or stopped (SIGTERM) at random moments, a save never leaves a file at the target. */
    @Test
    void anInterruptedSaveNeverLeavesAFileAtTheTarget(@TempDir Path dir) throws Exception {
        Random random = new Random(42);
        for (int attempt = 0; attempt < 20; attempt++) {
            Path target = dir.resolve("backup-" + attempt + ".db");
            Process save = launcher("--endpoints=" + ETCD.endpointsFlag(), "snapshot", "save", target.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile())
                    .start();
            Thread.sleep(random.nextInt(1500));
            if (attempt % 2 == 0) {
                save.destroyForcibly();
            } else {
                save.destroy();
            }
            int code = save.waitFor();
            if (code == 0) {
                assertTrue(Files.size(target) > 0);
            } else {
                assertFalse(Files.exists(target), "attempt " + attempt + " exit " + code);
            }
            if (attempt % 2 == 1) {
                assertFalse(Files.exists(dir.resolve(target.getFileName() + ".part")), "SIGTERM cleans up");
            }
        }
    }

    /**
     * Killed (SIGKILL) or stopped (SIGTERM) while it copies (once its temporary file exists, plus a random moment),
     * {@code defrag --data-dir} leaves either the db as it was or the whole defragmented one, never a mix; after
     * SIGTERM no temporary file is left either (after SIGKILL one may be, named {@code db.tmp.N} as etcd's own,
     * which etcd removes when it starts).
     */
    @Test
    void anInterruptedDefragLeavesTheDbWhole(@TempDir Path dir) throws Exception {
        var member = ETCD.cluster().member(0);
        member.stop();
        Path pristine = dir.resolve("pristine");
        try {
            Files2.copyTree(member.dataDir(), pristine);
        } finally {
            member.start();
        }
        byte[] original = Files.readAllBytes(pristine.resolve("member/snap/db"));
        SnapshotStatus before = SnapshotStatusReader.read(pristine.resolve("member/snap/db"));
        Random random = new Random(7);
        for (int attempt = 0; attempt < 8; attempt++) {
            boolean term = attempt % 2 == 1;
            Path dataDir = dir.resolve("attempt-" + attempt);
            Files2.copyTree(pristine, dataDir);
            Path snap = dataDir.resolve("member/snap");
            Process defrag = launcher("defrag", "--data-dir", dataDir.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
            while (defrag.isAlive() && !hasTemporaryFile(snap)) {
                Thread.sleep(2);
            }
            Thread.sleep(random.nextInt(300));
            if (term) {
                defrag.destroy();
            } else {
                defrag.destroyForcibly();
            }
            int code = defrag.waitFor();
            Path db = snap.resolve("db");
            String what = "attempt " + attempt + (term ? " SIGTERM" : " SIGKILL") + " exit " + code;
            SnapshotStatus after = SnapshotStatusReader.read(db);
            assertEquals(List.of(before.hash(), before.revision(), before.totalKey()),
                    List.of(after.hash(), after.revision(), after.totalKey()), what);
            // either untouched, or the complete result (the signal came after the rename)
            assertTrue(Arrays.equals(original, Files.readAllBytes(db)) || code == 0 || Files.size(db) < original.length,
                    what);
            if (term) {
                assertFalse(hasTemporaryFile(snap), "SIGTERM cleans up, " + what);
            }
            Files2.deleteRecursively(dataDir);
        }
    }

    private static boolean hasTemporaryFile(Path snapDir) throws java.io.IOException {
        try (var files = Files.list(snapDir)) {
            return files.anyMatch(p -> p.getFileName().toString().startsWith("db.tmp."));
        }
    }

    /**
     * The first command that talks to etcd records a class archive (CDS, or an AOT cache on JDK 25+) without
     * printing anything of its own; the next run maps it (forced here, so an unusable archive fails the run).
     * Run with the JVM the launcher picks, and pinned to the JVM running this test.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theClassArchiveIsRecordedOnceSilentlyAndThenUsed(boolean pinTestJvm, @TempDir Path cache) throws Exception {
        // (the JVM's own archive, so a JVM per command by either route: a daemon for each JETCDCTL_JAVA_OPTS
        // below would only take the machine's CPU)
        String env = "XDG_CACHE_HOME=" + cache + " JETCDCTL_DAEMON=off ";
        if (pinTestJvm) {
            env += "JETCDCTL_JAVA=" + Path.of(System.getProperty("java.home"), "bin", "java") + " ";
        }
        ProcessResult first = bash(env + "\"$JETCDCTL\" --endpoints=$ENDPOINTS put launcher-archive v1");
        assertEquals("OK\n", first.stdoutText(), first.toString());
        assertEquals("", first.stderrText());
        Path dir = cache.resolve("jetcdctl/cds");
        Path archive = null;
        for (int i = 0; i < 600 && archive == null; i++) { // the AOT cache is assembled in the background
            try (var files = Files.list(dir)) {
                archive = files.filter(f -> f.toString().endsWith(".jsa") || f.toString().endsWith(".aot"))
                        .findFirst().orElse(null);
            }
            if (archive == null) {
                Thread.sleep(100);
            }
        }
        assertTrue(archive != null, "no archive in " + dir);
        String force = archive.toString().endsWith(".aot") ? "-XX:AOTMode=on" : "-Xshare:on";
        ProcessResult second = bash(env + "JETCDCTL_JAVA_OPTS=" + force
                + " \"$JETCDCTL\" --endpoints=$ENDPOINTS get launcher-archive");
        assertEquals("launcher-archive\nv1\n", second.stdoutText(), second.toString());
        assertEquals("", second.stderrText());
        // heap flags of the user's own turn the archive off (a JDK 25 cache would make the JVM refuse to start)
        ProcessResult heapFlags = bash(env + "JETCDCTL_JAVA_OPTS=-Xmn32m"
                + " \"$JETCDCTL\" --endpoints=$ENDPOINTS get launcher-archive");
        assertEquals("launcher-archive\nv1\n", heapFlags.stdoutText(), heapFlags.toString());
        assertEquals("", heapFlags.stderrText());
        Thread.sleep(500);
        try (var files = Files.list(dir)) {
            assertEquals(List.of(archive), files.toList(), "one archive, no temporary files left");
        }

        // The next recording clears what earlier ones left: a recording killed half-way (its temporary files),
        // an older build of the same jar, and an archive nothing has read for a month; a recent one stays.
        String name = archive.getFileName().toString();
        String group = name.replaceFirst("-[0-9]+-[0-9]+\\.(aot|jsa)$", "");
        FileTime longAgo = FileTime.from(Instant.now().minus(Duration.ofDays(40)));
        List<Path> stale = List.of(dir.resolve(name + ".4242.conf"), dir.resolve(name + ".4242"),
                dir.resolve(group + "-1-1" + name.substring(name.lastIndexOf('.'))), dir.resolve("moved-jar.aot"));
        for (Path file : stale) {
            Files.writeString(file, "stale");
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofMinutes(10))));
        }
        Files.setAttribute(dir.resolve("moved-jar.aot"), "lastAccessTime", longAgo);
        Path inUse = Files.writeString(dir.resolve("other-jar.aot"), "read yesterday");
        Files.setAttribute(inUse, "lastAccessTime", FileTime.from(Instant.now().minus(Duration.ofDays(1))));
        Files.delete(archive);
        ProcessResult again = bash(env + "\"$JETCDCTL\" --endpoints=$ENDPOINTS get launcher-archive");
        assertEquals("launcher-archive\nv1\n", again.stdoutText(), again.toString());
        assertEquals("", again.stderrText());
        for (int i = 0; i < 600 && !Files.exists(archive); i++) {
            Thread.sleep(100);
        }
        Thread.sleep(500);
        try (var files = Files.list(dir)) {
            assertEquals(List.of(archive, inUse).stream().sorted().toList(), files.sorted().toList());
        }
    }

    @Test
    void unknownOutputFormatIsExitCodeFour() {
        ProcessResult bogus = bash("\"$JETCDCTL\" --endpoints=$ENDPOINTS get foo -w bogus");
        assertEquals(4, bogus.exitCode());
        assertEquals("Error: unsupported output format\n", bogus.stderrText());
    }

    /** Kubernetes-shaped keys, written 100 per transaction. */
    private static void load(int keys) throws Exception {
        ConnectionSettings settings = new ConnectionSettings(ETCD.cluster().clientEndpoints(), Duration.ofSeconds(5),
                Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofSeconds(6), true, false, "", "", "", "",
                "");
        byte[] value = new byte[1024];
        try (EtcdConnection connection = ClientFactory.connect(settings)) {
            List<com.google.common.util.concurrent.ListenableFuture<?>> pending = new ArrayList<>();
            for (int i = 0; i < keys; i += 100) {
                TxnRequest.Builder txn = TxnRequest.newBuilder();
                for (int j = i; j < Math.min(keys, i + 100); j++) {
                    String key = String.format("/registry/pods/ns%d/pod-%06d", j % 10, j);
                    txn.addSuccess(RequestOp.newBuilder().setRequestPut(PutRequest.newBuilder()
                            .setKey(ByteString.copyFromUtf8(key)).setValue(ByteString.copyFrom(value))));
                }
                pending.add(connection.stub(KVGrpc::newFutureStub).txn(txn.build()));
                if (pending.size() >= 32) {
                    for (var f : pending) {
                        f.get();
                    }
                    pending.clear();
                }
            }
            for (var f : pending) {
                f.get();
            }
        }
        assertTrue(Files.exists(LAUNCHER));
    }

    /**
     * SIGTERM (as from systemd, kubelet or timeout(1)) ends check perf's load early: the keys are deleted and the
     * report printed, where etcdctl would die and leave them. The signal is sent once the bar is drawn, that is
     * once the load runs.
     */
    @Test
    void checkPerfDeletesItsKeysWhenTerminated() {
        // (the progress bar is on stdout up to 3.5, on stderr from 3.6, as etcdctl's)
        ProcessResult run = bash("out=$(mktemp); err=$(mktemp); \"$JETCDCTL\" --endpoints=$ENDPOINTS check perf"
                + " >\"$out\" 2>\"$err\" & pid=$!; "
                + "for i in $(seq 300); do grep -q ' / 60 ' \"$out\" \"$err\" && break; sleep 0.1; done; sleep 2; "
                + "kill -TERM $pid; wait $pid; echo \"exit $?\" >&2; cat \"$out\"; rm -f \"$out\" \"$err\"");
        String stdout = run.stdoutText();
        String report = stdout.startsWith("PASS") || stdout.startsWith("FAIL") ? stdout
                : stdout.substring(stdout.indexOf('\n') + 1);
        assertTrue(report.matches("(?s)(PASS: Throughput is|FAIL: Throughput too low:) \\d+ writes/s\n.*"), run.toString());
        assertTrue(report.endsWith("\nPASS\n") && run.stderrText().equals("exit 0\n")
                || report.endsWith("\nFAIL\n") && run.stderrText().equals("exit 1\n"), run.toString());
        ProcessResult keys = ETCD.etcdctl().run("get", "/etcdctl-check-perf/", "--prefix", "--keys-only");
        assertEquals("", keys.stdoutText(), "keys left behind: " + keys);
    }
}
