package io.github.jetcdctl.help;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Go's tab writer as etcdctl sets it up: tab padding to multiples of eight, per block of consecutive lines. */
class GoTabWriterTest {
    @Test
    void aColumnIsPaddedWithTabsToTheWidestCellPlusOne() {
        // "member promote" is 16 wide with the indent: 17 rounds up to 24, so "get" (5) needs three tabs
        assertEquals("  get\t\t\tGets\n  member promote\tPromotes\n",
                GoTabWriter.format("  get\tGets\n  member promote\tPromotes\n"));
    }

    @Test
    void aCellOfExactlyAMultipleOfEightReachesTheColumnWithOneTab() {
        // 8 wide plus one of padding makes 16; from 8 one tab reaches it (etcdctl's "  role revoke-permission")
        assertEquals("12345678\tx\nab\t\ty\n", GoTabWriter.format("12345678\tx\nab\ty\n"));
    }

    @Test
    void aLineWithoutTabsEndsTheBlock() {
        assertEquals("a\tx\n\nlong-cell-text\ty\n", GoTabWriter.format("a\tx\n\nlong-cell-text\ty\n"));
    }

    @Test
    void anEmptyFirstCellIsAnIndentOfOneTab() {
        // etcdctl 3.5 indents with a cell of its own: "\tget\t\t\tGets"
        assertEquals("\tget\t\tGets\n\tmember list\tLists\n",
                GoTabWriter.format("\tget\tGets\n\tmember list\tLists\n"));
    }

    @Test
    void cellWidthCountsCharactersNotBytes() {
        assertEquals("µµµµµµµ\tx\nab\ty\n", GoTabWriter.format("µµµµµµµ\tx\nab\ty\n"));
    }
}
