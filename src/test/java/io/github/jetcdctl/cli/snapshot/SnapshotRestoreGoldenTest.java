package io.github.jetcdctl.cli.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.jetcdctl.snapshot.TestFiles;
import io.github.jetcdctl.testing.EtcdBinaries;
import io.github.jetcdctl.testing.Etcdutl;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.ProcessResult;
import io.github.jetcdctl.testing.RestoredCluster;
import io.github.jetcdctl.testing.SideBySide;

/**
 * snapshot status and restore side by side with the etcdutl of the line under test: every format, the same log
 * lines (but bbolt's own, which etcdutl 3.6 and later add), and clusters booted from both restores agree on members,
 * cluster ID, keys and hashes. The WAL and .snap bytes are etcdutl 3.5.16's on every line (README, "Deliberate
 * differences").
 */
class SnapshotRestoreGoldenTest {
    static final EtcdBinaries BINARIES = EtcdBinaries.find();
    static final Etcdutl ETCDUTL = Etcdutl.of(BINARIES);
    /** The etcdutl whose WAL and .snap bytes jetcdctl writes on every line. */
    static final Etcdutl ETCDUTL_3_5 = Etcdutl.of(EtcdBinaries.find(EtcdBinaries.V3_5));
    static final Jetcdctl JETCDCTL = Jetcdctl.create();

    @TempDir
    Path dir;

    @Test
    void statusMatchesEtcdutlInEveryFormatAndOnDamagedFiles() throws IOException {
        Path truncated = dir.resolve("truncated.db");
        Files.write(truncated, java.util.Arrays.copyOf(TestFiles.bytes("B.db"), 5000));
        // bbolt reads part of a meta page at 1 KiB, so a file past 2 KiB is "too small", not "invalid"
        Path short3000 = dir.resolve("short.db");
        Files.write(short3000, java.util.Arrays.copyOf(TestFiles.bytes("B.db"), 3000));
        Path random = dir.resolve("random.db");
        Files.write(random, new java.util.Random(7).ints(4096, 0, 256).collect(
                java.io.ByteArrayOutputStream::new, (o, b) -> o.write(b), (a, b) -> { }).toByteArray());
        List<String> files = List.of(TestFiles.snapshot("A.db").toString(), TestFiles.snapshot("B.db").toString(),
                TestFiles.snapshot("C.db").toString(), truncated.toString(), short3000.toString(), random.toString(),
                dir.resolve("missing.db").toString(), Files.createDirectories(dir.resolve("a-dir")).toString());
        for (String file : files) {
            for (String format : List.of("simple", "json", "fields", "table", "protobuf", "bogus")) {
                List<String> args = List.of("snapshot", "status", file, "-w", format);
                SideBySide.assertSameResult(ETCDUTL.run(args), JETCDCTL.run(args, null), String.join(" ", args));
            }
        }
        SideBySide.assertSameResult(ETCDUTL.run("snapshot", "status"), JETCDCTL.run("snapshot", "status"), "no args");
    }

