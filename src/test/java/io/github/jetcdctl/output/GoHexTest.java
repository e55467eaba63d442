package io.github.jetcdctl.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GoHexTest {

    @Test
    void escapedBytes() {
        assertEquals("\\x66\\x6f\\x6f", GoHex.escapedBytes("foo".getBytes()));
        assertEquals("\\x76\\x0a", GoHex.escapedBytes("v\n".getBytes()));
        assertEquals("\\x00\\xff", GoHex.escapedBytes(new byte[] {0, (byte) 0xff}));
        assertEquals("", GoHex.escapedBytes(new byte[0]));
    }

    @Test
    void unsignedIdsHaveNoPadding() {
        assertEquals("8db2bf89f6dedf0", GoHex.unsigned(0x8db2bf89f6dedf0L));
        assertEquals("e62175b8e074294d", GoHex.unsigned(Long.parseUnsignedLong("16582664739855018317")));
        assertEquals("0", GoHex.unsigned(0));
    }

    @Test
    void leaseIdsAreZeroPadded() {
        assertEquals("0000000000001234", GoHex.zeroPadded16(0x1234));
        assertEquals("7a79a2185f2e912f", GoHex.zeroPadded16(0x7a79a2185f2e912fL));
        assertEquals("-000000000000001", GoHex.zeroPadded16(-1));
        assertEquals("-8000000000000000", GoHex.zeroPadded16(Long.MIN_VALUE));
    }

    @Test
    void memberIdsInMessagesAreSpacePadded() {
        assertEquals(
                "Member  8db2bf89f6dedf0 added to cluster 6c8511eddaf8ecc7",
                "Member " + GoHex.spacePadded16(0x8db2bf89f6dedf0L)
                        + " added to cluster " + GoHex.spacePadded16(0x6c8511eddaf8ecc7L));
        assertEquals("               0", GoHex.spacePadded16(0));
    }
}
