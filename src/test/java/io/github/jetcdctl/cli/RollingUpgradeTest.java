package io.github.jetcdctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.jetcdctl.testing.BackgroundWatch;
import io.github.jetcdctl.testing.EtcdBinaries;
import io.github.jetcdctl.testing.EtcdCluster;
import io.github.jetcdctl.testing.Etcdctl;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.ProcessResult;

/**
 * A three-member cluster upgraded member by member from etcd 3.5 to 3.6, then from 3.6 to 3.7, on the same data
 * directories, while a jetcdctl {@code watch --prefix} runs and puts land: the watch prints every event once and in
 * order (etcdctl's replay of the history afterwards is the truth), and {@code member list},
 * {@code endpoint status --cluster}, {@code snapshot save} and {@code backup} succeed at every step.
 */
class RollingUpgradeTest {
    static final String PREFIX = "upgrade/";

    @TempDir
    Path dir;

    @Test
    void everyStepOfARollingUpgradeKeepsTheWatchAndTheDayTwoCommandsWorking() throws Exception {
        EtcdBinaries v35 = EtcdBinaries.forTest(EtcdBinaries.V3_5);
        List<EtcdBinaries> upgrades = List.of(EtcdBinaries.forTest(EtcdBinaries.V3_6),
                EtcdBinaries.forTest(EtcdBinaries.V3_7));
        try (EtcdCluster cluster = EtcdCluster.builder().members(3).binaries(v35).start()) {
            Jetcdctl writerCli = Jetcdctl.create().withGlobalArgs(cluster.connectionFlags());
            // generous timeouts for the checked commands: a busy machine must not fail a step
            Jetcdctl jetcdctl = writerCli.withGlobalArgs(List.of("--dial-timeout=20s", "--command-timeout=60s"));
            long startRevision = revision(cluster.etcdctl()) + 1;
            BackgroundWatch watch = BackgroundWatch.start(cluster.connectionFlags(), "watch", "--prefix", PREFIX,
                    "--rev=" + startRevision);

            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger written = new AtomicInteger();
            Thread writer = new Thread(() -> {
                while (writing.get()) {
                    int i = written.get();
                    if (writerCli.run("put", PREFIX + i, "v" + i).exitCode() == 0) {
                        written.incrementAndGet();
                    }
                }
            }, "puts-under-upgrade");
            writer.start();
            try {
                int step = 0;
                dayTwoCommandsWork(cluster, jetcdctl, cluster.member(0), step++);
                for (EtcdBinaries next : upgrades) {
                    for (EtcdCluster.Member member : cluster.members()) {
                        int before = written.get();
                        member.restartWith(next);
                        dayTwoCommandsWork(cluster, jetcdctl, member, step++);
                        awaitMorePuts(written, before + 20);
                    }
                    awaitClusterVersion(cluster, EtcdBinaries.lineOf(next.version()) + ".0");
                }
            } finally {
                writing.set(false);
                writer.join(30_000);
            }

            ProcessResult truth = cluster.etcdctl().withTimeout(Duration.ofMinutes(2))
                    .runFor(Duration.ofSeconds(5), "watch", "--prefix", PREFIX, "--rev=" + startRevision);
            String watched = watch.stopAfterPrinting(truth.stdout(), Duration.ofSeconds(30));
            String expected = truth.stdoutText();
            long puts = expected.lines().filter(line -> line.equals("PUT")).count();
            assertTrue(puts >= written.get() && written.get() > 100, "the history holds every put: " + puts
                    + " events, " + written.get() + " puts acknowledged");
            assertEquals(expected, watched, "every event once, in order; the watch's stderr: " + watch.errors());
        }
    }

    /** member list, endpoint status --cluster, snapshot save (from the member just restarted) and backup. */
    private void dayTwoCommandsWork(EtcdCluster cluster, Jetcdctl jetcdctl, EtcdCluster.Member restarted, int step)
            throws IOException {
        String versions = cluster.members().stream().map(m -> m.binaries().version()).toList().toString();
        String where = "step " + step + " " + versions + ": ";
        ProcessResult members = jetcdctl.run("member", "list");
        assertEquals(0, members.exitCode(), where + members);
        assertEquals(3, members.stdoutText().lines().filter(l -> l.contains(", started, ")).count(), where + members);
        ProcessResult status = jetcdctl.run("endpoint", "status", "--cluster");
        assertEquals(0, status.exitCode(), where + status);
        for (EtcdCluster.Member m : cluster.members()) {
            assertTrue(status.stdoutText().contains(m.clientUrl() + ", ") && status.stdoutText().contains(
                    ", " + m.binaries().version() + ", "), where + status);
        }
        Path snapshot = dir.resolve("step-" + step + ".db");
        ProcessResult save = Jetcdctl.create().run(List.of("--endpoints=" + restarted.clientEndpoint(),
                "--dial-timeout=20s", "--command-timeout=60s", "snapshot", "save", snapshot.toString()), null);
        assertEquals(0, save.exitCode(), where + save);
        ProcessResult readBack = Jetcdctl.create().run("snapshot", "status", snapshot.toString());
        assertEquals(0, readBack.exitCode(), where + readBack);
        Path backups = Files.createDirectories(dir.resolve("backups-" + step));
        ProcessResult backup = jetcdctl.run(List.of("backup", backups.toString()), null);
        assertEquals(0, backup.exitCode(), where + backup);
    }

    /** Puts keep landing after each step, so that every step is crossed by the watch. */
    private static void awaitMorePuts(AtomicInteger written, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (written.get() < atLeast) {
            assertTrue(System.nanoTime() < deadline, "puts stopped landing at " + written.get());
            Thread.sleep(20);
        }
    }

    /** The leader raises the cluster version a few seconds after the last member runs the new line. */
    private static void awaitClusterVersion(EtcdCluster cluster, String version) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(cluster.member(0).clientUrl() + "/version"))
                    .timeout(Duration.ofSeconds(2)).build();
            last = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
            if (last.contains("\"etcdcluster\":\"" + version + "\"")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("cluster version did not reach " + version + ": " + last);
    }

    private static long revision(Etcdctl etcdctl) {
        String json = etcdctl.run("get", PREFIX, "--prefix", "-w", "json").stdoutText();
        return Long.parseLong(json.replaceAll("(?s).*\"revision\":(\\d+).*", "$1"));
    }
}
