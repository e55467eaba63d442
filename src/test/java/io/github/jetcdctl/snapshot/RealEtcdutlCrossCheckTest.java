package io.github.jetcdctl.snapshot;

import io.github.jetcdctl.snapshot.bbolt.BoltCopy;
import io.github.jetcdctl.snapshot.bbolt.BoltReader;
import io.github.jetcdctl.snapshot.bbolt.BoltWriter;
import io.github.jetcdctl.snapshot.raft.ClusterPlan;
import io.github.jetcdctl.snapshot.raft.RaftDirWriter;
import io.github.jetcdctl.snapshot.raft.RestoreConfig;
import org.junit.jupiter.api.Test;

import io.github.jetcdctl.testing.EtcdBinaries;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Side by side with the real etcdutl 3.5.16: status of the test vectors, of files our writer produced, and of dbs
 * restored by etcdutl and by us. Pinned to 3.5 whatever line the suite runs: {@link SnapshotStatus#toJson()} is
 * etcdutl 3.5's figures (3.6 counts live keys and refuses the synthetic files' values), and the restored WAL and
 * {@code .snap} are etcdutl 3.5's bytes on every line (README, "Deliberate differences"); each line's status is
 * compared in {@code SnapshotStatusPerLineGoldenTest}.
 */
class RealEtcdutlCrossCheckTest {
    private static final Path ETCDUTL = EtcdBinaries.find(EtcdBinaries.V3_5).etcdutl();

    @TempDir
    Path dir;

    static String run(Path log, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(ETCDUTL.toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "etcdutl timed out");
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    String etcdutlStatus(Path db) throws Exception {
        return run(dir.resolve("status.log"), "snapshot", "status", db.toString(), "-w", "json").trim();
    }

    /** hash, revision, totalKey (totalSize differs: our files are compact). */
    static String logical(String json) {
        return json.replaceAll(",\"totalSize\":\\d+", "");
    }

    @ParameterizedTest
    @ValueSource(strings = {"A.db", "B.db", "C.db", "A1-etcdctl-3.4.23.db"})
    void statusAndWriterAgree(String name) throws Exception {
        Path src = TestFiles.snapshot(name);
        assertEquals(etcdutlStatus(src), SnapshotStatusReader.read(src).toJson());
        for (boolean fl : new boolean[]{false, true}) {
            Path copy = dir.resolve("copy.db");
            try (BoltReader r = BoltReader.open(src); BoltWriter w = BoltWriter.create(copy, r.pageSize())) {
                w.persistEmptyFreelist(fl);
                BoltCopy.copyAll(r, w);
                w.finish(r.meta().txid() + 1);
            }
            String theirs = etcdutlStatus(copy);
            assertEquals(theirs, SnapshotStatusReader.read(copy).toJson());
            assertEquals(logical(etcdutlStatus(src)), logical(theirs));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {8192, 16384, 65536})
    void largePageSizesAccepted(int pageSize) throws Exception {
        Path out = dir.resolve("p.db");
        try (BoltWriter w = BoltWriter.create(out, pageSize)) {
            io.github.jetcdctl.snapshot.bbolt.BoltWriterTest.writeSynthetic(w, 3, 800);
            w.finish(4);
        }
        assertEquals(etcdutlStatus(out), SnapshotStatusReader.read(out).toJson());
    }

    private void compareRestore(String snap, RestoreConfig cfg, long bump) throws Exception {
        Path theirs = dir.resolve("theirs");
        List<String> args = new ArrayList<>(List.of("snapshot", "restore", TestFiles.snapshot(snap).toString(),
                "--name", cfg.name(), "--initial-cluster", cfg.initialCluster(),
                "--initial-cluster-token", cfg.initialClusterToken(),
                "--initial-advertise-peer-urls", cfg.initialAdvertisePeerUrls(), "--data-dir", theirs.toString()));
        if (bump > 0) {
            args.addAll(List.of("--bump-revision", Long.toString(bump), "--mark-compacted"));
        }
        run(dir.resolve("restore.log"), args.toArray(new String[0]));
        Path ours = dir.resolve("ours");
        ClusterPlan plan = cfg.plan();
        SnapshotRestore.Result r = SnapshotRestore.restore(TestFiles.snapshot(snap), ours, null, plan, bump, false);
        String t = etcdutlStatus(RaftDirWriter.dbFile(theirs));
        String o = etcdutlStatus(r.db());
        assertEquals(logical(t), logical(o));
        assertEquals(o, SnapshotStatusReader.read(r.db()).toJson());
        assertEquals(-1L, Files.mismatch(r.raft().walFile(), RaftDirWriter.defaultWalDir(theirs)
                .resolve(r.raft().walFile().getFileName())));
        assertEquals(-1L, Files.mismatch(r.raft().snapFile(), RaftDirWriter.snapDir(theirs)
                .resolve(r.raft().snapFile().getFileName())));
    }

    @Test
    void restoreA1() throws Exception {
        compareRestore("A.db", new RestoreConfig("r1", "r1=http://127.0.0.1:23390", "tokA",
                "http://127.0.0.1:23390"), 0);
    }

    @Test
    void restoreA1Bumped() throws Exception {
        compareRestore("A.db", new RestoreConfig("r1", "r1=http://127.0.0.1:23390", "tokA",
                "http://127.0.0.1:23390"), 1000);
    }

    @Test
    void restoreB3m2() throws Exception {
        compareRestore("B.db", new RestoreConfig("m2",
                "m1=http://127.0.0.1:23391,m2=http://127.0.0.1:23393,m3=http://127.0.0.1:23395", "tok3",
                "http://127.0.0.1:23393"), 0);
    }

    /** B's key bucket spans many pages: the bump rewrites only its rightmost path. */
    @Test
    void restoreB3m2Bumped() throws Exception {
        compareRestore("B.db", new RestoreConfig("m2",
                "m1=http://127.0.0.1:23391,m2=http://127.0.0.1:23393,m3=http://127.0.0.1:23395", "tok3",
                "http://127.0.0.1:23393"), 1_000_000_000);
    }

    @Test
    void restoreCDefaults() throws Exception {
        compareRestore("C.db", RestoreConfig.defaults(), 7);
    }

}
