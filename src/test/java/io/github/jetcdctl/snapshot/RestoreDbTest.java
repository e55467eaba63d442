package io.github.jetcdctl.snapshot;

import io.github.jetcdctl.snapshot.bbolt.BoltCursor;
import io.github.jetcdctl.snapshot.bbolt.BoltReader;
import io.github.jetcdctl.snapshot.raft.ClusterPlan;
import io.github.jetcdctl.snapshot.raft.Member;
import io.github.jetcdctl.snapshot.raft.RestoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RestoreDbTest {
    @TempDir
    Path dir;

    static ClusterPlan a1() throws Exception {
        return new RestoreConfig("r1", "r1=http://127.0.0.1:23390", "tokA", "http://127.0.0.1:23390").plan();
    }

    static ClusterPlan b3(String name, int port) throws Exception {
        return new RestoreConfig(name,
                "m1=http://127.0.0.1:23391,m2=http://127.0.0.1:23393,m3=http://127.0.0.1:23395", "tok3",
                "http://127.0.0.1:" + port).plan();
    }

    static Map<String, String> bucket(Path db, String name) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        try (BoltReader r = BoltReader.open(db)) {
            BoltCursor c = r.rootCursor();
            assertTrue(c.seekForward(name.getBytes(StandardCharsets.US_ASCII)), "bucket " + name);
            BoltCursor b = c.bucketCursor();
            while (b.next()) {
                out.put(new String(b.key(), StandardCharsets.ISO_8859_1), HexFormat.of().formatHex(b.value()));
            }
        }
        return out;
    }

    @Test
    void a1MatchesEtcdutl35() throws Exception {
        Path out = dir.resolve("db");
        RestoreDb.Result res = RestoreDb.restore(TestFiles.snapshot("A.db"), out, RestoreDb.Options.of(a1()));
        assertEquals(6, res.latestRevision());
        // etcdutl 3.5.30 / 3.5.16: {"hash":1264477029,"revision":6,"totalKey":11,"totalSize":20480}
        SnapshotStatus s = SnapshotStatusReader.read(out);
        assertEquals(1264477029L, s.hash());
        assertEquals(6, s.revision());
        assertEquals(11, s.totalKey());
        assertEquals(res.totalSize(), s.totalSize());
        assertEquals(Map.of("ecff9cfff5f24892", HexFormat.of().formatHex(
                "{\"id\":17077540935169099922,\"peerURLs\":[\"http://127.0.0.1:23390\"],\"name\":\"r1\"}"
                        .getBytes(StandardCharsets.UTF_8))), bucket(out, "members"));
        assertEquals(Map.of(), bucket(out, "members_removed"));
        Map<String, String> meta = bucket(out, "meta");
        assertEquals("0000000000000001", meta.get("consistent_index"));
        assertEquals("0000000000000001", meta.get("term"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    }

    @Test
    void a1BumpedMatchesEtcdutl35() throws Exception {
        Path out = dir.resolve("db");
        RestoreDb.Result res = RestoreDb.restore(TestFiles.snapshot("A.db"), out,
                RestoreDb.Options.of(a1()).withBump(1000));
        assertEquals(6, res.latestRevision());
        assertEquals(1006, res.bumpedRevision());
        SnapshotStatus s = SnapshotStatusReader.read(out);
        assertEquals(new SnapshotStatus(2438643164L, 1006, 13, s.totalSize(), s.liveKeys(), ""), s);
        assertEquals("00000000000003ee5f0000000000000000", bucket(out, "meta").get("scheduledCompactRev"));
        assertEquals("", bucket(out, "key").get(new String(RestoreDb.revBytes(1006, 0), StandardCharsets.ISO_8859_1)));
    }

    @Test
    void b3MatchesEtcdutl35ForEveryMember() throws Exception {
        String[] names = {"m1", "m2", "m3"};
        int[] ports = {23391, 23393, 23395};
        List<byte[]> dbs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path out = dir.resolve("db" + i);
            RestoreDb.restore(TestFiles.snapshot("B.db"), out, RestoreDb.Options.of(b3(names[i], ports[i])));
            SnapshotStatus s = SnapshotStatusReader.read(out);
            assertEquals(3734068476L, s.hash());
            assertEquals(2780, s.revision());
            assertEquals(2069, s.totalKey());
            dbs.add(Files.readAllBytes(out));
            assertEquals(List.of("1829c459d06fefb7", "2c6418a3a51ce1ce", "8763d3456d5ab006"),
                    new ArrayList<>(bucket(out, "members").keySet()));
        }
        assertArrayEquals(dbs.get(0), dbs.get(1));
        assertArrayEquals(dbs.get(0), dbs.get(2));
    }

    @Test
    void cRestoreKeepsAuthAndOverflowValues() throws Exception {
        Path out = dir.resolve("db");
        ClusterPlan plan = new RestoreConfig("c1", "c1=http://127.0.0.1:23382", "tok-live2",
                "http://127.0.0.1:23382").plan();
        RestoreDb.restore(TestFiles.snapshot("C.db"), out, RestoreDb.Options.of(plan));
        Path src = TestFiles.snapshot("C.db");
        for (String b : List.of("auth", "authRoles", "authUsers", "key", "lease", "alarm", "cluster")) {
            assertEquals(bucket(src, b), bucket(out, b), b);
        }
        assertEquals(1, bucket(out, "members").size());
    }

    @Test
    void hashChecks() throws Exception {
        Path out = dir.resolve("db");
        byte[] a = TestFiles.bytes("A.db");
        byte[] flipped = a.clone();
        flipped[9000] ^= 1;
        Path f = TestFiles.write(dir, "flip.db", flipped);
        SnapshotFormatException e = assertThrows(SnapshotFormatException.class,
                () -> RestoreDb.restore(f, out, RestoreDb.Options.of(a1())));
        assertTrue(e.getMessage().startsWith("expected sha256 [106 231 47 50 "), e.getMessage());
        assertTrue(e.getMessage().endsWith("123 121 43 88]"), e.getMessage());
        assertFalse(Files.exists(out));
        // with --skip-hash-check the damaged (but structurally fine) file restores
        RestoreDb.restore(f, out, RestoreDb.Options.of(a1()).withSkipHashCheck(true));
        assertEquals(1264477029L, SnapshotStatusReader.read(out).hash());

        Path raw = TestFiles.snapshot("A1-etcdctl-3.4.23.db");
        assertEquals("snapshot missing hash but --skip-hash-check=false", assertThrows(SnapshotFormatException.class,
                () -> RestoreDb.restore(raw, dir.resolve("db2"), RestoreDb.Options.of(a1()))).getMessage());
        Path tiny = TestFiles.write(dir, "tiny.db", new byte[16]);
        assertEquals("seek " + tiny + ": invalid argument", assertThrows(SnapshotFormatException.class,
                () -> RestoreDb.restore(tiny, dir.resolve("db3"), RestoreDb.Options.of(a1()))).getMessage());
        // truncated + skip-hash-check: a clean error and no output left behind
        Path trunc = TestFiles.write(dir, "trunc.db", java.util.Arrays.copyOf(a, 12288));
        assertThrows(SnapshotFormatException.class, () -> RestoreDb.restore(trunc, dir.resolve("db4"),
                RestoreDb.Options.of(a1()).withSkipHashCheck(true)));
        assertFalse(Files.exists(dir.resolve("db4")));
    }

    @Test
    void bumpRequiresMarkCompacted() {
        assertThrows(IllegalArgumentException.class,
                () -> new RestoreDb.Options(List.<Member>of(), 1, 1, 5, false, false));
        assertThrows(IllegalArgumentException.class,
                () -> new RestoreDb.Options(List.<Member>of(), 1, 1, 0, true, false));
    }

    @Test
    void damagedSourcesFailCleanlyAndLeaveNothing() throws Exception {
        byte[] b = TestFiles.bytes("B.db");
        java.util.Random rnd = new java.util.Random(3);
        ClusterPlan plan = a1();
        int failures = 0;
        for (int i = 0; i < 300; i++) {
            byte[] c = b.clone();
            int page = rnd.nextInt(b.length / 4096);
            c[page * 4096 + rnd.nextInt(rnd.nextBoolean() ? 128 : 4096)] = (byte) rnd.nextInt(256);
            Path src = TestFiles.write(dir, "dmg.db", c);
            Path data = dir.resolve("data" + i);
            try {
                SnapshotRestore.restore(src, data, null, plan, 0, true);
                assertTrue(Files.exists(data.resolve("member/snap/db")));
            } catch (SnapshotFormatException e) {
                failures++;
                assertFalse(e.getMessage().contains("\n"));
                assertFalse(Files.exists(data), "partial data dir left for: " + e.getMessage());
            }
        }
        assertTrue(failures > 0);
    }
}
