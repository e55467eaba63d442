package io.github.jetcdctl.cli.snapshot;

import static io.github.jetcdctl.testing.SideBySide.assertSameResult;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.jetcdctl.testing.EtcdBinaries;
import io.github.jetcdctl.testing.Etcdctl;
import io.github.jetcdctl.testing.Etcdutl;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.LineClusters;

/**
 * {@code snapshot status} of snapshots taken from servers of every line, printed as each line's etcdutl prints it
 * (3.6 counts live keys and adds the storage version; 3.7 draws its table with box characters).
 */
class SnapshotStatusPerLineGoldenTest {
    static List<String> releases() {
        return EtcdBinaries.LINE_RELEASES;
    }

    @ParameterizedTest
    @MethodSource("releases")
    void everyEtcdutlLineReadsThisServersSnapshotAsJetcdctlDoes(String server, @TempDir Path dir) {
        Etcdctl etcdctl = LineClusters.etcdctl(server, server);
        for (int i = 0; i < 20; i++) {
            etcdctl.run("put", "status-lines/" + (i % 7), "value " + i);
        }
        etcdctl.run("del", "status-lines/3");
        Path snapshot = dir.resolve("snap.db");
        etcdctl.run("snapshot", "save", snapshot.toString());
        for (String tool : EtcdBinaries.LINE_RELEASES) {
            Etcdutl etcdutl = Etcdutl.of(EtcdBinaries.forTest(tool));
            Jetcdctl jetcdctl = Jetcdctl.create().forLine(EtcdBinaries.lineOf(tool));
            for (String format : List.of("simple", "json", "fields", "table")) {
                List<String> args = List.of("snapshot", "status", snapshot.toString(), "-w", format);
                assertSameResult(etcdutl.run(args), jetcdctl.run(args, null),
                        "etcdutl " + tool + " on a snapshot of etcd " + server + ": " + args);
            }
        }
    }
}
