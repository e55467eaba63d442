package io.github.jetcdctl.cli.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.github.jetcdctl.backup.BackupExitCodes;
import io.github.jetcdctl.backup.BackupLock;
import io.github.jetcdctl.backup.BackupName;
import io.github.jetcdctl.snapshot.SnapshotStatusReader;
import io.github.jetcdctl.snapshot.TestFiles;
import io.github.jetcdctl.testing.EtcdBinaries;
import io.github.jetcdctl.testing.EtcdCluster;
import io.github.jetcdctl.testing.EtcdClusterExtension;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.ProcessResult;
import io.github.jetcdctl.testing.RestoredCluster;

/** backup and backup list against a real three-member cluster, a fake member whose stream fails, and restores. */
class BackupCommandTest {
    @RegisterExtension
    static final EtcdClusterExtension ETCD = EtcdClusterExtension.threeMembers();

    static final Jetcdctl JETCDCTL = Jetcdctl.create();

    @TempDir
    Path dir;

    private static EtcdCluster cluster() {
        return ETCD.cluster();
    }

    private ProcessResult backup(String... extra) {
        List<String> args = new ArrayList<>(List.of("--endpoints=" + ETCD.endpointsFlag(), "backup",
                dir.toString(), "--min-free=0"));
        args.addAll(List.of(extra));
        return JETCDCTL.run(args, null);
    }

    @Test
    void withOneMemberDownTheNextEndpointGivesTheBackup() throws IOException {
        ETCD.etcdctl().run("put", "down/k", "v");
        EtcdCluster.Member first = cluster().member(0);
        first.stop();
        try {
            ProcessResult result = backup();
            assertEquals(0, result.exitCode(), result.toString());
            assertEquals("", result.stderrText());
            String json = result.stdoutText();
            assertEquals(1, json.lines().count(), json);
            assertEquals(cluster().member(1).clientEndpoint(), text(json, "endpoint"));
            assertTrue(json.contains("\"failedEndpoints\":[{\"endpoint\":\"" + first.clientEndpoint()
                    + "\",\"error\":\""), json);
            Path file = Path.of(text(json, "file"));
            BackupName name = BackupName.parse("etcd", file.getFileName().toString()).orElseThrow();
            assertEquals(number(json, "revision"), name.revision());
            assertEquals(number(json, "revision"), SnapshotStatusReader.read(file).revision());
            assertEquals(Files.size(file), number(json, "size"));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            assertEquals(List.of(BackupLock.FILE_NAME, file.getFileName().toString()), listing(dir));
        } finally {
            first.start();
        }
    }

    @Test
    void withClusterEveryMembersUrlIsTried() {
        ProcessResult result = JETCDCTL.run(List.of("--endpoints=" + cluster().member(2).clientEndpoint(),
                "backup", dir.toString(), "--cluster", "--min-free=0", "-w", "table"), null);
        assertEquals(0, result.exitCode(), result.toString());
        // --endpoints had no scheme: a URL in the report came from the member list
        assertTrue(cluster().clientUrls().stream().anyMatch(url -> result.stdoutText().contains("| " + url + " |")),
                result.toString());
    }

    @Test
    void tenRunsKeepingThreeLeaveTheThreeNewestAndNothingElseTouched() throws Exception {
        ProcessResult first = backup();
        assertEquals(0, first.exitCode(), first.toString());
        String cluster = text(first.stdoutText(), "clusterId");
        long otherRevision = SnapshotStatusReader.read(TestFiles.snapshot("A.db")).revision();
        Map<String, byte[]> unrelated = new LinkedHashMap<>();
        unrelated.put("notes.txt", "keep me".getBytes());
        unrelated.put("etcd-" + cluster + "-20200101T000000Z-rev1.db.bak", new byte[] {1});
        unrelated.put("etcd-" + cluster + "-20200101T000000Z-rev1.db.part", new byte[] {2});
        unrelated.put("etcd-" + cluster.toUpperCase() + "-20200101T000000Z-rev1.db", new byte[] {3});
        unrelated.put("etcdx-" + cluster + "-20200101T000000Z-rev1.db", new byte[] {4});
        unrelated.put("etcd-" + cluster + "-20200101T000000-rev1.db", new byte[] {5});
        unrelated.put(".etcd.tmp-notarunid.db.part", new byte[] {6});
        unrelated.put("backup-" + cluster + "-20200101T000000Z-rev1.db", new byte[] {7});
        // a backup of another cluster, in our exact pattern: retention counts per cluster and leaves it
        unrelated.put("etcd-00000000000000aa-20200101T000000Z-rev" + otherRevision + ".db",
                TestFiles.bytes("A.db"));
        Map<String, FileTime> mtimes = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : unrelated.entrySet()) {
            Path p = Files.write(dir.resolve(e.getKey()), e.getValue());
            Files.setLastModifiedTime(p, FileTime.fromMillis(1_600_000_000_000L));
            mtimes.put(e.getKey(), Files.getLastModifiedTime(p));
        }
        Path lookalikeDir = Files.createDirectory(dir.resolve("etcd-" + cluster + "-20200101T000000Z-rev1.db"));

