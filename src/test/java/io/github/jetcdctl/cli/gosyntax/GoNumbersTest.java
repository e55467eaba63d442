package io.github.jetcdctl.cli.gosyntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GoNumbersTest {
    @Test
    void parsesSignedHexLeaseIds() {
        assertEquals(0x1234L, GoNumbers.parseInt("1234", 16));
        assertEquals(0x7fffffffffffffffL, GoNumbers.parseInt("7fffffffffffffff", 16));
        assertEquals(-1L, GoNumbers.parseInt("-1", 16));
    }

    @Test
    void reportsOutOfRangeLikeGo() {
        var e = assertThrows(NumberFormatException.class, () -> GoNumbers.parseInt("8000000000000000", 16));
        assertEquals("strconv.ParseInt: parsing \"8000000000000000\": value out of range", e.getMessage());
    }

    @Test
    void reportsSyntaxErrorsLikeGo() {
        var e = assertThrows(NumberFormatException.class, () -> GoNumbers.parseInt("zz", 16));
        assertEquals("strconv.ParseInt: parsing \"zz\": invalid syntax", e.getMessage());
        var u = assertThrows(NumberFormatException.class, () -> GoNumbers.parseUint("-1", 16));
        assertEquals("strconv.ParseUint: parsing \"-1\": invalid syntax", u.getMessage());
    }

    @Test
    void parsesUnsignedMemberIdsAboveTwoToTheSixtyThree() {
        assertEquals(0xe62175b8e074294dL, GoNumbers.parseUint("e62175b8e074294d", 16));
    }

    /** pflag's int flags parse with base 0: the prefix chooses the base, and underscores may separate digits. */
    @Test
    void baseZeroTakesTheBaseFromThePrefixAsGoDoes() {
        assertEquals(16L, GoNumbers.parseInt("0x10", 0));
        assertEquals(-16L, GoNumbers.parseInt("-0X10", 0));
        assertEquals(8L, GoNumbers.parseInt("010", 0));
        assertEquals(8L, GoNumbers.parseInt("0o10", 0));
        assertEquals(2L, GoNumbers.parseInt("0b10", 0));
        assertEquals(0L, GoNumbers.parseInt("0", 0));
        assertEquals(1000L, GoNumbers.parseInt("1_000", 0));
        assertEquals(255L, GoNumbers.parseUint("0x_ff", 0));
        for (String bad : new String[] {"08", "_1", "1__0", "0x", "1_", "x"}) {
            var e = assertThrows(NumberFormatException.class, () -> GoNumbers.parseInt(bad, 0), bad);
            assertEquals("strconv.ParseInt: parsing \"" + bad + "\": invalid syntax", e.getMessage());
        }
    }
}
