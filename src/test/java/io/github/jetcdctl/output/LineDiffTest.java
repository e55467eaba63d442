package io.github.jetcdctl.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class LineDiffTest {
    @Test
    void equalTextsHaveNoDiff() {
        assertEquals(List.of(), LineDiff.unified("a\nb\n", "a\nb\n"));
    }

    @Test
    void aChangedLineIsRemovedThenAddedWithThreeLinesOfContext() {
        String before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        String after = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
        assertEquals(List.of("@@ -2,7 +2,7 @@", " 2", " 3", " 4", "-5", "+five", " 6", " 7", " 8"),
                LineDiff.unified(before, after));
    }

    @Test
    void distantChangesMakeTwoHunks() {
        StringBuilder before = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            before.append(i).append('\n');
        }
        String after = before.toString().replace("\n2\n", "\ntwo\n").replace("\n19\n", "\n");
        assertEquals(List.of("@@ -1,5 +1,5 @@", " 1", "-2", "+two", " 3", " 4", " 5",
                "@@ -16,5 +16,4 @@", " 16", " 17", " 18", "-19", " 20"), LineDiff.unified(before.toString(), after));
    }

    @Test
    void everythingRemovedAndEverythingAdded() {
        assertEquals(List.of("@@ -1,2 +0,0 @@", "-a", "-b"), LineDiff.unified("a\nb\n", ""));
        assertEquals(List.of("@@ -0,0 +1,1 @@", "+a"), LineDiff.unified("", "a\n"));
    }
}
