package io.github.jetcdctl.snapshot.raft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RaftDirWriterTest {
    @TempDir
    Path tmp;

    static void assertWalFile(Path wal, byte[] records) throws IOException {
        assertEquals(RestoreWal.SEGMENT_SIZE, Files.size(wal));
        try (InputStream in = Files.newInputStream(wal)) {
            assertArrayEquals(records, in.readNBytes(records.length));
            byte[] buf = new byte[1 << 20];
            long zeros = records.length;
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] != 0) {
                        throw new AssertionError("non-zero byte at " + (zeros + i));
                    }
                }
                zeros += n;
            }
            assertEquals(RestoreWal.SEGMENT_SIZE, zeros);
        }
    }

    static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void a1Layout() throws Exception {
        Path data = tmp.resolve("A1");
        ClusterPlan plan = new RestoreConfig("r1", "r1=http://127.0.0.1:23390", "tokA", "http://127.0.0.1:23390").plan();
        RaftDirWriter.Result r = RaftDirWriter.write(data, null, plan);
        assertEquals(data.resolve("member/snap/0000000000000001-0000000000000001.snap"), r.snapFile());
        assertEquals(data.resolve("member/wal/0000000000000000-0000000000000000.wal"), r.walFile());
        assertArrayEquals(Vectors.resource("A1.0000000000000001-0000000000000001.snap"), Files.readAllBytes(r.snapFile()));
        assertWalFile(r.walFile(), Vectors.resource("A1.wal-records.bin"));
        for (Path d : new Path[] {data, data.resolve("member"), data.resolve("member/snap"), data.resolve("member/wal")}) {
            assertEquals("rwx------", mode(d), d.toString());
        }
        assertEquals("rw-------", mode(r.walFile()));
        try (Stream<Path> s = Files.list(data.resolve("member/wal"))) {
            assertEquals(1, s.count());
        }
    }

    @Test
    void b3EveryMember() throws Exception {
        String ic = "m1=http://127.0.0.1:23391,m2=http://127.0.0.1:23393,m3=http://127.0.0.1:23395";
        byte[] snap = Vectors.resource("B3.0000000000000001-0000000000000003.snap");
        for (int i = 1; i <= 3; i++) {
            Path data = tmp.resolve("B3-m" + i);
            ClusterPlan plan = new RestoreConfig("m" + i, ic, "tok3", "http://127.0.0.1:" + (23389 + 2 * i)).plan();
            RaftDirWriter.Result r = RaftDirWriter.write(data, null, plan);
            assertEquals("0000000000000001-0000000000000003.snap", r.snapFile().getFileName().toString());
            assertArrayEquals(snap, Files.readAllBytes(r.snapFile()));
            assertWalFile(r.walFile(), Vectors.resource("B3-m" + i + ".wal-records.bin"));
        }
    }

    @Test
    void separateWalDir() throws Exception {
        Path data = tmp.resolve("W1");
        Path wal = tmp.resolve("Wwal");
        RaftDirWriter.Result r = RaftDirWriter.write(data, wal, RestoreConfig.defaults().plan());
        assertEquals(wal.resolve(RestoreWal.FILE_NAME), r.walFile());
        assertFalse(Files.exists(data.resolve("member/wal")));
        assertEquals("rwx------", mode(wal));
        assertWalFile(r.walFile(), Vectors.resource("D1.wal-records.bin"));
        assertArrayEquals(Vectors.resource("D1.0000000000000001-0000000000000001.snap"), Files.readAllBytes(r.snapFile()));
    }

    @Test
    void existingEmptyDataDirIsUsed() throws Exception {
        Path data = Files.createDirectory(tmp.resolve("empty"));
        RaftDirWriter.checkTargets(data.toString(), null);
        RaftDirWriter.write(data, null, RestoreConfig.defaults().plan());
        assertTrue(Files.isRegularFile(data.resolve("member/wal/" + RestoreWal.FILE_NAME)));
    }

    @Test
    void targetChecks() throws Exception {
        Path d3 = Files.createDirectories(tmp.resolve("d3/x"));
        String msg = assertThrows(RestoreConfigException.class,
                () -> RaftDirWriter.checkTargets(tmp.resolve("d3").toString(), null)).getMessage();
        assertEquals("data-dir \"" + tmp.resolve("d3") + "\" not empty or could not be read", msg);
        Path file = Files.writeString(tmp.resolve("f"), "x");
        assertThrows(RestoreConfigException.class, () -> RaftDirWriter.checkTargets(file.toString(), null));
        Path w5 = Files.createDirectory(tmp.resolve("w5"));
        msg = assertThrows(RestoreConfigException.class,
                () -> RaftDirWriter.checkTargets(tmp.resolve("new").toString(), w5.toString())).getMessage();
        assertEquals("wal-dir \"" + w5 + "\" exists", msg);
        RaftDirWriter.checkTargets(tmp.resolve("new").toString(), tmp.resolve("w6").toString());
        assertTrue(Files.isDirectory(d3));
    }

    @Test
    void walTailIsZeroAfterRecords() {
        byte[] rec = RestoreWal.records(Vectors.a1());
        assertEquals(0, rec.length % 8);
        assertFalse(Arrays.equals(new byte[8], Arrays.copyOfRange(rec, rec.length - 8, rec.length)));
    }
}
