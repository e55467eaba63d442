package io.github.jetcdctl.output;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts by lines (longest common subsequence), as {@code diff -u} shows hunks: {@code @@}
 * headings, then lines kept (' '), removed ('-') and added ('+'), with three lines of context.
 */
public final class LineDiff {
    private static final int CONTEXT = 3;
    /** Past this many cells the table would not fit comfortably in memory: the texts are shown whole instead. */
    private static final long MAX_CELLS = 16_000_000L;

    private LineDiff() {
    }

    /** The diff's lines, without trailing newlines; empty when the texts are equal. */
    public static List<String> unified(String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        if ((long) (a.size() + 1) * (b.size() + 1) > MAX_CELLS) {
            List<String> whole = new ArrayList<>();
            whole.add("@@ -1," + a.size() + " +1," + b.size() + " @@");
            a.forEach(l -> whole.add("-" + l));
            b.forEach(l -> whole.add("+" + l));
            return whole;
        }
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        // the edit script: each step is ' ', '-' or '+' with its line and both line numbers
        List<Step> steps = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                steps.add(new Step(' ', a.get(i), i++, j++));
            } else if (i < a.size() && (j == b.size() || common[i + 1][j] >= common[i][j + 1])) {
                steps.add(new Step('-', a.get(i), i++, j)); // removals before additions, as diff -u shows them
            } else {
                steps.add(new Step('+', b.get(j), i, j++));
            }
        }
        return hunks(steps);
    }

    private record Step(char op, String line, int before, int after) {
    }

    private static List<String> hunks(List<Step> steps) {
        List<String> out = new ArrayList<>();
        int k = 0;
        while (k < steps.size()) {
            if (steps.get(k).op() == ' ') {
                k++;
                continue;
            }
            int start = Math.max(0, k - CONTEXT);
            int end = k;
            // extend while the next change is within two contexts of the last one
            int lastChange = k;
            while (end < steps.size()) {
                if (steps.get(end).op() != ' ') {
                    lastChange = end;
                } else if (end - lastChange > 2 * CONTEXT) {
                    break;
                }
                end++;
            }
            end = Math.min(steps.size(), lastChange + CONTEXT + 1);
            int beforeCount = 0;
            int afterCount = 0;
            for (int s = start; s < end; s++) {
                char op = steps.get(s).op();
                beforeCount += op != '+' ? 1 : 0;
                afterCount += op != '-' ? 1 : 0;
            }
            Step first = steps.get(start);
            out.add("@@ -" + (first.before() + (beforeCount > 0 ? 1 : 0)) + "," + beforeCount + " +"
                    + (first.after() + (afterCount > 0 ? 1 : 0)) + "," + afterCount + " @@");
            for (int s = start; s < end; s++) {
                out.add(steps.get(s).op() + steps.get(s).line());
            }
            k = end;
        }
        return out;
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
