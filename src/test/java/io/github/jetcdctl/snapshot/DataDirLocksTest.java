package io.github.jetcdctl.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.github.jetcdctl.testing.EtcdClusterExtension;
import io.github.jetcdctl.testing.Ports;

/**
 * {@link LockHolders} and {@link WalLocks} against a real etcd 3.5: bbolt's flock on the db is found, with etcd's
 * pid, though Java's own locks cannot see it; etcd's WAL locks conflict with ours; and an etcd started while we hold
 * the WAL locks stops instead of serving.
 */
class DataDirLocksTest {
    @RegisterExtension
    static final EtcdClusterExtension ETCD = EtcdClusterExtension.single();

    @TempDir
    Path dir;

    @Test
    void findsTheFlockOfARunningEtcdOnItsDbAndNothingOnceItStopped() throws IOException {
        var member = ETCD.cluster().member(0);
        Path db = member.dataDir().resolve("member/snap/db");
        Optional<LockHolders.Holder> holder = LockHolders.find(db);
        assertTrue(holder.isPresent(), "no lock found on " + db);
        assertEquals("FLOCK", holder.get().kind());
        assertEquals(member.pid(), holder.get().pid());
        assertEquals("process " + member.pid() + " (etcd)", holder.get().describe());
        assertThrows(OfflineDefrag.InUseException.class, () -> WalLocks.acquire(member.dataDir().resolve("member/wal"))
                .close());
        member.stop();
        try {
            assertEquals(Optional.empty(), LockHolders.find(db));
            WalLocks.acquire(member.dataDir().resolve("member/wal")).close();
        } finally {
            member.start();
        }
    }

    @Test
    void anEtcdStartedWhileWeHoldTheWalLocksStopsAtOnce() throws Exception {
        var member = ETCD.cluster().member(0);
        member.stop();
        try (WalLocks held = WalLocks.acquire(member.dataDir().resolve("member/wal"))) {
            int client = Ports.freePort();
            int peer = Ports.freePort();
            Path log = dir.resolve("etcd.log");
            String etcdBinary = ETCD.cluster().binaries().etcd().toString();
            ProcessBuilder pb = new ProcessBuilder(etcdBinary, "--name=" + member.name(),
                    "--data-dir=" + member.dataDir(), "--listen-client-urls=http://127.0.0.1:" + client,
                    "--advertise-client-urls=http://127.0.0.1:" + client, "--listen-peer-urls=http://127.0.0.1:" + peer,
                    "--initial-advertise-peer-urls=http://127.0.0.1:" + peer, "--log-level=error");
            pb.environment().keySet().removeIf(name -> name.startsWith("ETCD"));
            pb.redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(new File("/dev/null"));
            Process etcd = pb.start();
            try {
                assertTrue(etcd.waitFor(30, TimeUnit.SECONDS), "etcd kept running on a data dir whose WAL we lock");
                assertEquals(1, etcd.exitValue());
                String text = Files.readString(log);
                assertTrue(text.contains("failed to open WAL") && text.contains("file already locked"), text);
            } finally {
                etcd.destroyForcibly().waitFor();
            }
        } finally {
            member.start();
        }
    }

    @Test
    void readsProcLocksByTheKeyOfItsOwnMarker() {
        List<String> procLocks = List.of(
                "1: POSIX  ADVISORY  READ 4242 fe:00:77 4179340454199820289 4179340454199820289",
                "2: OFDLCK ADVISORY  WRITE -1 fe:00:78 0 EOF",
                "3: POSIX  ADVISORY  WRITE 99 fe:00:77 0 EOF",
                "4: FLOCK  ADVISORY  WRITE 1442 fe:00:77 0 EOF",
                "4: -> FLOCK  ADVISORY  WRITE 1500 fe:00:77 0 EOF",
                "5: FLOCK  ADVISORY  WRITE 1443 fe:01:77 0 EOF");
        Optional<LockHolders.Holder> holder = LockHolders.holderOtherThan(procLocks, "4179340454199820289");
        assertEquals("FLOCK", holder.orElseThrow().kind());
        assertEquals(1442, holder.get().pid());
        // no marker line: nothing can be said
        assertEquals(Optional.empty(), LockHolders.holderOtherThan(procLocks, "12"));
        // only our marker on the inode
        assertEquals(Optional.empty(), LockHolders.holderOtherThan(List.of(procLocks.get(0), procLocks.get(4),
                procLocks.get(5)), "4179340454199820289"));
        // an OFD lock shows pid -1: the holder is unknown
        assertEquals("another process", LockHolders.holderOtherThan(List.of(procLocks.get(0),
                "2: OFDLCK ADVISORY  WRITE -1 fe:00:77 0 EOF"), "4179340454199820289").orElseThrow().describe());
    }

    @Test
    void aFileNobodyLocksHasNoHolder() throws IOException {
        Path file = Files.write(dir.resolve("plain"), new byte[] {1});
        assertEquals(Optional.empty(), LockHolders.find(file));
        assertEquals(Optional.empty(), LockHolders.find(dir.resolve("missing")));
    }
}
