package io.github.jetcdctl.cli.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.jetcdctl.testing.EtcdBinaries;
import io.github.jetcdctl.testing.EtcdCluster;
import io.github.jetcdctl.testing.Etcdctl;
import io.github.jetcdctl.testing.Etcdutl;
import io.github.jetcdctl.testing.Files2;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.ProcessResult;
import io.github.jetcdctl.testing.ProcessRunner;
import io.github.jetcdctl.testing.RestoredCluster;

/**
 * Snapshots saved from etcd 3.5, 3.6 and 3.7 servers, restored by jetcdctl: the data directory boots on etcd of
 * the snapshot's line and of every newer line, with the same member and cluster IDs, keys, revision, leases and
 * {@code endpoint hashkv} as that line's etcdutl restore of the same file booted on that line; what etcd 3.6 refuses
 * (a 3.7 snapshot) jetcdctl refuses with {@code --target-version 3.6} before writing anything, with etcd's reason.
 */
class SnapshotRestoreLinesTest {
    static final Jetcdctl JETCDCTL = Jetcdctl.create();
    /**
     * One etcdctl for every description, so that only the servers differ: 3.5's, whatever the line under test, since
     * it drops the fields that newer servers add (hashkv's hash_revision), and a restore is compared across lines.
     */
    static final Etcdctl READER = Etcdctl.of(EtcdBinaries.find(EtcdBinaries.V3_5));
    static final String TOKEN = "tok-lines";

    @TempDir
    static Path dir;

    /** Snapshot file per etcd line ({@code 3.6}). */
    static final Map<String, Path> SNAPSHOTS = new ConcurrentHashMap<>();
    /** What a member booted from etcdutl's restore shows, per snapshot line. */
    static final Map<String, String> ETCDUTL_VIEWS = new ConcurrentHashMap<>();
    /** The same seat for every one-member boot: the peer URL decides the member ID, the endpoint is printed. */
    static final List<RestoredCluster.Seat> ONE = RestoredCluster.seats("r1");

    @BeforeAll
    static void saveASnapshotOnEachLine() {
        // a rerun of a failed test saves new snapshots in this JVM: views of the earlier ones would not match
        ETCDUTL_VIEWS.clear();
        for (String release : EtcdBinaries.LINE_RELEASES) {
            EtcdBinaries binaries = EtcdBinaries.forTest(release);
            try (EtcdCluster cluster = EtcdCluster.builder().binaries(binaries).start()) {
                Etcdctl etcdctl = cluster.etcdctl();
                for (int i = 0; i < 30; i++) {
                    run(etcdctl, "put", "/lines/" + i, "v" + i + "@" + release);
                }
                run(etcdctl, "del", "/lines/1");
                run(etcdctl, "compaction", "20");
                run(etcdctl, "lease", "grant", "3600");
                run(etcdctl, "put", "/lines/2", "again");
                cluster.member(0).awaitStorageVersion();
                Path file = dir.resolve("snapshot-" + release + ".db");
                run(etcdctl, "snapshot", "save", file.toString());
                SNAPSHOTS.put(EtcdBinaries.lineOf(release), file);
            }
        }
    }

