package io.github.jetcdctl.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DisplayWidthTest {

    @Test
    void asciiAndLatinCountOne() {
        assertEquals(5, DisplayWidth.of("n<&>é"));
        assertEquals(0, DisplayWidth.of(""));
    }

    @Test
    void eastAsianWideAndFullWidthCountTwo() {
        assertEquals(6, DisplayWidth.of("日本語"));
        assertEquals(2, DisplayWidth.of("ａ"));
        assertEquals(2, DisplayWidth.of("😀"));
        assertEquals(2, DisplayWidth.of("\u3000"));
    }

    @Test
    void combiningAndControlCharactersCountZero() {
        assertEquals(1, DisplayWidth.of("e\u0301"));
        assertEquals(0, DisplayWidth.of("\u0000\u001f\u007f\u200b\ufeff"));
    }

    @Test
    void narrowCharactersAboveLatin1MisfiledAsZeroWidthByTheLibrary() {
        assertEquals(0, DisplayWidth.of("\u27e6\u2985"));
    }

    @Test
    void ambiguousWidthCountsOne() {
        assertEquals(1, DisplayWidth.of("\u00b1"));
    }

    @Test
    void ansiColourSequencesAreIgnoredOnlyByTheFullMeasure() {
        assertEquals(3, DisplayWidth.of("\u001b[31mred\u001b[0m"));
        assertEquals(10, DisplayWidth.ofCharacters("\u001b[31mred\u001b[0m"));
    }
}
