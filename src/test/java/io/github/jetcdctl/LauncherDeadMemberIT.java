package io.github.jetcdctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.jetcdctl.testing.EtcdClusterExtension;
import io.github.jetcdctl.testing.InstalledJdks;
import io.github.jetcdctl.testing.InstalledJdks.Jdk;
import io.github.jetcdctl.testing.ProcessResult;

/**
 * With three endpoints given and the first member killed (SIGKILL), every short command still answers about as
 * fast as when all are up: the dead member may cost jetcdctl at most 0.5 s more than it costs etcdctl. Each
 * tool is timed against its own healthy run (median of three), so the JVM's start-up does not count, only
 * the delay that the dead endpoint adds. A hang guard with etcdctl as the yardstick, not a benchmark.
 */
class LauncherDeadMemberIT extends LauncherRuns {
    @RegisterExtension
    static final EtcdClusterExtension ETCD = EtcdClusterExtension.threeMembersMutualTls();

    static final byte[] TXN = "\nput dead/txn v\n\n\n".getBytes(StandardCharsets.UTF_8);
    static final List<List<String>> COMMANDS = List.of(List.of("get", "dead/key"), List.of("put", "dead/key", "v"),
            List.of("del", "dead/other"), List.of("txn"), List.of("lease", "grant", "60"),
            List.of("member", "list"));

    @Override
    EtcdClusterExtension etcd() {
        return ETCD;
    }

    @BeforeAll
    static void launcherTestsOnlyWhatUsersRun() {
        assertTrue(LAUNCHER.toFile().canExecute(), LAUNCHER + " is missing");
    }

    @Test
    void aKilledFirstMemberCostsNoMoreThanHalfASecondOverEtcdctl() {
        Jdk jdk = InstalledJdks.all().get(InstalledJdks.all().size() - 1); // the newest, as the launcher picks
        jetcdctl(jdk, connectionFlags(), "get", "warm-up"); // records the class archive
        double[][] healthy = timings(jdk);
        ETCD.cluster().member(0).kill();
        double[][] dead = timings(jdk);
        List<String> slow = new ArrayList<>();
        for (int i = 0; i < COMMANDS.size(); i++) {
            double etcdctlDelay = dead[i][0] - healthy[i][0];
            double jetcdctlDelay = dead[i][1] - healthy[i][1];
            if (jetcdctlDelay > etcdctlDelay + 0.5) {
                slow.add(String.format("%s: jetcdctl %.2f s -> %.2f s, etcdctl %.2f s -> %.2f s", COMMANDS.get(i),
                        healthy[i][1], dead[i][1], healthy[i][0], dead[i][0]));
            }
        }
        assertEquals(List.of(), slow);
    }

    /** For each command: etcdctl's and jetcdctl's median wall time over three runs, outputs compared. */
    private double[][] timings(Jdk jdk) {
        double[][] seconds = new double[COMMANDS.size()][2];
        for (int i = 0; i < COMMANDS.size(); i++) {
            String[] args = COMMANDS.get(i).toArray(String[]::new);
            byte[] stdin = args[0].equals("txn") ? TXN : null;
            seconds[i][0] = median(() -> etcdctl(connectionFlags(), stdin, args), null, args);
            ProcessResult[] last = new ProcessResult[1];
            seconds[i][1] = median(() -> last[0] = jetcdctl(jdk, connectionFlags(), stdin, args), last, args);
        }
        return seconds;
    }

    private static double median(Supplier<ProcessResult> run, ProcessResult[] keep, String[] args) {
        double[] times = new double[3];
        for (int r = 0; r < times.length; r++) {
            long start = System.nanoTime();
            ProcessResult result = run.get();
            times[r] = (System.nanoTime() - start) / 1e9;
            assertEquals(0, result.exitCode(), Arrays.toString(args) + ": " + result);
            if (keep != null) {
                assertEquals("", result.stderrText(), Arrays.toString(args) + ": " + result);
            }
        }
        Arrays.sort(times);
        return times[1];
    }
}
