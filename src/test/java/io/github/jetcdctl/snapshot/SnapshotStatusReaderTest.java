package io.github.jetcdctl.snapshot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnapshotStatusReaderTest {

    @ParameterizedTest
    @CsvSource({
            // values printed by etcdutl 3.5.16 / etcdctl 3.4.23 (testdata README); live keys by etcdutl 3.6.17
            "A.db, 1356156046, 6, 10, 20480, 2",
            "B.db, 889838252, 2780, 2066, 712704, 1819",
            "C.db, 2169716080, 8, 20, 118784, 7",
            "A1-etcdctl-3.4.23.db, 3378309045, 6, 10, 20480, 2",
    })
    void matchesEtcdutl(String file, long hash, long rev, long keys, long size, long liveKeys) throws Exception {
        SnapshotStatus s = SnapshotStatusReader.read(TestFiles.snapshot(file), true);
        assertEquals(new SnapshotStatus(hash, rev, keys, size, liveKeys, ""), s);
        assertEquals(new SnapshotStatus(hash, rev, keys, size, -1, ""),
                SnapshotStatusReader.read(TestFiles.snapshot(file)));
    }

    @Test
    void json() throws Exception {
        assertEquals("{\"hash\":889838252,\"revision\":2780,\"totalKey\":2066,\"totalSize\":712704}",
                SnapshotStatusReader.read(TestFiles.snapshot("B.db")).toJson());
    }

    @Test
    void trailerDetection() throws Exception {
        try (SnapshotFile f = SnapshotFile.open(TestFiles.snapshot("A.db"))) {
            assertTrue(f.hasSha256Trailer());
            assertEquals(20480, f.dbLength());
            assertTrue(f.verifySha256());
        }
        try (SnapshotFile f = SnapshotFile.open(TestFiles.snapshot("A1-etcdctl-3.4.23.db"))) {
            assertFalse(f.hasSha256Trailer());
            assertEquals(20480, f.dbLength());
            assertFalse(f.verifySha256());
        }
    }

    @Test
    void valueByteFlipChangesHashOnlyAndBreaksSha(@TempDir Path dir) throws Exception {
        byte[] a = TestFiles.bytes("A.db");
        // offset 9000 is inside the sequence field of the inline members bucket header: not hashed by status
        byte[] b = a.clone();
        b[9000] ^= 0x01;
        Path p = TestFiles.write(dir, "flip.db", b);
        assertEquals(1356156046L, SnapshotStatusReader.read(p).hash());
        try (SnapshotFile f = SnapshotFile.open(p)) {
            assertFalse(f.verifySha256());
            byte[] stored = f.storedSha256();
            assertEquals("[]", SnapshotFile.goBytes(Arrays.copyOf(a, 0)));
            assertEquals("[106 231 47 50 113 83 234 15 16 97 231 219 76 235 44 174 127 175 169 161 239 3 28 104 81 186"
                    + " 168 75 139 10 205 230]", SnapshotFile.goBytes(stored));
            assertEquals("[148 94 83 132 215 145 23 238 167 110 39 13 222 54 133 46 221 165 237 37 46 87 103 18 161 35"
                    + " 25 86 123 121 43 88]", SnapshotFile.goBytes(f.computeSha256()));
        }
    }

    @Test
    void missingFile(@TempDir Path dir) {
        NoSuchFileException e = assertThrows(NoSuchFileException.class,
                () -> SnapshotStatusReader.read(dir.resolve("nope.db")));
        assertTrue(e.getMessage().contains("no such file or directory"));
    }
}
