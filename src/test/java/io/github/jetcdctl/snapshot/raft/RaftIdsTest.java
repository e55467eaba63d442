package io.github.jetcdctl.snapshot.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RaftIdsTest {
    private static long id(String token, String... urls) {
        return RaftIds.memberId(List.of(urls), token);
    }

    @Test
    void defaults() {
        long m = id("etcd-cluster", "http://localhost:2380");
        assertEquals("8e9e05c52164694d", RaftIds.hex(m));
        assertEquals("cdf818194e3a8c32", RaftIds.hex(RaftIds.clusterId(List.of(m))));
    }

    @Test
    void a1() {
        long m = id("tokA", "http://127.0.0.1:23390");
        assertEquals("ecff9cfff5f24892", RaftIds.hex(m));
        assertEquals("17077540935169099922", Long.toUnsignedString(m));
        assertEquals("787863c388be3479", RaftIds.hex(RaftIds.clusterId(List.of(m))));
    }

    @Test
    void b3() {
        long m1 = id("tok3", "http://127.0.0.1:23391");
        long m2 = id("tok3", "http://127.0.0.1:23393");
        long m3 = id("tok3", "http://127.0.0.1:23395");
        assertEquals("2c6418a3a51ce1ce", RaftIds.hex(m1));
        assertEquals("8763d3456d5ab006", RaftIds.hex(m2));
        assertEquals("1829c459d06fefb7", RaftIds.hex(m3));
        long c = RaftIds.clusterId(List.of(m2, m1, m3)); // order of input does not matter
        assertEquals("be159338b7d7d2b0", RaftIds.hex(c));
        assertEquals("13697015713529057968", Long.toUnsignedString(c));
    }

    @Test
    void oddInputs() {
        String tok = "tok \"quoted\"";
        long x = id(tok, "http://127.0.0.2:23390", "http://127.0.0.1:23390");
        long u = id(tok, "http://127.0.0.1:23392");
        long q = id(tok, "https://[::1]:23394");
        assertEquals("35409dec3435899c", RaftIds.hex(x));
        assertEquals("2a51690cada10bea", RaftIds.hex(u));
        assertEquals("9fe7095e92f074a", RaftIds.hex(q));
        assertEquals("41fd9fbcc139b0ae", RaftIds.hex(RaftIds.clusterId(List.of(x, u, q))));
    }

    @Test
    void liveServer() {
        long m = id("tok-live1", "http://127.0.0.1:23380");
        assertEquals("f4d4a4615102f301", RaftIds.hex(m));
        assertEquals("deb520c331afcff3", RaftIds.hex(RaftIds.clusterId(List.of(m))));
    }
}