    @Test
    void restoreWritesEtcdutlsFilesAndLogLines() throws IOException {
        for (boolean bump : new boolean[] {false, true}) {
            Path theirs = dir.resolve("theirs-" + bump);
            Path ours = dir.resolve("ours-" + bump);
            List<String> flags = new ArrayList<>(List.of("--name", "r1", "--initial-cluster",
                    "r1=http://127.0.0.1:23390", "--initial-cluster-token", "tokA", "--initial-advertise-peer-urls",
                    "http://127.0.0.1:23390"));
            if (bump) {
                flags.addAll(List.of("--bump-revision", "1000", "--mark-compacted"));
            }
            Path theirs35 = dir.resolve("theirs-3.5-" + bump);
            ProcessResult expected = ETCDUTL.run(restoreArgs("A.db", theirs, flags));
            ProcessResult actual = JETCDCTL.run(restoreArgs("A.db", ours, flags), null);
            assertEquals(expected.exitCode(), actual.exitCode(), actual.toString());
            assertEquals(expected.stdoutText(), actual.stdoutText());
            assertEquals(logLines(expected, theirs).stream().filter(line -> !line.startsWith("info\tbbolt\t"))
                    .toList(), logLines(actual, ours));
            ProcessResult expected35 = ETCDUTL_3_5.run(restoreArgs("A.db", theirs35, flags));
            assertEquals(0, expected35.exitCode(), expected35.toString());
            for (String file : List.of("member/wal/0000000000000000-0000000000000000.wal",
                    "member/snap/0000000000000001-0000000000000001.snap")) {
                assertEquals(-1L, Files.mismatch(theirs35.resolve(file), ours.resolve(file)), file);
            }
            // Our db reuses pages differently, so compare what etcdutl reads from it rather than its bytes.
            assertEquals(status(theirs), status(ours));
            try (Stream<Path> leftovers = Files.list(dir)) {
                assertFalse(leftovers.anyMatch(p -> p.getFileName().toString().contains(".restore-")));
            }
        }
    }

    @Test
    void restoreErrorsMatchEtcdutlAndLeaveNothingBehind() throws IOException {
        Path notEmpty = Files.createDirectories(dir.resolve("not-empty"));
        Files.writeString(notEmpty.resolve("file"), "x");
        Path damaged = dir.resolve("damaged.db");
        byte[] bytes = TestFiles.bytes("A.db");
        bytes[5000] ^= 0x55;
        Files.write(damaged, bytes);
        String a = TestFiles.snapshot("A.db").toString();
        List<List<String>> cases = List.of(
                List.of("snapshot", "restore", "--data-dir", dir.resolve("x0").toString()),
                List.of("snapshot", "restore", a, "--data-dir", notEmpty.toString()),
                List.of("snapshot", "restore", a, "--data-dir", dir.resolve("x1").toString(), "--name", "nobody"),
                List.of("snapshot", "restore", a, "--data-dir", dir.resolve("x2").toString(), "--bump-revision", "5"),
                List.of("snapshot", "restore", dir.resolve("missing.db").toString(), "--data-dir",
                        dir.resolve("x3").toString()),
                List.of("snapshot", "restore", damaged.toString(), "--data-dir", dir.resolve("x4").toString()),
                List.of("snapshot", "restore", Files.createDirectories(dir.resolve("a-dir")).toString(),
                        "--data-dir", dir.resolve("x5").toString()));
        for (List<String> args : cases) {
            ProcessResult expected = ETCDUTL.run(args);
            deleteIfCreatedByEtcdutl(args);
            ProcessResult actual = JETCDCTL.run(args, null);
            assertEquals(expected.exitCode(), actual.exitCode(), String.join(" ", args) + "\n" + actual);
            assertEquals(errorLine(expected), errorLine(actual), String.join(" ", args));
            for (String name : List.of("x0", "x1", "x2", "x3", "x4", "x5")) {
                assertFalse(Files.exists(dir.resolve(name)), name + " left behind after " + args);
            }
        }
    }

