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
}
