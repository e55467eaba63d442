package io.github.jetcdctl.cli.maintenance;

import static io.github.jetcdctl.testing.SideBySide.assertSameResult;
import static io.github.jetcdctl.testing.SideBySide.withoutDurations;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.etcd.jetcd.api.MoveLeaderResponse;
import io.github.jetcdctl.testing.EtcdClusterExtension;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.ProcessResult;

/**
 * compaction, defrag and move-leader side by side with the etcdctl of the cluster's line on a 3-member plaintext
 * cluster. From 3.6 defrag says how long each member took; those durations are left out of the comparison.
 */
class MaintenanceCommandsGoldenTest {
    @RegisterExtension
    static final EtcdClusterExtension ETCD = EtcdClusterExtension.threeMembers();

    static final List<String> FORMATS = List.of("simple", "json", "fields", "protobuf", "table");

    private Jetcdctl jetcdctl() {
        return Jetcdctl.forCluster(ETCD.cluster());
    }

    @Test
    void argumentErrorsMatchEtcdctl() {
        List<List<String>> cases = List.of(
                List.of("compaction"),
                List.of("compaction", "1", "2"),
                List.of("compaction", "abc"),
                List.of("compaction", "99999999999999999999"),
                List.of("compaction", "999999"),
                List.of("compaction", "1", "-w", "yaml"),
                List.of("move-leader"),
                List.of("move-leader", "zz"),
                List.of("move-leader", "1", "2"),
                List.of("move-leader", "1", "-w", "yaml"),
                List.of("defrag", "-w", "yaml"));
        for (List<String> args : cases) {
            assertSameResult(ETCD.etcdctl().run(args), jetcdctl().run(args, null), String.join(" ", args));
        }
    }

    /** Each compaction runs on its own new revision; the revision in the message is then normalised. */
    @Test
    void compactionMatchesEtcdctlInEveryFormat() {
        for (String format : FORMATS) {
            for (String physical : List.of("--physical=false", "--physical")) {
                long forEtcdctl = putRevision();
                ProcessResult expected = ETCD.etcdctl().run("compaction", physical, "-w", format,
                        Long.toString(forEtcdctl));
                long forJetcdctl = putRevision();
                ProcessResult actual = jetcdctl().run("compaction", physical, "-w", format, Long.toString(forJetcdctl));
                String what = "compaction " + physical + " -w " + format;
                assertSameResult(expected, actual.withStdout(actual.stdoutText()
                        .replace(Long.toString(forJetcdctl), Long.toString(forEtcdctl))
                        .getBytes(StandardCharsets.UTF_8)), what);
                String again = Long.toString(forEtcdctl);
                assertSameResult(ETCD.etcdctl().run("compaction", again), jetcdctl().run("compaction", again),
                        "compaction of a compacted revision");
            }
        }
    }

    @Test
    void defragMatchesEtcdctl() {
        for (String format : FORMATS) {
            for (String cluster : List.of("--cluster=false", "--cluster")) {
                List<String> args = List.of("defrag", cluster, "-w", format);
                assertSameResult(withoutDurations(ETCD.etcdctl().run(args)),
                        withoutDurations(jetcdctl().run(args, null)), String.join(" ", args));
            }
        }
    }

    /** etcdctl declares no argument check for these: extra words are ignored, not a usage error. */
    @Test
    void extraWordsAreIgnoredWhereEtcdctlIgnoresThem() {
        for (List<String> args : List.of(List.of("defrag", "extra"), List.of("endpoint", "hashkv", "x", "y"),
                List.of("endpoint", "status", "x", "-w", "json"), List.of("version", "x"))) {
            ProcessResult expected = ETCD.etcdctl().run(args);
            ProcessResult actual = jetcdctl().run(args, null);
            if (args.get(0).equals("version")) { // the versions differ; the shape and exit code are the point
                assertEquals(expected.exitCode(), actual.exitCode(), actual.toString());
                assertEquals(expected.stdoutText().lines().skip(1).findFirst().orElse(""),
                        actual.stdoutText().lines().skip(1).findFirst().orElse(""));
                continue;
            }
            assertSameResult(withoutDurations(expected), withoutDurations(actual), String.join(" ", args));
        }
        List<String> health = List.of("endpoint", "health", "x");
        ProcessResult expected = ETCD.etcdctl().run(health);
        ProcessResult actual = jetcdctl().run(health, null);
        assertEquals(expected.exitCode(), actual.exitCode(), actual.toString());
        assertEquals(expected.stdoutText().lines().count(), actual.stdoutText().lines().count(), actual.toString());
    }

    @Test
    void defragOfAStoppedMemberFailsLikeEtcdctlWhileTheOthersAreDefragmented() {
        ETCD.cluster().member(2).stop();
        try {
            List<String> args = List.of("--command-timeout=2s", "defrag");
            ProcessResult expected = ETCD.etcdctl().run(args);
            ProcessResult actual = jetcdctl().run(args, null);
            assertSameResult(withoutDurations(expected), withoutDurations(actual), String.join(" ", args));
            assertEquals(1, actual.exitCode());
        } finally {
            ETCD.cluster().member(2).start();
            ETCD.cluster().awaitHealthy();
        }
    }

