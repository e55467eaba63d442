package io.github.jetcdctl.snapshot.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import io.github.jetcdctl.snapshot.TestFiles;
import io.github.jetcdctl.testing.EtcdBinaries;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real etcdutl 3.5.16 on the shared snapshots and compares its whole WAL and .snap files, and their modes,
 * with ours. Pinned to 3.5 whatever line the suite runs: jetcdctl writes etcdutl 3.5's bytes on every line (etcdutl
 * 3.6's {@code .snap} differs by its v2 store's {@code "getsFail":1}, see README, "Deliberate differences"); the
 * restores of the newer lines are booted and compared in {@code SnapshotRestoreLinesTest}.
 */
class RealEtcdutlTest {
    private static final Path ETCDUTL = EtcdBinaries.find(EtcdBinaries.V3_5).etcdutl();
    private static final Path SNAPSHOTS = TestFiles.snapshot("A.db").getParent();

    @TempDir
    Path tmp;

    private void compare(String db, RestoreConfig cfg, boolean separateWal) throws Exception {
        Path theirs = tmp.resolve("theirs");
        Path theirWal = tmp.resolve("theirs-wal");
        List<String> cmd = new ArrayList<>(List.of(ETCDUTL.toString(), "snapshot", "restore", SNAPSHOTS.resolve(db).toString(),
                "--name", cfg.name(), "--initial-cluster", cfg.initialCluster(),
                "--initial-cluster-token", cfg.initialClusterToken(),
                "--initial-advertise-peer-urls", cfg.initialAdvertisePeerUrls(), "--data-dir", theirs.toString()));
        if (separateWal) {
            cmd.addAll(List.of("--wal-dir", theirWal.toString()));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("log").toFile()).start();
        assertEquals(0, p.waitFor(), () -> readLog());

        Path ours = tmp.resolve("ours");
        Path ourWal = tmp.resolve("ours-wal");
        ClusterPlan plan = cfg.plan();
        RaftDirWriter.Result r = RaftDirWriter.write(ours, separateWal ? ourWal : null, plan);

        Path tw = (separateWal ? theirWal : RaftDirWriter.defaultWalDir(theirs)).resolve(RestoreWal.FILE_NAME);
        Path ts = RaftDirWriter.snapDir(theirs).resolve(r.snapFile().getFileName().toString());
        assertEquals(-1L, Files.mismatch(tw, r.walFile()), "WAL");
        assertEquals(-1L, Files.mismatch(ts, r.snapFile()), ".snap");
        assertEquals(RaftDirWriterTest.mode(tw), RaftDirWriterTest.mode(r.walFile()));
        assertEquals(RaftDirWriterTest.mode(ts), RaftDirWriterTest.mode(r.snapFile()));
        assertEquals(RaftDirWriterTest.mode(tw.getParent()), RaftDirWriterTest.mode(r.walFile().getParent()));
        assertEquals(RaftDirWriterTest.mode(theirs), RaftDirWriterTest.mode(ours));
        assertEquals(RaftDirWriterTest.mode(theirs.resolve("member")), RaftDirWriterTest.mode(ours.resolve("member")));
        assertEquals(RaftDirWriterTest.mode(ts.getParent()), RaftDirWriterTest.mode(r.snapFile().getParent()));
    }

    private String readLog() {
        try {
            return Files.readString(tmp.resolve("log"));
        } catch (Exception e) {
            return e.toString();
        }
    }

    @Test
    void a1() throws Exception {
        compare("A.db", new RestoreConfig("r1", "r1=http://127.0.0.1:23390", "tokA", "http://127.0.0.1:23390"), false);
    }

    @Test
    void b3m1() throws Exception {
        compare("B.db", b3("m1", 23391), false);
    }

    @Test
    void b3m2() throws Exception {
        compare("B.db", b3("m2", 23393), false);
    }

    @Test
    void b3m3() throws Exception {
        compare("B.db", b3("m3", 23395), true);
    }

    @Test
    void defaults() throws Exception {
        compare("A.db", RestoreConfig.defaults(), true);
    }

    private static RestoreConfig b3(String name, int port) {
        return new RestoreConfig(name, "m1=http://127.0.0.1:23391,m2=http://127.0.0.1:23393,m3=http://127.0.0.1:23395",
                "tok3", "http://127.0.0.1:" + port);
    }
}
