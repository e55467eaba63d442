package io.github.jetcdctl.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class KeyRangesTest {
    @Test
    void incrementsTheLastByte() {
        assertArrayEquals(new byte[] {'a', 'c'}, KeyRanges.prefixEnd(new byte[] {'a', 'b'}));
    }

    @Test
    void dropsTrailingFFBytes() {
        assertArrayEquals(new byte[] {'b'}, KeyRanges.prefixEnd(new byte[] {'a', (byte) 0xff, (byte) 0xff}));
    }

    @Test
    void allFFMeansTheEndOfTheKeySpace() {
        assertArrayEquals(new byte[] {0}, KeyRanges.prefixEnd(new byte[] {(byte) 0xff}));
    }

    @Test
    void expandsPrefixAndFromKeyLikeEtcdsClient() {
        assertArrayEquals(new byte[] {'a', 'c'}, KeyRanges.expand(new byte[] {'a', 'b'}, true)[1]);
        assertArrayEquals(new byte[] {0}, KeyRanges.expand(new byte[] {'a', 'b'}, false)[1]);
        assertArrayEquals(new byte[] {0}, KeyRanges.expand(new byte[0], true)[0]);
        assertArrayEquals(new byte[] {0}, KeyRanges.expand(new byte[0], false)[1]);
    }
}
