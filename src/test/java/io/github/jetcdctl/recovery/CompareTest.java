package io.github.jetcdctl.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import io.github.jetcdctl.testing.EtcdBinaries;
import io.github.jetcdctl.testing.EtcdCluster;
import io.github.jetcdctl.testing.Etcdctl;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.ProcessResult;

/**
 * compare on a real etcd 3.6 cluster of three members: the third is stopped (cut off) while writes continue on the
 * other two, then those two are stopped. compare must rank the cut-off member last and one of the others first,
 * find the cut-off member's last revision as the newest all three hold, and give each member there the hash that
 * {@code endpoint hashkv --rev} gave while it was running.
 */
class CompareTest {
    static final Pattern REVISION = Pattern.compile("\"revision\":(\\d+)");
    static final Pattern LIVE_HASH = Pattern.compile("\"hash\":(\\d+)");
    static final Jetcdctl JETCDCTL = Jetcdctl.create();

    static EtcdCluster cluster;
    static long cutOffAt;
    static long liveHash;
    static List<Long> liveHashes = new ArrayList<>();

    @BeforeAll
    static void writeCutOffAndStop() {
        cluster = EtcdCluster.builder().binaries(EtcdBinaries.forTest(EtcdBinaries.V3_6)).members(3).start();
        Etcdctl leaderSide = cluster.member(0).etcdctl();
        for (int i = 0; i < 10; i++) {
            run(leaderSide, "put", "/app/k" + i, "v" + i);
        }
        run(leaderSide, "del", "/app/k3");
        cutOffAt = revision(leaderSide, "l");
        for (int m = 0; m < 3; m++) {
            awaitApplied(cluster.member(m).etcdctl(), cutOffAt);
            liveHashes.add(hashAt(cluster.member(m).etcdctl(), cutOffAt));
        }
        cluster.member(2).stop();
        for (int i = 0; i < 10; i++) {
            run(leaderSide, "put", "/app/later" + i, "w" + i);
        }
        run(leaderSide, "del", "/app/k4");
        long last = revision(leaderSide, "l");
        awaitApplied(cluster.member(1).etcdctl(), last);
        cluster.member(1).stop();
        cluster.member(0).stop();
    }

    @AfterAll
    static void close() {
        if (cluster != null) {
            cluster.close();
        }
    }

    static void run(Etcdctl etcdctl, String... args) {
        ProcessResult r = etcdctl.run(args);
        assertEquals(0, r.exitCode(), r.toString());
    }

    static long revision(Etcdctl etcdctl, String consistency) {
        ProcessResult r = etcdctl.run("get", "/none", "-w", "json", "--consistency", consistency);
        Matcher m = REVISION.matcher(r.stdoutText());
        assertTrue(m.find(), r.toString());
        return Long.parseLong(m.group(1));
    }

    /** Waits (without a time assertion) until the member's own store has reached {@code revision}. */
    static void awaitApplied(Etcdctl member, long revision) {
        while (revision(member, "s") < revision) {
            Thread.onSpinWait();
        }
    }

    static long hashAt(Etcdctl member, long revision) {
        ProcessResult r = member.run("endpoint", "hashkv", "--rev", Long.toString(revision), "-w", "json");
        Matcher m = LIVE_HASH.matcher(r.stdoutText());
        assertTrue(m.find(), r.toString());
        return Long.parseLong(m.group(1));
    }

