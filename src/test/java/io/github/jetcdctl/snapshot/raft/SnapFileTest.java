package io.github.jetcdctl.snapshot.raft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SnapFileTest {
    @Test
    void a1() {
        byte[] expected = Vectors.resource("A1.0000000000000001-0000000000000001.snap");
        assertEquals(6492, expected.length);
        assertArrayEquals(expected, SnapFile.forPlan(Vectors.a1()));
        assertEquals(6459, V2StoreJson.build(Vectors.a1().members()).length);
    }

    @Test
    void b3SameForEveryMember() {
        byte[] expected = Vectors.resource("B3.0000000000000001-0000000000000003.snap");
        assertEquals(7570, expected.length);
        for (String m : new String[] {"m1", "m2", "m3"}) {
            assertArrayEquals(expected, SnapFile.forPlan(Vectors.b3(m)), m);
        }
        assertEquals(7517, V2StoreJson.build(Vectors.b3("m1").members()).length);
    }

    @Test
    void defaults() {
        byte[] expected = Vectors.resource("D1.0000000000000001-0000000000000001.snap");
        assertEquals(6490, expected.length);
        assertArrayEquals(expected, SnapFile.forPlan(Vectors.defaults()));
    }

    @Test
    void oddInputsHexOrderAndTwoUrls() {
        byte[] expected = Vectors.resource("QX.0000000000000001-0000000000000003.snap");
        assertArrayEquals(expected, SnapFile.forPlan(Vectors.qx("q")));
        assertArrayEquals(expected, SnapFile.forPlan(Vectors.qx("x&y<z>")));
    }

    @Test
    void fileName() {
        assertEquals("0000000000000001-0000000000000003.snap", SnapFile.fileName(1, 3));
    }
}
