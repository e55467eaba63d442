package io.github.jetcdctl.cli.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.jetcdctl.snapshot.raft.WalEncoder;
import io.github.jetcdctl.testing.EtcdBinaries;
import io.github.jetcdctl.testing.EtcdCluster;
import io.github.jetcdctl.testing.Etcdctl;
import io.github.jetcdctl.testing.Etcdutl;
import io.github.jetcdctl.testing.Files2;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.ProcessResult;
import io.github.jetcdctl.testing.RestoredCluster;

/**
 * {@code migrate} side by side with etcdutl on data directories of real etcd 3.6, 3.7 and 3.4 members: the same log
 * lines (without bbolt's two "Opening db" lines and zap's stack traces, which we do not print), {@code Error:} lines
 * and exit codes; a result that etcdutl itself then finds up to date; and etcd of the target line booting from the
 * migrated directory with the same {@code hashkv} as before.
 */
class MigrateGoldenTest {
    static final Jetcdctl JETCDCTL = Jetcdctl.create();

    static EtcdBinaries v36;
    static EtcdBinaries v37;
    static Etcdutl etcdutl36;
    static Etcdutl etcdutl37;
    static Path pristine36;
    static Path pristine37;
    static Path pristine34;
    /** After {@code downgrade enable} to the previous line: cluster version and storage version lowered by etcd. */
    static Path downgraded36;
    static Path downgraded37;
    static String hashKv36;
    static String hashKv37;
    static ProcessResult whileRunning;
    static EtcdCluster running;

    @TempDir
    static Path shared;
    @TempDir
    Path dir;

    @BeforeAll
    static void makeDataDirectories() {
        v36 = EtcdBinaries.forTest(EtcdBinaries.V3_6);
        v37 = EtcdBinaries.forTest(EtcdBinaries.V3_7);
        etcdutl36 = Etcdutl.of(v36);
        etcdutl37 = Etcdutl.of(v37);
        running = EtcdCluster.builder().binaries(v36).start();
        hashKv36 = writeAndHash(running.member(0).etcdctl());
        whileRunning = JETCDCTL.run("migrate", "--data-dir", running.member(0).dataDir().toString(),
                "--target-version", "3.5");
        awaitStorageVersion(running.member(0), "3.6");
        pristine36 = stopAndCopy(running, "v36");
        downgraded36 = downgradeStopAndCopy(running, "3.5", "v36-downgraded");
        try (EtcdCluster cluster = EtcdCluster.builder().binaries(v37).start()) {
            hashKv37 = writeAndHash(cluster.member(0).etcdctl());
            awaitStorageVersion(cluster.member(0), "3.7");
            pristine37 = stopAndCopy(cluster, "v37");
            downgraded37 = downgradeStopAndCopy(cluster, "3.6", "v37-downgraded");
        }
        EtcdBinaries v34 = EtcdBinaries.forTest("3.4.23");
        try (EtcdCluster cluster = EtcdCluster.builder().binaries(v34).start()) {
            assertEquals(0, cluster.member(0).etcdctl().run("put", "/old", "v").exitCode());
            pristine34 = stopAndCopy(cluster, "v34");
        }
    }

    @AfterAll
    static void stopCluster() {
        if (running != null) {
            running.close();
        }
    }

    private static String writeAndHash(Etcdctl etcdctl) {
        for (String key : List.of("/a", "/b", "/c")) {
            assertEquals(0, etcdctl.run("put", key, "value of " + key).exitCode());
        }
        assertEquals(0, etcdctl.run("del", "/b").exitCode());
        ProcessResult hash = etcdctl.run("endpoint", "hashkv", "-w", "json");
        assertEquals(0, hash.exitCode(), hash.toString());
        return hashOnly(hash.stdoutText());
    }

