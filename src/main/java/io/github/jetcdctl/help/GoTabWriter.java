package io.github.jetcdctl.help;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's {@code text/tabwriter} as etcdctl's help template sets it up (minimum width 0, tab width 8, padding 1,
 * padding with tabs, no flags): a tab ends a cell, and the cells of a column in consecutive lines are padded with
 * tabs to the same multiple of eight. The text after a line's last tab is not part of any column.
 */
final class GoTabWriter {
    private static final int TAB_WIDTH = 8;
    private static final int PADDING = 1;

    private final List<List<String>> lines = new ArrayList<>();
    private final List<Integer> widths = new ArrayList<>();
    private final StringBuilder out = new StringBuilder();

    private GoTabWriter(String text) {
        for (String line : text.split("\n", -1)) {
            List<String> cells = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < line.length(); i++) {
                if (line.charAt(i) == '\t') {
                    cells.add(line.substring(start, i));
                    start = i + 1;
                }
            }
            cells.add(line.substring(start));
            lines.add(cells);
        }
    }

    /** The text as etcdctl's tab writer prints it. */
    static String format(String text) {
        GoTabWriter writer = new GoTabWriter(text);
        writer.format(0, writer.lines.size());
        return writer.out.toString();
    }

    /** Go's format: each block of consecutive lines that have a cell in the next column gets one width. */
    private void format(int line0, int line1) {
        int column = widths.size();
        for (int current = line0; current < line1; current++) {
            if (column >= lines.get(current).size() - 1) {
                continue;
            }
            writeLines(line0, current);
            line0 = current;
            int width = 0;
            for (; current < line1; current++) {
                List<String> cells = lines.get(current);
                if (column >= cells.size() - 1) {
                    break;
                }
                width = Math.max(width, runes(cells.get(column)) + PADDING);
            }
            widths.add(width);
            format(line0, current);
            widths.remove(widths.size() - 1);
            line0 = current;
        }
        writeLines(line0, line1);
    }

    private void writeLines(int line0, int line1) {
        for (int i = line0; i < line1; i++) {
            List<String> cells = lines.get(i);
            for (int j = 0; j < cells.size(); j++) {
                String cell = cells.get(j);
                out.append(cell);
                if (j < widths.size()) {
                    int cellWidth = (widths.get(j) + TAB_WIDTH - 1) / TAB_WIDTH * TAB_WIDTH;
                    int padding = cellWidth - runes(cell);
                    out.append("\t".repeat((padding + TAB_WIDTH - 1) / TAB_WIDTH));
                }
            }
            if (i + 1 < lines.size()) {
                out.append('\n');
            }
        }
    }

    private static int runes(String s) {
        return s.codePointCount(0, s.length());
    }
}
