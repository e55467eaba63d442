package io.github.jetcdctl.cli.snapshot;

import static io.github.jetcdctl.testing.SideBySide.assertSameResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.github.jetcdctl.testing.EtcdClusterExtension;
import io.github.jetcdctl.testing.Etcdutl;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.ProcessResult;

/** snapshot save beside etcdctl 3.5: the same stdout, exit codes and errors, and a file etcdutl reads. */
class SnapshotSaveGoldenTest {
    @RegisterExtension
    static final EtcdClusterExtension ETCD = EtcdClusterExtension.single();

    @TempDir
    Path dir;

    @Test
    void savesAFileThatEtcdutlReadsLikeEtcdctlsOwn() throws Exception {
        ETCD.etcdctl().run("put", "snap/a", "1");
        ETCD.etcdctl().run("put", "snap/b", "2");
        Path theirs = dir.resolve("theirs.db");
        Path ours = dir.resolve("ours.db");
        ProcessResult expected = ETCD.etcdctl().run("snapshot", "save", theirs.toString());
        ProcessResult actual = Jetcdctl.forCluster(ETCD.cluster()).run("snapshot", "save", ours.toString());
        assertEquals(expected.stdoutText().replace(theirs.toString(), ours.toString()), actual.stdoutText());
        assertEquals(0, actual.exitCode(), actual.toString());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(ours)));
        assertFalse(Files.exists(dir.resolve("ours.db.part")));
        Etcdutl etcdutl = Etcdutl.of(ETCD.cluster().binaries());
        ProcessResult theirStatus = etcdutl.run("snapshot", "status", theirs.toString(), "-w", "json");
        ProcessResult ourStatus = etcdutl.run("snapshot", "status", ours.toString(), "-w", "json");
        assertEquals(0, ourStatus.exitCode(), ourStatus.toString());
        assertEquals(revisionAndKeys(theirStatus.stdoutText()), revisionAndKeys(ourStatus.stdoutText()));
    }

    /** The db hash covers bbolt's own transaction counters, so compare what the data determines. */
    private static String revisionAndKeys(String json) {
        return json.replaceAll("\"hash\":\\d+,", "").replaceAll("\"totalSize\":\\d+", "");
    }

    @Test
    void argumentAndEndpointErrorsMatchEtcdctl() {
        Jetcdctl jetcdctl = Jetcdctl.forCluster(ETCD.cluster());
        String missingDir = dir.resolve("missing/x.db").toString();
        for (String[] args : new String[][] {
            {"snapshot", "save"},
            {"snapshot", "save", "a.db", "b.db"},
            {"snapshot", "save", missingDir},
            {"--endpoints=127.0.0.1:1", "snapshot", "save", dir.resolve("two.db").toString()},
        }) {
            assertSameResult(ETCD.etcdctl().run(args), jetcdctl.run(args), String.join(" ", args));
        }
        assertFalse(Files.exists(dir.resolve("two.db")));
    }

    @Test
    void anUnreachableServerLeavesNoFile() {
        Path target = dir.resolve("dead.db");
        ProcessResult result = Jetcdctl.create().run("--endpoints=127.0.0.1:1", "--dial-timeout=300ms", "snapshot",
                "save", target.toString());
        assertEquals(5, result.exitCode(), result.toString());
        assertEquals("Error: context deadline exceeded\n", result.stderrText());
        assertFalse(Files.exists(target));
        assertFalse(Files.exists(dir.resolve("dead.db.part")));
    }
}