    static String dir(int member) {
        return cluster.member(member).dataDir().toString();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCutOffMemberIsRankedLastAndTheHashesEqualTheLiveOnes() {
        assertEquals(liveHashes.get(0), liveHashes.get(1));
        assertEquals(liveHashes.get(0), liveHashes.get(2));
        // the cut-off member first, so that its rank cannot come from its place on the command line
        ProcessResult result = JETCDCTL.run("compare", dir(2), dir(0), dir(1), "-w", "json");
        assertEquals(0, result.exitCode(), result.toString());
        Map<String, Object> doc = (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(result.stdoutText());
        List<Map<String, Object>> members = (List<Map<String, Object>>) doc.get("members");
        assertEquals(3, ((Number) members.get(0).get("rank")).intValue(), result.stdoutText());
        assertTrue(List.of(dir(0), dir(1)).contains(doc.get("candidate")), result.stdoutText());
        assertEquals(cutOffAt, ((Number) doc.get("common_revision")).longValue());
        assertEquals(List.of(), doc.get("differing_keys"));
        for (Map<String, Object> member : members) {
            assertEquals(liveHashes.get(0), ((Number) member.get("hash")).longValue(), member.toString());
            assertEquals(3, ((List<?>) member.get("member_ids")).size());
        }
        long cutOffIndex = ((Number) ((Map<String, Object>) members.get(0).get("wal")).get("last_index")).longValue();
        for (Map<String, Object> other : members.subList(1, 3)) {
            long index = ((Number) ((Map<String, Object>) other.get("wal")).get("last_index")).longValue();
            assertTrue(index > cutOffIndex, "the cut-off member's log is behind:\n" + result.stdoutText());
            assertTrue(((Number) other.get("revision")).longValue() > cutOffAt);
        }
    }

    @Test
    void theTableNamesTheCandidateAndASnapshotFileTakesAPlace() throws Exception {
        ProcessResult table = JETCDCTL.run("compare", dir(0), dir(2), "-w", "table");
        assertEquals(0, table.exitCode(), table.toString());
        assertTrue(table.stdoutText().contains("candidate to restart from: " + dir(0) + "\n"), table.stdoutText());
        assertTrue(table.stdoutText().contains("hashes at revision " + cutOffAt + ", the newest all members hold; "
                + "no key differs there\n"), table.stdoutText());
        ProcessResult boxed = JETCDCTL.forLine("3.7").run("compare", dir(0), dir(2), "-w", "table");
        assertTrue(boxed.stdoutText().startsWith("┌"), "3.7's table style:\n" + boxed.stdoutText());
        assertTrue(table.stdoutText().startsWith("+"), table.stdoutText());
        Path db = cluster.member(2).dataDir().resolve("member/snap/db");
        ProcessResult withFile = JETCDCTL.run("compare", dir(0), db.toString());
        assertEquals(0, withFile.exitCode(), withFile.toString());
        assertTrue(withFile.stdoutText().startsWith("1, " + dir(0) + ", "), withFile.stdoutText());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theKeysThatDifferAtTheCommonRevisionAreListed() {
        Path other = io.github.jetcdctl.snapshot.TestFiles.snapshot("A.db"); // another cluster's snapshot
        ProcessResult result = JETCDCTL.run("compare", dir(0), other.toString(), "-w", "json");
        assertEquals(0, result.exitCode(), result.toString());
        Map<String, Object> doc = (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(result.stdoutText());
        long common = ((Number) doc.get("common_revision")).longValue();
        java.util.TreeSet<String> expected = new java.util.TreeSet<>();
        for (String from : List.of(dir(0), other.toString())) {
            ProcessResult keys = JETCDCTL.run("get", "", "--from-key", "--keys-only", "--rev", Long.toString(common),
                    "--from", from);
            assertEquals(0, keys.exitCode(), keys.toString());
            for (String line : keys.stdoutText().split("\n")) {
                if (!line.isEmpty()) {
                    expected.add(line);
                }
            }
        }
        assertTrue(expected.size() > 2, expected.toString());
        assertEquals(List.copyOf(expected), doc.get("differing_keys"));
    }

    @Test
    void aDamagedFileIsOneClearError() throws Exception {
        Path cut = java.nio.file.Files.createTempFile("jetcdctl-compare-", ".db");
        try {
            byte[] whole = java.nio.file.Files.readAllBytes(io.github.jetcdctl.snapshot.TestFiles.snapshot("B.db"));
            java.nio.file.Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 3));
            ProcessResult damaged = JETCDCTL.run("compare", dir(0), cut.toString());
            assertEquals(1, damaged.exitCode(), damaged.toString());
            assertTrue(damaged.stderrText().startsWith("Error: " + cut + ": "), damaged.stderrText());
            assertEquals(1, damaged.stderrText().split("\n").length, damaged.stderrText());
        } finally {
            java.nio.file.Files.delete(cut);
        }
    }

    @Test
    void oneArgumentOrAMissingDirIsOneClearError() {
        assertEquals(128, JETCDCTL.run("compare", dir(0)).exitCode());
        ProcessResult missing = JETCDCTL.run("compare", dir(0), "/no/such/dir");
        assertEquals(1, missing.exitCode());
        assertEquals("Error: open /no/such/dir: no such file or directory\n", missing.stderrText());
    }
}