    /** The hash and its revisions, without the header of whichever member answered. */
    private static String hashOnly(String endpointHashKvJson) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"hash\":\\d+,\"compact_revision\":-?\\d+")
                .matcher(endpointHashKvJson);
        assertTrue(m.find(), endpointHashKvJson);
        return m.group();
    }

    private static Path stopAndCopy(EtcdCluster cluster, String name) {
        cluster.member(0).stop();
        Path copy = shared.resolve(name);
        Files2.deleteRecursively(copy);
        Files2.copyTree(cluster.member(0).dataDir(), copy);
        return copy;
    }

    /**
     * An older etcd boots only from a member whose cluster version was lowered first ({@code downgrade enable});
     * etcd then lowers the storage version itself, which is awaited here before the member stops.
     */
    private static Path downgradeStopAndCopy(EtcdCluster cluster, String target, String name) {
        EtcdCluster.Member member = cluster.member(0);
        member.start();
        ProcessResult enabled = member.etcdctl().run("downgrade", "enable", target);
        assertEquals(0, enabled.exitCode(), enabled.toString());
        awaitStorageVersion(member, target);
        return stopAndCopy(cluster, name);
    }

    /**
     * A member writes its storage version a moment after it starts (and after a downgrade lowers the cluster
     * version); a member stopped before that has none in its db, which tools then take for 3.5.
     */
    private static void awaitStorageVersion(EtcdCluster.Member member, String version) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        ProcessResult status;
        do {
            status = member.etcdctl().run("endpoint", "status", "-w", "json");
        } while (!status.stdoutText().contains("\"storageVersion\":\"" + version + ".0\"")
                && System.nanoTime() < deadline && pause());
        assertTrue(status.stdoutText().contains("\"storageVersion\":\"" + version + ".0\""), status.toString());
    }

    private static boolean pause() {
        try {
            Thread.sleep(200);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Path copyOf(Path pristine, String name) {
        Path copy = dir.resolve(name);
        Files2.copyTree(pristine, copy);
        return copy;
    }

    /** stderr without timestamps, bbolt's open lines and zap's stack traces, the data dir named DIR. */
    private static String logShape(ProcessResult r, Path dataDir) {
        return r.stderrText().lines()
                .filter(line -> !line.contains("\tbbolt\t") && !line.startsWith("\t") && !line.startsWith("go.")
                        && !line.startsWith("github.com/") && !line.startsWith("main.")
                        && !line.startsWith("runtime."))
                .map(line -> line.replaceFirst("^\\d{4}-\\d\\d-\\d\\dT[^\\t]+\\t", "TIME\t"))
                .map(line -> line.replace(dataDir.toString(), "DIR"))
                .collect(Collectors.joining("\n"));
    }

    private static void assertSameAsEtcdutl(Etcdutl etcdutl, Path pristine, String... args) {
        assertSameAsEtcdutl(etcdutl, pristine, List.of(args));
    }

    private static ProcessResult assertSameAsEtcdutl(Etcdutl etcdutl, Path theirs, Path ours, List<String> args) {
        ProcessResult expected = etcdutl.run(withDataDir(args, theirs));
        ProcessResult actual = JETCDCTL.run(withDataDir(args, ours).toArray(String[]::new));
        assertEquals(expected.exitCode(), actual.exitCode(), expected + "\n" + actual);
        assertEquals(expected.stdoutText(), actual.stdoutText());
        String expectedLog = logShape(expected, theirs);
        String actualLog = logShape(actual, ours);
        if (etcdutl == etcdutl37) {
            // we print etcdutl 3.6.17's callers; 3.7.4's lines in migrate_command.go are one lower
            expectedLog = expectedLog.replaceAll("etcdutl/migrate_command\\.go:\\d+", "etcdutl/migrate_command.go:N");
            actualLog = actualLog.replaceAll("etcdutl/migrate_command\\.go:\\d+", "etcdutl/migrate_command.go:N");
        }
        assertEquals(expectedLog, actualLog, args.toString());
        return actual;
    }

    private static void assertSameAsEtcdutl(Etcdutl etcdutl, Path pristine, List<String> args) {
        Path base = shared.resolve("run-" + System.nanoTime());
        try {
            Files.createDirectories(base);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Path theirs = base.resolve("theirs");
        Path ours = base.resolve("ours");
        Files2.copyTree(pristine, theirs);
        Files2.copyTree(pristine, ours);
        assertSameAsEtcdutl(etcdutl, theirs, ours, args);
    }

    private static List<String> withDataDir(List<String> args, Path dataDir) {
        return args.stream().map(a -> a.equals("DIR") ? dataDir.toString() : a).toList();
    }

    private static void assertUpToDate(Etcdutl etcdutl, Path dataDir, String version) {
        ProcessResult r = etcdutl.run("migrate", "--data-dir", dataDir.toString(), "--target-version", version);
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.stderrText().contains("storage version up-to-date\t{\"storage-version\": \"" + version + "\"}"),
                r.toString());
    }

    /** Boots etcd of {@code binaries} on a copy of {@code dataDir} and returns its hashkv. */
    private String bootAndHash(EtcdBinaries binaries, Path dataDir) {
        Path copy = copyOf(dataDir, "boot-" + binaries.version());
        List<RestoredCluster.Seat> seats = RestoredCluster.seats("default");
        try (RestoredCluster booted = RestoredCluster.boot(binaries, seats, List.of(copy), "migrated")) {
            ProcessResult hash = booted.etcdctl().run("endpoint", "hashkv", "-w", "json");
            assertEquals(0, hash.exitCode(), hash.toString());
            return hashOnly(hash.stdoutText());
        }
    }

    @Test
    void downgrades36To35AndBackAsEtcdutlDoes() {
        Path theirs = copyOf(pristine36, "theirs");
        Path ours = copyOf(pristine36, "ours");
        List<String> to35 = List.of("migrate", "--data-dir", "DIR", "--target-version", "3.5");
        List<String> to36 = List.of("migrate", "--data-dir", "DIR", "--target-version", "3.6");
        assertSameAsEtcdutl(etcdutl36, theirs, ours, to35);
        assertUpToDate(etcdutl36, ours, "3.5");
        assertEquals(etcdutl36.run("hashkv", theirs.resolve("member/snap/db").toString()),
                etcdutl36.run("hashkv", ours.resolve("member/snap/db").toString()));
        // a second run finds nothing to do; then back to 3.6, twice
        assertSameAsEtcdutl(etcdutl36, theirs, ours, to35);
        assertSameAsEtcdutl(etcdutl36, theirs, ours, to36);
        assertUpToDate(etcdutl36, ours, "3.6");
        assertSameAsEtcdutl(etcdutl36, theirs, ours, to36);
        // up to 3.7 and down two lines at once, as etcdutl 3.7 does
        assertSameAsEtcdutl(etcdutl37, theirs, ours, List.of("migrate", "--data-dir", "DIR", "--target-version",
                "3.7"));
        assertUpToDate(etcdutl37, ours, "3.7");
        assertSameAsEtcdutl(etcdutl37, theirs, ours, to35);
        assertUpToDate(etcdutl37, ours, "3.5");
    }

    @Test
    void etcd35BootsFromADowngraded36MemberWeMigrated() {
        Path theirs = copyOf(downgraded36, "theirs");
        Path ours = copyOf(downgraded36, "ours");
        // etcd wrote storageVersion 3.5.0; up to 3.6 and down again, where 3.5 has no storage version at all
        assertSameAsEtcdutl(etcdutl36, theirs, ours, List.of("migrate", "--data-dir", "DIR", "--target-version",
                "3.6"));
        assertSameAsEtcdutl(etcdutl36, theirs, ours, List.of("migrate", "--data-dir", "DIR", "--target-version",
                "3.5"));
        assertUpToDate(etcdutl36, ours, "3.5");
        assertEquals(hashKv36, bootAndHash(EtcdBinaries.forTest(EtcdBinaries.V3_5), ours));
    }

    @Test
    void etcd36BootsFromADowngraded37MemberWeMigrated() {
        Path theirs = copyOf(downgraded37, "theirs");
        Path ours = copyOf(downgraded37, "ours");
        assertSameAsEtcdutl(etcdutl37, theirs, ours, List.of("migrate", "--data-dir", "DIR", "--target-version",
                "3.7"));
        assertUpToDate(etcdutl37, ours, "3.7");
        assertSameAsEtcdutl(etcdutl37, theirs, ours, List.of("migrate", "--data-dir", "DIR", "--target-version",
                "3.6"));
        assertUpToDate(etcdutl36, ours, "3.6");
        assertEquals(hashKv37, bootAndHash(v36, ours));
    }

    @Test
    void downgrades37To36AsEtcdutl37Does() {
        assertSameAsEtcdutl(etcdutl37, pristine37, "migrate", "--data-dir", "DIR", "--target-version", "3.6");
        assertSameAsEtcdutl(etcdutl37, pristine37, "migrate", "--data-dir", "DIR", "--target-version", "3.5");
    }

    @Test
    void refusesWhatEtcdutlRefusesWithItsTextAndExitCode() {
        // a 3.4 db has neither a storage version nor a term
        assertSameAsEtcdutl(etcdutl36, pristine34, "migrate", "--data-dir", "DIR", "--target-version", "3.6");
        // no plan: another major version (with and without --force), a version etcd 3.7 does not know
        assertSameAsEtcdutl(etcdutl36, pristine36, "migrate", "--data-dir", "DIR", "--target-version", "4.0");
        assertSameAsEtcdutl(etcdutl36, pristine36, "migrate", "--data-dir", "DIR", "--target-version", "4.0",
                "--force");
        assertSameAsEtcdutl(etcdutl37, pristine36, "migrate", "--data-dir", "DIR", "--target-version", "3.8");
        assertSameAsEtcdutl(etcdutl37, pristine36, "migrate", "--data-dir", "DIR", "--target-version", "3.8",
                "--force");
        // bad target versions (exit 128) and a missing db
        for (String target : List.of("3", "3.4", "2.9", "x.y", "3.6-rc", "3.5.1", "v3.5", "3.",
                "3.99999999999999999999")) {
            assertSameAsEtcdutl(etcdutl36, pristine36, "migrate", "--data-dir", "DIR", "--target-version", target);
        }
        ProcessResult missing = etcdutl36.run("migrate", "--data-dir", dir.resolve("none").toString(),
                "--target-version", "3.5");
        assertEquals(missing, JETCDCTL.run("migrate", "--data-dir", dir.resolve("none").toString(),
                "--target-version", "3.5"));
        // flags missing: cobra's text, then etcdutl's usage where we print a --help hint
        for (List<String> args : List.of(List.of("migrate"), List.of("migrate", "--data-dir", "x"),
                List.of("migrate", "--target-version", "3.5"))) {
            ProcessResult expected = etcdutl36.run(args);
            ProcessResult actual = JETCDCTL.run(args.toArray(String[]::new));
            assertEquals(expected.exitCode(), actual.exitCode(), args.toString());
            assertEquals(expected.stderrText().lines().findFirst(), actual.stderrText().lines().findFirst());
        }
    }

    @Test
    void needsAReadableWalToChangeAnything() throws Exception {
        Path theirs = copyOf(pristine36, "theirs");
        Path ours = copyOf(pristine36, "ours");
        Files2.deleteRecursively(theirs.resolve("member/wal"));
        Files2.deleteRecursively(ours.resolve("member/wal"));
        List<String> args = List.of("migrate", "--data-dir", "DIR", "--target-version", "3.5");
        assertSameAsEtcdutl(etcdutl36, theirs, ours, args);
        Files.createDirectory(theirs.resolve("member/wal"));
        Files.createDirectory(ours.resolve("member/wal"));
        assertSameAsEtcdutl(etcdutl36, theirs, ours, args);
        // nothing to change: the WAL is not looked at
        assertSameAsEtcdutl(etcdutl36, theirs, ours, List.of("migrate", "--data-dir", "DIR", "--target-version",
                "3.6"));
    }

    /**
     * etcd refuses a downgrade when WAL entries since the last snapshot need a newer etcd; the only such entry a raft
     * log can hold is etcd's test-only {@code downgrade_version_test} request, so the WAL here is written by hand.
     */
    @Test
    void refusesADowngradeTheWalForbidsUnlessForced() throws Exception {
        // the fourth WAL has a snapshot record after the entry: only entries after the last snapshot count
        for (String[] c : new String[][] {{"3.6.0", "3.5", ""}, {"3.7.0", "3.6", ""}, {"3.6.0", "3.6", ""},
                {"3.7.0", "3.5", "snapshot after"}}) {
            Path theirs = copyOf(pristine37, "theirs-" + c[0] + "-" + c[1]);
            Path ours = copyOf(pristine37, "ours-" + c[0] + "-" + c[1]);
            for (Path dataDir : List.of(theirs, ours)) {
                Path wal = dataDir.resolve("member/wal");
                Files2.deleteRecursively(wal);
                Files.createDirectories(wal);
                Files.write(wal.resolve("0000000000000000-0000000000000000.wal"),
                        walWithDowngradeTest(c[0], !c[2].isEmpty()));
            }
            List<String> args = List.of("migrate", "--data-dir", "DIR", "--target-version", c[1]);
            ProcessResult refused = assertSameAsEtcdutl(etcdutl37, theirs, ours, args);
            boolean newer = !c[0].startsWith(c[1]) && c[2].isEmpty();
            assertEquals(newer, refused.stderrText().contains("Error: cannot downgrade storage, WAL contains newer "
                    + "entries, as the target version (" + c[1] + ".0) is lower than the version (" + c[0]
                    + ") detected from WAL logs\n"), refused.toString());
            List<String> forced = List.of("migrate", "--data-dir", "DIR", "--target-version", c[1], "--force");
            assertSameAsEtcdutl(etcdutl37, theirs, ours, forced);
            assertUpToDate(etcdutl37, ours, c[1]);
        }
    }

    /** A WAL from index 0 with one normal entry: {@code InternalRaftRequest{downgrade_version_test{ver}}}. */
    private static byte[] walWithDowngradeTest(String ver, boolean snapshotAfter) {
        byte[] v = ver.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        java.io.ByteArrayOutputStream request = new java.io.ByteArrayOutputStream();
        request.writeBytes(new byte[] {0x0A, 0x02, 0x08, 0x07}); // header {ID: 7}
        long tag = 9900L << 3 | 2;
        while (tag >= 0x80) {
            request.write((int) (tag & 0x7F) | 0x80);
            tag >>>= 7;
        }
        request.write((int) tag);
        request.write(v.length + 2);
        request.write(0x0A);
        request.write(v.length);
        request.writeBytes(v);
        WalEncoder wal = new WalEncoder().crcRecord().metadata(1, 2).snapshot(0, 0, null)
                .entry(0, 2, 1, request.toByteArray()).hardState(2, 1, 1);
        if (snapshotAfter) {
            wal.snapshot(1, 2, null);
        }
        return wal.toByteArray();
    }

    @Test
    void refusedTheDataDirectoryOfTheRunningMember() {
        assertEquals(1, whileRunning.exitCode(), whileRunning.toString());
        assertTrue(whileRunning.stderrText().matches(
                "Error: process \\d+ \\(etcd\\) holds a lock on .*member/snap/db: stop it first\n"),
                whileRunning.toString());
    }
}
