package io.github.jetcdctl.snapshot.raft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RestoreWalTest {
    @Test
    void a1() {
        byte[] expected = Vectors.resource("A1.wal-records.bin");
        assertEquals(280, expected.length);
        assertArrayEquals(expected, RestoreWal.records(Vectors.a1()));
    }

    @Test
    void b3EachMember() {
        for (String m : new String[] {"m1", "m2", "m3"}) {
            byte[] expected = Vectors.resource("B3-" + m + ".wal-records.bin");
            assertEquals(536, expected.length);
            assertArrayEquals(expected, RestoreWal.records(Vectors.b3(m)), m);
        }
    }

    @Test
    void defaults() {
        assertArrayEquals(Vectors.resource("D1.wal-records.bin"), RestoreWal.records(Vectors.defaults()));
    }

    @Test
    void oddInputs() {
        assertArrayEquals(Vectors.resource("Q1.wal-records.bin"), RestoreWal.records(Vectors.qx("q")));
        assertArrayEquals(Vectors.resource("X1.wal-records.bin"), RestoreWal.records(Vectors.qx("x&y<z>")));
    }

    @Test
    void goJsonEscapingInMemberContext() {
        assertArrayEquals(Vectors.resource("J1.wal-records.bin"), RestoreWal.records(Vectors.j1()));
    }

    @Test
    void matches34PrefixFromSharedVectors() {
        // the first 472 bytes of B3/m2 as in spec 5.8: the metadata record
        byte[] rec = RestoreWal.records(Vectors.b3("m2"));
        assertEquals("8400000000000004", frameHex(rec, 0));
        assertEquals("0000000000000020", frameHex(rec, 16));
        assertEquals("8700000000000031", frameHex(rec, 472));
        assertEquals(536, rec.length);
        assertArrayEquals(new byte[] {0x08, 0x04, 0x10, 0x00}, Arrays.copyOfRange(rec, 8, 12));
    }

    private static String frameHex(byte[] b, int off) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return String.format("%016x", v);
    }
}
