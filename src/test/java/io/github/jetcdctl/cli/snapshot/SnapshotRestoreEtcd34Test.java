package io.github.jetcdctl.cli.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.jetcdctl.snapshot.TestFiles;
import io.github.jetcdctl.testing.EtcdBinaries;
import io.github.jetcdctl.testing.Etcdctl;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.ProcessResult;
import io.github.jetcdctl.testing.RestoredCluster;

/**
 * Snapshots against etcd 3.4.23: its etcdctl's status output (jetcdctl's on the 3.5 line, which kept it), and a 3.4
 * server booting from our restore.
 */
class SnapshotRestoreEtcd34Test {
    static final EtcdBinaries ETCD34 = EtcdBinaries.find("3.4.23");

    @TempDir
    Path dir;

    @Test
    void statusMatchesEtcdctl34InEveryFormat() {
        Etcdctl etcdctl34 = Etcdctl.of(ETCD34);
        for (String snapshot : List.of("A.db", "B.db", "C.db")) {
            for (String format : List.of("simple", "json", "fields", "table")) {
                List<String> args = List.of("snapshot", "status", TestFiles.snapshot(snapshot).toString(), "-w",
                        format);
                ProcessResult expected = etcdctl34.run(args);
                // etcdutl 3.5 prints status as etcdctl 3.4 did; 3.6 counts other keys and adds a column
                ProcessResult actual = Jetcdctl.create().forLine("3.5").run(args, null);
                assertEquals(expected.exitCode(), actual.exitCode(), String.join(" ", args));
                assertEquals(expected.stdoutText(), actual.stdoutText(), String.join(" ", args));
            }
        }
    }

    @Test
    void anEtcd34ServerBootsFromOurRestoreWithTheSameData() {
        List<RestoredCluster.Seat> seats = RestoredCluster.seats("r1");
        Path data = dir.resolve("r1");
        ProcessResult restore = Jetcdctl.create().run(List.of("snapshot", "restore",
                TestFiles.snapshot("B.db").toString(), "--name", "r1", "--data-dir", data.toString(),
                "--initial-cluster", RestoredCluster.initialCluster(seats), "--initial-cluster-token", "tok34",
                "--initial-advertise-peer-urls", seats.get(0).peerUrl()), null);
        assertEquals(0, restore.exitCode(), restore.toString());
        try (RestoredCluster cluster = RestoredCluster.boot(ETCD34, seats, List.of(data), "tok34")) {
            Jetcdctl client = Jetcdctl.create().withGlobalArgs(List.of("--endpoints=" + cluster.endpointsFlag()));
            ProcessResult count = client.run("get", "", "--prefix", "--count-only", "-w", "fields");
            assertEquals(0, count.exitCode(), count.toString());
            assertEquals(true, count.stdoutText().contains("\"Count\" : 1819\n"), count.toString());
            ProcessResult members = client.run("member", "list");
            assertEquals(true, members.stdoutText().contains(", started, r1, " + seats.get(0).peerUrl()),
                    members.toString());
        }
    }
}
