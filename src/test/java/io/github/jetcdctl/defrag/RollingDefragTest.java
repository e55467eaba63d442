package io.github.jetcdctl.defrag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.jetcdctl.testing.EtcdCluster;
import io.github.jetcdctl.testing.EtcdClusterExtension;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.ProcessResult;

/**
 * defrag --rolling on a real three-member cluster with a fragmented db: the plan, the order (leader last, by the
 * servers' own log lines), the health gate, and a member killed mid-run.
 */
class RollingDefragTest {
    @RegisterExtension
    static final EtcdClusterExtension ETCD = EtcdClusterExtension.of(EtcdCluster.builder().members(3)
            .extraArgs("--log-level=info")); // the defragmentation's log lines are the evidence

    static final Jetcdctl JETCDCTL = Jetcdctl.create();
    private static final Pattern MEMBER = Pattern.compile("\\{\"id\":\"([0-9a-f]+)\",\"name\":\"([^\"]*)\","
            + "\"endpoint\":\"([^\"]*)\",\"role\":\"([a-z]+)\"");

    private static EtcdCluster cluster() {
        return ETCD.cluster();
    }

    /** A few thousand puts of 10 KB values, then their deletion: a db with much to give back once compacted. */
    @BeforeAll
    static void fragment() {
        cluster().awaitHealthy();
        StringBuilder lines = new StringBuilder();
        String value = "v".repeat(10_000);
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 600; i++) {
                lines.append("put /frag/").append(i).append(' ').append(value).append('\n');
            }
        }
        lines.append("del /frag/ --prefix\n");
        ProcessResult result = rolling(lines.toString().getBytes(StandardCharsets.UTF_8), "batch");
        assertEquals(0, result.exitCode(), result.toString());
    }

    private static ProcessResult rolling(byte[] stdin, String... args) {
        List<String> all = new ArrayList<>(List.of("--endpoints=" + ETCD.endpointsFlag()));
        all.addAll(List.of(args));
        return JETCDCTL.run(all, stdin);
    }

    /** The report's members in plan order: {id, name, endpoint, role}. */
    private static List<String[]> plannedMembers(String json) {
        List<String[]> members = new ArrayList<>();
        Matcher m = MEMBER.matcher(json);
        while (m.find()) {
            members.add(new String[] {m.group(1), m.group(2), m.group(3), m.group(4)});
        }
        return members;
    }

    private static EtcdCluster.Member member(String name) {
        return cluster().members().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aDryRunPrintsThePlanWithTheLeaderLastAndTouchesNothing() {
        List<Integer> before = ServerLogs.counts(cluster(), ServerLogs.STARTED);
        ProcessResult result = rolling(null, "defrag", "--rolling", "--dry-run", "-w", "json");
        assertEquals(0, result.exitCode(), result.toString());
        List<String[]> plan = plannedMembers(result.stdoutText());
        assertEquals(3, plan.size(), result.stdoutText());
        assertEquals("follower", plan.get(0)[3]);
        assertEquals("follower", plan.get(1)[3]);
        assertEquals("leader", plan.get(2)[3]);
        assertTrue(result.stdoutText().contains("\"dryRun\":true"), result.stdoutText());
        assertTrue(result.stdoutText().contains("\"notRun\":3"), result.stdoutText());
        assertEquals(before, ServerLogs.counts(cluster(), ServerLogs.STARTED), "nothing defragmented");

        ProcessResult text = rolling(null, "defrag", "--rolling", "--dry-run", "--min-free-ratio", "0.99");
        assertEquals(0, text.exitCode(), text.toString());
        assertTrue(text.stdoutText().startsWith("dry run: the plan only, nothing was touched\n"), text.stdoutText());
        assertTrue(text.stdoutText().contains("rule false: dbSizeFreeRatio >= 0.99 is false (dbSizeFreeRatio 0."),
                text.stdoutText());
        assertEquals(before, ServerLogs.counts(cluster(), ServerLogs.STARTED), "nothing defragmented");
    }

    /**
     * Three members made different on purpose: history written, deleted and compacted (megabytes of free pages on
     * every member), then one follower defragmented by hand (none on it). The rule picks the other two.
     */
    @Test
    void aDryRunWithARuleSelectsTheMembersItHoldsForAndShowsEachOnesFigures() throws InterruptedException {
        StringBuilder lines = new StringBuilder();
        String value = "r".repeat(10_000);
        for (int i = 0; i < 300; i++) {
            lines.append("put /rule/").append(i).append(' ').append(value).append('\n');
        }
        lines.append("del /rule/ --prefix\n");
        assertEquals(0, rolling(lines.toString().getBytes(StandardCharsets.UTF_8), "batch").exitCode());
        ProcessResult compacted = rolling(null, "compaction", "--physical", String.valueOf(revision()));
        assertEquals(0, compacted.exitCode(), compacted.toString());
        // etcd's in-use figure counts bbolt's pending pages (freed by the latest commit) as in use until the next
        // commit releases them: write until every member shows the compacted history as free
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!ruleFigures(rolling(null, "defrag", "--rolling", "--dry-run", "-w", "json").stdoutText()).stream()
                .allMatch(m -> Long.parseLong(m.group(4)) > 1_000_000)) {
            assertTrue(System.nanoTime() < deadline, "the compaction never freed a megabyte on every member");
            assertEquals(0, rolling(null, "put", "/rule-commit", "x").exitCode());
            Thread.sleep(200);
        }
        List<String[]> order = plannedMembers(rolling(null, "defrag", "--rolling", "--dry-run", "-w", "json")
                .stdoutText());
        EtcdCluster.Member tidied = member(order.get(0)[1]);
        ProcessResult defragmented = tidied.etcdctl().run("defrag");
        assertEquals(0, defragmented.exitCode(), defragmented.toString());

        List<Integer> before = ServerLogs.counts(cluster(), ServerLogs.STARTED);
        String rule = "dbSizeFree > 1MB || dbQuotaUsage > 0.99";
        ProcessResult result = rolling(null, "defrag", "--rolling", "--dry-run", "--rule", rule, "-w", "json");
        assertEquals(0, result.exitCode(), result.toString());
        String json = result.stdoutText();
        assertTrue(json.contains("\"rule\":\"" + rule.replace(">", "\\u003e") + "\""), json); // Go's escaping
        List<MatchResult> members = ruleFigures(json);
        assertEquals(3, members.size(), json);
        for (MatchResult m : members) {
            long free = Long.parseLong(m.group(4));
            assertEquals(Long.parseLong(m.group(2)) - Long.parseLong(m.group(3)), free, json);
            // the quota is 2 GB, so only the free bytes can make the rule true: on all but the member defragmented
            boolean met = !m.group(1).equals(tidied.name());
            assertEquals(met, free > 1_000_000, json);
            assertEquals(String.valueOf(met), m.group(6), json);
            assertEquals(met ? "defragment" : "skip", m.group(7), json);
        }
        assertEquals(before, ServerLogs.counts(cluster(), ServerLogs.STARTED), "nothing defragmented");

        ProcessResult text = rolling(null, "defrag", "--rolling", "--dry-run", "--rule", rule, "--min-free-ratio",
                "0.01");
        assertEquals(0, text.exitCode(), text.toString());
        assertTrue(text.stdoutText().contains("\nrule:            (" + rule + ") && dbSizeFreeRatio >= 0.01\n"),
                text.stdoutText());
        assertTrue(text.stdoutText().matches("(?s).*" + tidied.name() + " .*skip: .*rule false: dbSizeFree > 1MB is "
                + "false \\(dbSizeFree [^)]+\\); dbQuotaUsage > 0.99 is false \\(dbQuotaUsage 0.0\\d+\\), skipped.*"),
                text.stdoutText());
        assertTrue(text.stdoutText().contains("0 defragmented, 1 skipped, 0 failed, 2 planned"), text.stdoutText());
        assertEquals(before, ServerLogs.counts(cluster(), ServerLogs.STARTED), "nothing defragmented");
    }

    /** Each member in a dry run's JSON: name, dbSize, dbSizeInUse, dbSizeFree, dbQuota, ruleMet, plan. */
    private static List<MatchResult> ruleFigures(String json) {
        return Pattern.compile("\"name\":\"([^\"]+)\".*?\"ruleValues\":\\{\"dbSize\":(\\d+),\"dbSizeInUse\":(\\d+),"
                + "\"dbSizeFree\":(\\d+),\"dbSizeFreeRatio\":[0-9.]+,\"dbQuota\":(\\d+),\"dbQuotaUsage\":[0-9.]+\\},"
                + "\"ruleMet\":(true|false),\"plan\":\"(defragment|skip)\"").matcher(json).results().toList();
    }

    private static long revision() {
        Matcher m = Pattern.compile("\"revision\":(\\d+)").matcher(rolling(null, "get", "health", "-w", "json")
                .stdoutText());
        assertTrue(m.find());
        return Long.parseLong(m.group(1));
    }

    @Test
    void aBadRuleIsOneErrorWithItsColumnAndTheBadArgumentsExitCode() {
        ProcessResult result = rolling(null, "defrag", "--rolling", "--rule", "dbSizeFree > 200 MiB ||");
        assertEquals(128, result.exitCode(), result.toString());
        assertEquals("Error: invalid --rule \"dbSizeFree > 200 MiB ||\": column 24: expected a number, a variable "
                + "or \"(\", found the end\n", result.stderrText());
        assertEquals("", result.stdoutText());
    }

    @Test
    void followersGoOneAtATimeAndTheLeaderLastAsTheServersLogIt() {
        ProcessResult result = rolling(null, "defrag", "--rolling", "--compact", "-w", "json");
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.stdoutText().contains("\"defragmented\":3"), result.stdoutText());
        assertTrue(result.stdoutText().matches("(?s).*\"compactedRevision\":[1-9].*"), result.stdoutText());
        List<String[]> plan = plannedMembers(result.stdoutText());
        Instant previousFinish = Instant.MIN;
        for (String[] planned : plan) {
            EtcdCluster.Member m = member(planned[1]);
            Instant started = ServerLogs.last(m, ServerLogs.STARTED);
            Instant finished = ServerLogs.last(m, ServerLogs.FINISHED);
            assertTrue(!started.isBefore(previousFinish), planned[1] + " started before the previous member finished");
            previousFinish = finished;
        }
        assertEquals("leader", plan.get(2)[3]);
        // the space came back: each member's db is now well below the 12 MB the puts made
        Matcher after = Pattern.compile("\"dbSizeAfter\":(\\d+)").matcher(result.stdoutText());
        while (after.find()) {
            assertTrue(Long.parseLong(after.group(1)) < 4_000_000, result.stdoutText());
        }
    }

    @Test
    void aMemberDownMakesTheHealthGateRefuseBeforeAnythingIsTouched() {
        EtcdCluster.Member down = cluster().member(1);
        down.stop();
        try {
            List<Integer> before = ServerLogs.counts(cluster(), ServerLogs.STARTED);
            ProcessResult result = rolling(null, "defrag", "--rolling", "--compact");
            assertEquals(DefragExitCodes.HEALTH_GATE, result.exitCode(), result.toString());
            assertTrue(result.stderrText().startsWith("Error: health gate: " + down.name()), result.toString());
            assertTrue(result.stdoutText().contains("health gate:     refused"), result.stdoutText());
            assertEquals(before, ServerLogs.counts(cluster(), ServerLogs.STARTED), "nothing defragmented");
        } finally {
            if (!down.isRunning()) {
                down.start();
            }
            cluster().awaitHealthy();
        }
    }

    @Test
    void aMemberKilledMidRunStopsTheRunAndNothingElseIsTouched() throws Exception {
        ProcessResult dryRun = rolling(null, "defrag", "--rolling", "--dry-run", "-w", "json");
        List<String[]> plan = plannedMembers(dryRun.stdoutText());
        EtcdCluster.Member first = member(plan.get(0)[1]);
        EtcdCluster.Member second = member(plan.get(1)[1]);
        EtcdCluster.Member leader = member(plan.get(2)[1]);
        int firstBefore = ServerLogs.count(first, ServerLogs.FINISHED);
        int secondBefore = ServerLogs.count(second, ServerLogs.STARTED);
        int leaderBefore = ServerLogs.count(leader, ServerLogs.STARTED);
        CompletableFuture<ProcessResult> run = CompletableFuture.supplyAsync(() -> rolling(null, "defrag",
                "--rolling", "--wait", "5s", "--health-timeout", "2s", "-w", "json"));
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (ServerLogs.count(first, ServerLogs.FINISHED) == firstBefore) {
                assertTrue(System.nanoTime() < deadline, "the first member was never defragmented");
                Thread.sleep(50);
            }
            second.kill(); // during the pause after the first member
            ProcessResult result = run.get();
            assertEquals(DefragExitCodes.STOPPED, result.exitCode(), result.toString());
            assertTrue(result.stdoutText().contains("\"failed\":1"), result.stdoutText());
            assertTrue(result.stdoutText().contains("\"notRun\":2"), result.stdoutText());
            assertTrue(result.stderrText().contains("health check after defragmenting failed: " + second.name()),
                    result.toString());
            assertEquals(secondBefore, ServerLogs.count(second, ServerLogs.STARTED), "killed member untouched");
            assertEquals(leaderBefore, ServerLogs.count(leader, ServerLogs.STARTED), "leader untouched");
        } finally {
            run.join();
            if (!second.isRunning()) {
                second.start();
            }
            cluster().awaitHealthy();
        }
    }

    @Test
    void withMoveLeaderTheLeadershipMovesBeforeTheLeadersTurn() {
        ProcessResult result = rolling(null, "defrag", "--rolling", "--move-leader", "-w", "json");
        assertEquals(0, result.exitCode(), result.toString());
        List<String[]> plan = plannedMembers(result.stdoutText());
        Matcher moved = Pattern.compile("\"leaderMovedTo\":\"([0-9a-f]+)\"").matcher(result.stdoutText());
        assertTrue(moved.find(), result.stdoutText());
        assertEquals(plan.get(0)[0], moved.group(1), "to the first follower, already defragmented");
        // the old leader's own log: the transfer finished before its defragmentation started (the leader may change
        // again later on a loaded machine, so the current leader is no evidence)
        EtcdCluster.Member oldLeader = member(plan.get(2)[1]);
        Instant transferred = ServerLogs.last(oldLeader, "\"msg\":\"leadership transfer finished\"");
        assertTrue(!ServerLogs.last(oldLeader, ServerLogs.STARTED).isBefore(transferred), result.stdoutText());
    }

    @Test
    void rollingOnlyFlagsNeedRolling() {
        ProcessResult result = rolling(null, "defrag", "--dry-run");
        assertEquals(1, result.exitCode(), result.toString());
        assertEquals("Error: --dry-run is a flag of defrag --rolling\n", result.stderrText());
    }
}