    /** etcdutl leaves a partial data dir on some failures; clear it so ours is checked on its own. */
    private void deleteIfCreatedByEtcdutl(List<String> args) throws IOException {
        int i = args.indexOf("--data-dir");
        if (i < 0 || args.get(i + 1).endsWith("not-empty")) {
            return;
        }
        Path d = Path.of(args.get(i + 1));
        if (Files.exists(d)) {
            try (Stream<Path> walk = Files.walk(d)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).collect(Collectors.toList())) {
                    Files.delete(p);
                }
            }
        }
    }

    @Test
    void aThreeMemberClusterBootsFromOurRestoreAsFromEtcdutls() {
        List<RestoredCluster.Seat> seats = RestoredCluster.seats("m1", "m2", "m3");
        String initialCluster = RestoredCluster.initialCluster(seats);
        String theirs = bootAndDescribe(seats, initialCluster, "theirs", true, List.of(), "--rev=2780");
        String ours = bootAndDescribe(seats, initialCluster, "ours", false, List.of(), "--rev=2780");
        assertEquals(theirs, ours);
        assertTrue(ours.contains("\"Count\" : 1819"), ours);
    }

    /** B.db's key bucket spans many pages: a bump rewrites its rightmost path, and etcd must boot from that. */
    @Test
    void aMemberBootsFromOurBumpedRestoreAsFromEtcdutls() {
        List<RestoredCluster.Seat> seats = RestoredCluster.seats("b1");
        String initialCluster = RestoredCluster.initialCluster(seats);
        List<String> bump = List.of("--bump-revision", "1000000", "--mark-compacted");
        String theirs = bootAndDescribe(seats, initialCluster, "theirs-bumped", true, bump, "--rev=0");
        String ours = bootAndDescribe(seats, initialCluster, "ours-bumped", false, bump, "--rev=0");
        assertEquals(theirs, ours);
        assertTrue(ours.contains("\"revision\":1002780"), ours);
    }

    /** Member list, key count and per-member hashes of a cluster booted from a restore of B.db. */
    private String bootAndDescribe(List<RestoredCluster.Seat> seats, String initialCluster, String label,
            boolean withEtcdutl, List<String> extraFlags, String hashRevision) {
        List<Path> dataDirs = new ArrayList<>();
        for (RestoredCluster.Seat seat : seats) {
            Path data = dir.resolve(label + "-" + seat.name());
            List<String> flags = new ArrayList<>(List.of("--name", seat.name(), "--initial-cluster",
                    initialCluster, "--initial-cluster-token", "tok3", "--initial-advertise-peer-urls",
                    seat.peerUrl()));
            flags.addAll(extraFlags);
            List<String> args = restoreArgs("B.db", data, flags);
            ProcessResult restore = withEtcdutl ? ETCDUTL.run(args) : JETCDCTL.run(args, null);
            assertEquals(0, restore.exitCode(), restore.toString());
            dataDirs.add(data);
        }
        try (RestoredCluster cluster = RestoredCluster.boot(BINARIES, seats, dataDirs, "tok3")) {
            String members = cluster.etcdctl().run("member", "list", "-w", "table").stdoutText();
            String keys = cluster.etcdctl().run("get", "", "--prefix", "--count-only", "-w", "fields")
                    .stdoutText().replaceAll("\"(MemberID|RaftTerm)\" : \\d+\n", "");
            String hashes = cluster.etcdctl().run("endpoint", "hashkv", hashRevision, "-w", "json").stdoutText()
                    .replaceAll("\"raft_term\":\\d+", "");
            return members + keys + hashes;
        }
    }

    private static List<String> restoreArgs(String snapshot, Path dataDir, List<String> flags) {
        List<String> args = new ArrayList<>(List.of("snapshot", "restore", TestFiles.snapshot(snapshot).toString(),
                "--data-dir", dataDir.toString()));
        args.addAll(flags);
        return args;
    }

    private static String status(Path dataDir) {
        return ETCDUTL.run("snapshot", "status", dataDir.resolve("member/snap/db").toString(), "-w", "json")
                .stdoutText().replaceAll(",\"totalSize\":\\d+", "");
    }

    /** The log lines without their timestamps, with the data dir named alike. */
    private static List<String> logLines(ProcessResult result, Path dataDir) {
        return SideBySide.errorLines(result).stream()
                .map(line -> line.replaceFirst("^\\S+\t", "").replace(dataDir.toString(), "<data-dir>"))
                .collect(Collectors.toList());
    }

    private static String errorLine(ProcessResult result) {
        return SideBySide.errorLines(result).stream().filter(l -> l.startsWith("Error:")).findFirst().orElse("");
    }
}