        List<Long> revisions = new ArrayList<>();
        for (int run = 0; run < 10; run++) {
            ETCD.etcdctl().run("put", "keep/k", Integer.toString(run));
            ProcessResult result = backup("--keep", "3");
            assertEquals(0, result.exitCode(), result.toString());
            revisions.add(number(result.stdoutText(), "revision"));
            if (run >= 2) {
                assertTrue(result.stdoutText().contains("\"removed\":[\"" + dir), result.stdoutText());
            }
        }

        List<String> ours = listing(dir).stream().filter(n -> n.startsWith("etcd-" + cluster + "-"))
                .filter(n -> BackupName.parse("etcd", n).isPresent()).filter(n -> !Files.isDirectory(dir.resolve(n)))
                .collect(Collectors.toList());
        assertEquals(revisions.subList(7, 10), ours.stream()
                .map(n -> BackupName.parse("etcd", n).orElseThrow().revision()).sorted().collect(Collectors.toList()));
        for (Map.Entry<String, byte[]> e : unrelated.entrySet()) {
            Path p = dir.resolve(e.getKey());
            assertTrue(Files.exists(p), e.getKey() + " was removed");
            assertEquals(-1L, Files.mismatch(p, writeTemp(e.getValue())), e.getKey() + " was changed");
            assertEquals(mtimes.get(e.getKey()), Files.getLastModifiedTime(p), e.getKey() + " was touched");
        }
        assertTrue(Files.isDirectory(lookalikeDir));
        assertEquals(unrelated.size() + 1 + 1 + 3, listing(dir).size(), listing(dir).toString());