    /**
     * Leadership goes from the leader to a follower with etcdctl, back with a quiet etcdctl call, then the
     * same way with jetcdctl: both start from the same leader. The raft term grows with each move, so the
     * header's term is normalised in json and protobuf.
     */
    @Test
    void moveLeaderMatchesEtcdctlInEveryFormat() throws Exception {
        for (String format : FORMATS) {
            String leader = leaderIdHex();
            String follower = followerIdHex(leader);
            List<String> args = List.of("move-leader", follower, "-w", format);
            ProcessResult expected = ETCD.etcdctl().run(args);
            awaitLeader(follower);
            ETCD.etcdctl().run("move-leader", leader);
            awaitLeader(leader);
            ProcessResult actual = jetcdctl().run(args, null);
            awaitLeader(follower);
            String what = String.join(" ", args);
            if (format.equals("protobuf")) {
                assertEquals(expected.exitCode(), actual.exitCode(), what);
                assertEquals(withoutTerm(MoveLeaderResponse.parseFrom(expected.stdout())),
                        withoutTerm(MoveLeaderResponse.parseFrom(actual.stdout())), what);
            } else {
                assertSameResult(withoutTerm(expected), withoutTerm(actual), what);
            }
        }
    }

    @Test
    void moveLeaderWithoutTheLeaderAmongTheEndpointsFailsLikeEtcdctl() {
        String leader = leaderIdHex();
        List<String> followers = new ArrayList<>();
        for (MemberStatus member : memberStatuses()) {
            if (!member.isLeader()) {
                followers.add(member.endpoint());
            }
        }
        List<String> args = List.of("--endpoints=" + String.join(",", followers), "move-leader", leader);
        var bare = io.github.jetcdctl.testing.Etcdctl.of(ETCD.cluster().binaries());
        assertSameResult(bare.run(args), Jetcdctl.create().run(args, null), String.join(" ", args));
        List<String> toSelf = List.of("move-leader", leader);
        assertSameResult(ETCD.etcdctl().run(toSelf), jetcdctl().run(toSelf, null), "move-leader to the leader");
    }

    // ------------------------------------------------------------------------------ helpers

    private static long putRevision() {
        ProcessResult put = ETCD.etcdctl().run("put", "compaction/key", "v", "-w", "fields");
        for (String line : put.stdoutText().split("\n")) {
            if (line.startsWith("\"Revision\" : ")) {
                return Long.parseLong(line.substring("\"Revision\" : ".length()));
            }
        }
        throw new AssertionError(put.toString());
    }

    /** One member as {@code endpoint status -w json} reports it (its columns differ between lines, its JSON not). */
    private record MemberStatus(String endpoint, String idHex, boolean isLeader) {
    }

    private static final Pattern STATUS = Pattern.compile(
            "\\{\"Endpoint\":\"([^\"]+)\",\"Status\":\\{\"header\":\\{[^}]*\"member_id\":(\\d+)[^}]*}"
                    + ".*?\"leader\":(\\d+)");

    private static List<MemberStatus> memberStatuses() {
        ProcessResult status = ETCD.etcdctl().run("endpoint", "status", "-w", "json");
        List<MemberStatus> members = new ArrayList<>();
        Matcher m = STATUS.matcher(status.stdoutText());
        while (m.find()) {
            members.add(new MemberStatus(m.group(1), Long.toHexString(Long.parseUnsignedLong(m.group(2))),
                    m.group(2).equals(m.group(3))));
        }
        assertEquals(ETCD.cluster().members().size(), members.size(), status.toString());
        return members;
    }

    private static String leaderIdHex() {
        return memberStatuses().stream().filter(MemberStatus::isLeader).map(MemberStatus::idHex).findFirst()
                .orElseThrow(() -> new AssertionError("no leader"));
    }

    private static String followerIdHex(String leader) {
        return memberStatuses().stream().map(MemberStatus::idHex).filter(id -> !id.equals(leader)).findFirst()
                .orElseThrow(() -> new AssertionError("no follower"));
    }

    private static void awaitLeader(String idHex) throws InterruptedException {
        for (int i = 0; i < 100 && !leaderIdHex().equals(idHex); i++) {
            Thread.sleep(100);
        }
        assertEquals(idHex, leaderIdHex());
    }

    private static ProcessResult withoutTerm(ProcessResult result) {
        return result.withStdout(result.stdoutText().replaceAll("\"raft_term\":\\d+", "\"raft_term\":<term>")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static MoveLeaderResponse withoutTerm(MoveLeaderResponse response) {
        return response.toBuilder().setHeader(response.getHeader().toBuilder().clearRaftTerm()).build();
    }

}