    static Stream<Arguments> snapshotAndBootLines() {
        List<Arguments> pairs = new ArrayList<>();
        List<String> releases = EtcdBinaries.LINE_RELEASES;
        for (int s = 0; s < releases.size(); s++) {
            for (int b = s; b < releases.size(); b++) {
                pairs.add(Arguments.of(releases.get(s), releases.get(b)));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "a snapshot of etcd {0} restored by jetcdctl boots on etcd {1}")
    @MethodSource("snapshotAndBootLines")
    void aRestoreBootsOnItsLineAndNewerOnesAsEtcdutlsDoes(String snapshotRelease, String bootRelease) {
        String line = EtcdBinaries.lineOf(snapshotRelease);
        String bootLine = EtcdBinaries.lineOf(bootRelease);
        String expected = ETCDUTL_VIEWS.computeIfAbsent(line, l -> etcdutlView(snapshotRelease));
        Path ours = dir.resolve("ours-" + line + "-on-" + bootLine);
        restore(JETCDCTL.run(restoreArgs(SNAPSHOTS.get(line), ours, ONE.get(0), "--target-version", bootLine),
                null));
        assertEquals(expected, bootAndDescribe(EtcdBinaries.forTest(bootRelease), ONE, List.of(ours)));
    }

    @Test
    void threeMembersBootFromARestoredThreeSevenSnapshotAsFromEtcdutls() {
        EtcdBinaries v37 = EtcdBinaries.forTest(EtcdBinaries.V3_7);
        List<RestoredCluster.Seat> seats = RestoredCluster.seats("t1", "t2", "t3");
        Path snapshot = SNAPSHOTS.get("3.7");
        List<Path> theirs = new ArrayList<>();
        List<Path> ours = new ArrayList<>();
        for (RestoredCluster.Seat seat : seats) {
            Path t = dir.resolve("three-theirs-" + seat.name());
            Path o = dir.resolve("three-ours-" + seat.name());
            restore(Etcdutl.of(v37).run(restoreArgs(snapshot, t, seat, seats)));
            restore(JETCDCTL.run(restoreArgs(snapshot, o, seat, seats), null));
            theirs.add(t);
            ours.add(o);
        }
        String expected = bootAndDescribe(v37, seats, theirs);
        String actual = bootAndDescribe(v37, seats, ours);
        assertEquals(expected, actual);
        assertEquals(3, Pattern.compile("\"hash\":").matcher(actual).results().count(), actual);
    }

    @Test
    void aThreeSevenSnapshotForEtcdThreeSixIsRefusedBeforeAnythingIsWrittenWithEtcdsReason() throws IOException {
        EtcdBinaries v36 = EtcdBinaries.forTest(EtcdBinaries.V3_6);
        EtcdBinaries v37 = EtcdBinaries.forTest(EtcdBinaries.V3_7);
        Path snapshot = SNAPSHOTS.get("3.7");

        // etcd 3.6's own words, from a start on etcdutl 3.7's restore
        RestoredCluster.Seat seat = ONE.get(0);
        String etcdsReason = etcdRefusal(v36, v37, snapshot, seat, "refused-theirs");
        if (etcdsReason == null) {
            // Once in a full CI run etcd 3.6 exited 2 here (a Go panic) without its usual fatal line; the cause is
            // etcd's, not the restore's (the reproduction by hand refuses every time): one more start, and the
            // panic itself in the message if it happens again.
            etcdsReason = etcdRefusal(v36, v37, snapshot, seat, "refused-theirs-again");
        }
        assertEquals("version \"3.7.0\" is not supported", etcdsReason);

        Path ours = dir.resolve("refused-ours");
        ProcessResult refused = JETCDCTL.run(restoreArgs(snapshot, ours, seat, "--target-version", "3.6"), null);
        assertEquals(1, refused.exitCode(), refused.toString());
        String error = refused.stderrText().lines().filter(l -> l.startsWith("Error: ")).findFirst().orElse("");
        assertTrue(error.startsWith("Error: etcd 3.6 would not boot this snapshot: " + etcdsReason), error);
        assertFalse(Files.exists(ours), "nothing is written");
        try (Stream<Path> left = Files.list(dir)) {
            assertFalse(left.anyMatch(p -> p.getFileName().toString().startsWith(".refused-ours")), "no staging");
        }
        // the same snapshot for its own line, and an older snapshot for 3.6, are not refused
        restore(JETCDCTL.run(restoreArgs(snapshot, dir.resolve("for-3.7"), seat, "--target-version", "3.7.4"),
                null));
        restore(JETCDCTL.run(restoreArgs(SNAPSHOTS.get("3.5"), dir.resolve("3.5-for-3.6"), seat,
                "--target-version", "3.6"), null));
        ProcessResult malformed = JETCDCTL.run(restoreArgs(snapshot, dir.resolve("bad"), seat, "--target-version",
                "three"), null);
        assertEquals(128, malformed.exitCode(), malformed.toString());
        assertTrue(malformed.stderrText().contains("Error: wrong target version format, expected \"X.Y\", got "
                + "\"three\""), malformed.stderrText());
    }

    /** etcd {@code boot}'s reason for refusing etcdutl {@code restorer}'s restore of {@code snapshot}, or null. */
    private static String etcdRefusal(EtcdBinaries boot, EtcdBinaries restorer, Path snapshot,
            RestoredCluster.Seat seat, String dirName) {
        Path theirs = dir.resolve(dirName);
        restore(Etcdutl.of(restorer).run(restoreArgs(snapshot, theirs, seat)));
        ProcessResult etcd = ProcessRunner.run(List.of(boot.etcd().toString(), "--name=" + seat.name(),
                "--data-dir=" + theirs, "--listen-client-urls=http://" + seat.clientEndpoint(),
                "--advertise-client-urls=http://" + seat.clientEndpoint(), "--listen-peer-urls=" + seat.peerUrl(),
                "--initial-advertise-peer-urls=" + seat.peerUrl(),
                "--initial-cluster=" + RestoredCluster.initialCluster(ONE), "--initial-cluster-token=" + TOKEN),
                null, Map.of(), null, Duration.ofSeconds(60), true);
        assertNotEquals(0, etcd.exitCode(), "etcd " + boot.version() + " starts from the snapshot");
        String output = etcd.stderrText() + etcd.stdoutText();
        Matcher reason = Pattern.compile("\"msg\":\"discovery failed\",\"error\":\"((?:[^\"\\\\]|\\\\.)*)\"")
                .matcher(output);
        if (reason.find()) {
            return reason.group(1).replace("\\\"", "\"");
        }
        System.err.println("etcd " + boot.version() + " exited " + etcd.exitCode() + " without its reason; the end of"
                + " its output:\n" + output.substring(Math.max(0, output.length() - 6000)));
        return null;
    }

    /** etcdutl of the snapshot's line restores it, and etcd of that line boots the result. */
    private static String etcdutlView(String release) {
        EtcdBinaries binaries = EtcdBinaries.forTest(release);
        String line = EtcdBinaries.lineOf(release);
        Path theirs = dir.resolve("theirs-" + line);
        restore(Etcdutl.of(binaries).run(restoreArgs(SNAPSHOTS.get(line), theirs, ONE.get(0))));
        String view = bootAndDescribe(binaries, ONE, List.of(theirs));
        assertTrue(view.contains("\"count\":29"), view);
        return view;
    }

    /**
     * Members and cluster ID, every key and value, leases and each member's hashkv, read with etcdctl 3.5; the data
     * directories are removed afterwards.
     */
    private static String bootAndDescribe(EtcdBinaries binaries, List<RestoredCluster.Seat> seats, List<Path> dirs) {
        try (RestoredCluster cluster = RestoredCluster.boot(binaries, seats, dirs, TOKEN)) {
            Etcdctl etcdctl = READER.withGlobalArgs("--endpoints=" + cluster.endpointsFlag());
            String members = run(etcdctl, "member", "list", "-w", "table").stdoutText();
            String keys = run(etcdctl, "get", "", "--prefix", "-w", "json").stdoutText()
                    .replaceAll("\"(member_id|raft_term)\":\\d+,?", "");
            String leases = run(etcdctl, "lease", "list").stdoutText();
            String hashes = run(etcdctl, "endpoint", "hashkv", "-w", "json").stdoutText()
                    .replaceAll("\"raft_term\":\\d+", "");
            return members + keys + "\n" + leases + hashes;
        } finally {
            dirs.forEach(Files2::deleteRecursively); // each holds a 64 MB WAL segment
        }
    }

    private static List<String> restoreArgs(Path snapshot, Path dataDir, RestoredCluster.Seat seat,
            List<RestoredCluster.Seat> seats, String... extra) {
        List<String> args = new ArrayList<>(List.of("snapshot", "restore", snapshot.toString(), "--data-dir",
                dataDir.toString(), "--name", seat.name(), "--initial-cluster", RestoredCluster.initialCluster(seats),
                "--initial-cluster-token", TOKEN, "--initial-advertise-peer-urls", seat.peerUrl()));
        args.addAll(List.of(extra));
        return args;
    }

    private static List<String> restoreArgs(Path snapshot, Path dataDir, RestoredCluster.Seat seat, String... extra) {
        return restoreArgs(snapshot, dataDir, seat, List.of(seat), extra);
    }

    private static void restore(ProcessResult result) {
        assertEquals(0, result.exitCode(), result.toString());
    }

    private static ProcessResult run(Etcdctl etcdctl, String... args) {
        ProcessResult r = etcdctl.run(args);
        assertEquals(0, r.exitCode(), String.join(" ", args) + "\n" + r);
        return r;
    }
}