        ProcessResult list = JETCDCTL.run("backup", "list", dir.toString());
        assertEquals(0, list.exitCode(), list.toString());
        assertEquals(4, count(list.stdoutText(), "\"verified\":true"), list.stdoutText());
        assertEquals(0, count(list.stdoutText(), "\"verified\":false"), list.stdoutText());
    }

    @Test
    void listReportsACorruptedNewestBackup() throws IOException {
        assertEquals(0, backup().exitCode());
        ETCD.etcdctl().run("put", "corrupt/k", "v");
        ProcessResult newest = backup("--compress", "zstd");
        assertEquals(0, newest.exitCode(), newest.toString());
        Path file = Path.of(text(newest.stdoutText(), "file"));
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(file, bytes);

        ProcessResult json = JETCDCTL.run("backup", "list", dir.toString());
        assertEquals(BackupExitCodes.VERIFY_FAILED, json.exitCode(), json.toString());
        assertEquals("Error: 1 of 2 backups in " + dir + " do not verify\n", json.stderrText());
        List<String> entries = json.stdoutText().lines().flatMap(l -> Stream.of(l.split("\\},\\{")))
                .collect(Collectors.toList());
        assertEquals(2, entries.size(), json.stdoutText());
        assertTrue(entries.get(0).contains(file.toString()) && entries.get(0).contains("\"verified\":false")
                && entries.get(0).contains("\"error\":"), entries.get(0));
        assertTrue(entries.get(1).contains("\"verified\":true"), entries.get(1));

        ProcessResult table = JETCDCTL.run("backup", "list", dir.toString(), "-w", "table");
        assertEquals(BackupExitCodes.VERIFY_FAILED, table.exitCode(), table.toString());
        List<String> rows = table.stdoutText().lines().filter(l -> l.contains(" etcd-"))
                .collect(Collectors.toList());
        assertEquals(2, rows.size(), table.stdoutText());
        assertTrue(rows.get(0).contains(file.getFileName().toString()) && rows.get(0).endsWith("|       no |"),
                table.stdoutText());
        assertTrue(rows.get(1).endsWith("|      yes |"), table.stdoutText());
    }

    @Test
    void aStreamThatBreaksOffLeavesNothingAndTheNextEndpointIsTried() throws Exception {
        try (FaultySnapshotServer faulty = FaultySnapshotServer.start(FaultySnapshotServer.Fault.BREAK_OFF)) {
            ProcessResult alone = JETCDCTL.run("--endpoints=" + faulty.endpoint(), "backup", dir.toString(),
                    "--min-free=0");
            assertEquals(BackupExitCodes.NO_ENDPOINT, alone.exitCode(), alone.toString());
            assertEquals("", alone.stdoutText());
            assertEquals("Error: no endpoint gave a snapshot (tried 1): " + faulty.endpoint()
                    + ": member went away\n", alone.stderrText());
            assertEquals(List.of(BackupLock.FILE_NAME), listing(dir));

            ProcessResult failover = JETCDCTL.run("--endpoints=" + faulty.endpoint() + ","
                    + cluster().member(1).clientEndpoint(), "backup", dir.toString(), "--min-free=0");
            assertEquals(0, failover.exitCode(), failover.toString());
            assertEquals(cluster().member(1).clientEndpoint(), text(failover.stdoutText(), "endpoint"));
            assertEquals(List.of(BackupLock.FILE_NAME, Path.of(text(failover.stdoutText(), "file")).getFileName()
                    .toString()), listing(dir));
        }
    }

    @Test
    void aKilledRunLeavesNoBackupAndItsTemporaryIsRemovedByTheNextRun() throws Exception {
        try (FaultySnapshotServer stalling = FaultySnapshotServer.start(FaultySnapshotServer.Fault.STALL)) {
            // SIGTERM: the shutdown hook removes the partial file at once
            Process terminated = blackBox("--endpoints=" + stalling.endpoint(), "backup", dir.toString(),
                    "--min-free=0");
            awaitPartialFile();
            terminated.destroy();
            assertTrue(terminated.waitFor(30, TimeUnit.SECONDS));
            assertEquals(List.of(BackupLock.FILE_NAME), listing(dir));

            // SIGKILL: the partial file stays, hidden and never under a backup's name, until the next run
            Process killed = blackBox("--endpoints=" + stalling.endpoint(), "backup", dir.toString(),
                    "--min-free=0");
            Path partial = awaitPartialFile();
            killed.destroyForcibly();
            assertTrue(killed.waitFor(30, TimeUnit.SECONDS));
            assertTrue(Files.exists(partial));
            assertTrue(listing(dir).stream().noneMatch(n -> BackupName.parse("etcd", n).isPresent()));

            ProcessResult next = backup();
            assertEquals(0, next.exitCode(), next.toString());
            assertFalse(Files.exists(partial));
            assertEquals(2, listing(dir).size(), listing(dir).toString());
        }
    }

    @Test
    void aSecondRunWhileTheLockIsHeldWritesNothing() throws Exception {
        try (BackupLock held = BackupLock.tryAcquire(dir).orElseThrow()) {
            ProcessResult sameProcess = backup();
            assertEquals(BackupExitCodes.LOCKED, sameProcess.exitCode(), sameProcess.toString());
            assertEquals("Error: another backup is running in " + dir + " (lock " + dir.resolve(BackupLock.FILE_NAME)
                    + " held by pid " + ProcessHandle.current().pid() + "); not starting a second one\n",
                    sameProcess.stderrText());
            Process other = blackBox("--endpoints=" + ETCD.endpointsFlag(), "backup", dir.toString(),
                    "--min-free=0");
            assertTrue(other.waitFor(60, TimeUnit.SECONDS));
            assertEquals(BackupExitCodes.LOCKED, other.exitValue(), new String(other.getErrorStream().readAllBytes()));
            assertEquals(List.of(BackupLock.FILE_NAME), listing(dir));
        }
        assertEquals(0, backup().exitCode());
    }

    @Test
    void refusesToStartBelowMinFree() throws IOException {
        ProcessResult result = JETCDCTL.run("--endpoints=" + ETCD.endpointsFlag(), "backup", dir.toString(),
                "--min-free", "1000TiB");
        assertEquals(BackupExitCodes.LOW_DISK_SPACE, result.exitCode(), result.toString());
        assertTrue(result.stderrText().startsWith("Error: only ") && result.stderrText().contains(
                "below --min-free 1.1 PB"), result.stderrText());
        assertEquals(List.of(BackupLock.FILE_NAME), listing(dir));
    }

    @Test
    void usageAndDirectoryErrorsHaveTheirOwnCodes() {
        ProcessResult missing = JETCDCTL.run("backup", dir.resolve("nope").toString());
        assertEquals(BackupExitCodes.BAD_DIRECTORY, missing.exitCode(), missing.toString());
        assertEquals("Error: " + dir.resolve("nope") + " does not exist\n", missing.stderrText());
        ProcessResult noDir = JETCDCTL.run("backup");
        assertEquals(BackupExitCodes.USAGE, noDir.exitCode(), noDir.toString());
        ProcessResult badPrefix = JETCDCTL.run("backup", dir.toString(), "--prefix", "../x");
        assertEquals(BackupExitCodes.USAGE, badPrefix.exitCode(), badPrefix.toString());
        ProcessResult badFormat = JETCDCTL.run("backup", dir.toString(), "-w", "simple");
        assertEquals(BackupExitCodes.USAGE, badFormat.exitCode(), badFormat.toString());
        ProcessResult help = JETCDCTL.run("backup", "--help");
        assertEquals(0, help.exitCode());
        // the exit codes close the description, each line indented two more than the line's layout indents the
        // description: a tab in 3.5's template, two spaces in 3.6's, none in 3.7's cobra help
        Matcher description = Pattern.compile("(?m)^([ \t]*)The snapshot comes from").matcher(help.stdoutText());
        assertTrue(description.find(), help.toString());
        String indent = description.group(1);
        String line = EtcdBinaries.lineOf(EtcdBinaries.DEFAULT_VERSION);
        assertEquals(Map.of("3.5", "\t", "3.6", "  ", "3.7", "").get(line), indent, help.toString());
        for (int code : new int[] {0, 1, 10, 11, 12, 13, 14, 15, 16}) {
            assertTrue(help.stdoutText().contains("\n" + indent + "  " + code + " "), "exit code " + code + " in\n"
                    + help);
        }
    }

    @Test
    void compressedBackupsRestoreIntoAClusterThatBootsWithTheSameKeys() throws IOException {
        for (int i = 0; i < 20; i++) {
            ETCD.etcdctl().run("put", "restore/k" + i, "value-" + i);
        }
        for (String compression : List.of("zstd", "gzip")) {
            ProcessResult result = backup("--compress", compression);
            assertEquals(0, result.exitCode(), result.toString());
            String json = result.stdoutText();
            Path file = Path.of(text(json, "file"));
            assertTrue(file.toString().endsWith(compression.equals("zstd") ? ".db.zst" : ".db.gz"), file.toString());
            ProcessResult status = JETCDCTL.run("snapshot", "status", file.toString(), "-w", "json");
            assertEquals(0, status.exitCode(), status.toString());
            assertEquals(number(json, "revision"), number(status.stdoutText(), "revision"));
            assertEquals(number(json, "hash"), number(status.stdoutText(), "hash"));
            String expectedKeys = ETCD.etcdctl().run("get", "", "--prefix").stdoutText();

            List<RestoredCluster.Seat> seats = RestoredCluster.seats("r1");
            Path data = dir.resolve("restored-" + compression);
            ProcessResult restore = JETCDCTL.run("snapshot", "restore", file.toString(), "--name", "r1",
                    "--initial-cluster", RestoredCluster.initialCluster(seats), "--initial-advertise-peer-urls",
                    seats.get(0).peerUrl(), "--data-dir", data.toString());
            assertEquals(0, restore.exitCode(), restore.toString());
            try (Stream<Path> leftovers = Files.list(dir)) {
                assertFalse(leftovers.anyMatch(p -> p.getFileName().toString().contains(".restore-")));
            }
            try (RestoredCluster restored = RestoredCluster.boot(cluster().binaries(), seats, List.of(data),
                    "backup-" + compression)) {
                assertEquals(expectedKeys, restored.etcdctl().run("get", "", "--prefix").stdoutText());
            }
        }
    }

    // ------------------------------------------------------------------------------ helpers

    private Process blackBox(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "io.github.jetcdctl.Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("ETCDCTL_"));
        return pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** The .part file of a run that is receiving its snapshot. */
    private Path awaitPartialFile() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Optional<String> part = listing(dir).stream().filter(n -> n.startsWith(".etcd.tmp-")
                    && n.endsWith(".db.part")).findFirst();
            if (part.isPresent() && Files.size(dir.resolve(part.get())) > 0) {
                return dir.resolve(part.get());
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no partial file appeared in " + listing(dir));
    }

    private static List<String> listing(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path writeTemp(byte[] content) throws IOException {
        Path p = Files.createTempFile("expected-", ".bin");
        p.toFile().deleteOnExit();
        return Files.write(p, content);
    }

    private static String text(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":\"([^\"]*)\"").matcher(json);
        assertTrue(m.find(), field + " in " + json);
        return m.group(1);
    }

    private static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
        assertTrue(m.find(), field + " in " + json);
        return Long.parseLong(m.group(1));
    }

    private static int count(String text, String needle) {
        return text.split(Pattern.quote(needle), -1).length - 1;
    }
}
