package io.github.jetcdctl.cli.watch;

import static io.github.jetcdctl.testing.SideBySide.assertSameResult;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.jetcdctl.testing.EtcdBinaries;
import io.github.jetcdctl.testing.EtcdCluster;
import io.github.jetcdctl.testing.Etcdctl;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.ProcessResult;

/**
 * {@code watch -w json} of a watch the server cancels (its revision is compacted), on each line against that
 * line's etcdctl and server: 3.7 prints {@code "Events":null} and {@code "CancelReason"}, 3.5 and 3.6
 * {@code "Events":[]} and no reason. Each line gets a cluster of its own, since the test compacts its history.
 */
class WatchJsonPerLineGoldenTest {
    @ParameterizedTest
    @MethodSource(EtcdBinaries.EACH_LINE)
    void aCanceledWatchPrintsTheLinesResponse(String release) {
        try (EtcdCluster cluster = EtcdCluster.builder().binaries(EtcdBinaries.forTest(release)).start()) {
            Etcdctl etcdctl = cluster.etcdctl();
            Jetcdctl jetcdctl = Jetcdctl.forCluster(cluster);
            etcdctl.run("put", "w", "1");
            etcdctl.run("put", "w", "2");
            ProcessResult compacted = etcdctl.run("compaction", "3");
            assertEquals(0, compacted.exitCode(), compacted.toString());
            for (List<String> args : List.of(List.of("watch", "w", "--rev=1", "-w", "json"),
                    List.of("watch", "w", "--rev=2", "--prev-kv", "-w", "json"))) {
                ProcessResult expected = etcdctl.run(args);
                assertEquals(5, expected.exitCode(), expected.toString());
                assertSameResult(expected, jetcdctl.run(args, null), release + " " + args);
            }
        }
    }
}
