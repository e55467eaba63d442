package io.github.jetcdctl.output;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The bordered table of {@code etcdctl -w table}: olekukonko/tablewriter v0.0.5 with its defaults
 * (auto-formatted centred headers, 30-column word wrapping with reflow, ASCII borders) and the
 * right alignment etcdctl selects for cells; or, in the {@link Style#UNICODE} style of etcdctl 3.7's
 * tablewriter v1, the same layout drawn with box-drawing characters and no wrapping.
 */
public final class AsciiTable {

    /** The borders, and whether long cells wrap. */
    public enum Style {
        ASCII("+-++", "|", "+-++", "+-++", true),
        UNICODE("┌─┬┐", "│", "├─┼┤", "└─┴┘", false);

        private final String top;
        private final String side;
        private final String middle;
        private final String bottom;
        private final boolean wraps;

        /** Each border is four characters: left end, fill, junction, right end. */
        Style(String top, String side, String middle, String bottom, boolean wraps) {
            this.top = top;
            this.side = side;
            this.middle = middle;
            this.bottom = bottom;
            this.wraps = wraps;
        }
    }

    private static final int WRAP_WIDTH = 30;
    private static final long OVERLONG_LINE_PENALTY = 100_000;
    /** What the library pads short cells of a multi-line row with (two spaces, not an empty string). */
    private static final String MISSING_LINE = "  ";

    private final List<List<String>> header = new ArrayList<>();
    private final List<List<List<String>>> rows = new ArrayList<>();
    private final List<Integer> columnWidths = new ArrayList<>();
    private final Style style;

    public AsciiTable(List<String> headers) {
        this(headers, Style.ASCII);
    }

    public AsciiTable(List<String> headers, Style style) {
        this.style = style;
        for (int i = 0; i < headers.size(); i++) {
            header.add(wrapCell(headers.get(i), i));
        }
    }

    /** A whole table at once. */
    public static String render(List<String> headers, List<List<String>> rows, Style style) {
        AsciiTable table = new AsciiTable(headers, style);
        rows.forEach(table::addRow);
        return table.render();
    }

    public AsciiTable addRow(List<String> cells) {
        List<List<String>> row = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            row.add(wrapCell(cells.get(i), i));
        }
        rows.add(row);
        return this;
    }

    /** The table, each line (the last included) ending in {@code \n}. */
    public String render() {
        StringBuilder out = new StringBuilder();
        appendBorder(out, style.top);
        if (!header.isEmpty()) {
            int height = height(header);
            for (int line = 0; line < height; line++) {
                out.append(style.side);
                for (int col = 0; col < columnWidths.size(); col++) {
                    String text = col < header.size() && line < header.get(col).size() ? header.get(col).get(line) : "";
                    out.append(' ').append(centre(headerTitle(text), columnWidths.get(col))).append(' ')
                            .append(style.side);
                }
                out.append('\n');
            }
            appendBorder(out, style.middle);
        }
        for (List<List<String>> row : rows) {
            int height = height(row);
            for (int line = 0; line < height; line++) {
                for (int col = 0; col < row.size(); col++) {
                    List<String> cell = row.get(col);
                    String text = line < cell.size() ? cell.get(line) : MISSING_LINE;
                    out.append(style.side).append(' ').append(padLeft(text, columnWidths.get(col))).append(' ');
                }
                out.append(style.side).append('\n');
            }
        }
        appendBorder(out, style.bottom);
        return out.toString();
    }

    /** {@code border}: left end, fill, junction, right end. */
    private void appendBorder(StringBuilder out, String border) {
        out.append(border.charAt(0));
        for (int i = 0; i < columnWidths.size(); i++) {
            out.append(String.valueOf(border.charAt(1)).repeat(columnWidths.get(i) + 2))
                    .append(border.charAt(i == columnWidths.size() - 1 ? 3 : 2));
        }
        out.append('\n');
    }

    private static int height(List<List<String>> cells) {
        int height = 0;
        for (List<String> cell : cells) {
            height = Math.max(height, cell.size());
        }
        return height;
    }

    /** Splits a cell into display lines and widens its column to fit them. */
    private List<String> wrapCell(String text, int column) {
        if (!style.wraps) {
            growColumn(column, DisplayWidth.of(text));
            return List.of(text);
        }
        int width = 0;
        for (String line : text.split("\n", -1)) {
            width = Math.max(width, DisplayWidth.of(line));
        }
        width = Math.min(width, WRAP_WIDTH);
        List<String> lines = wrap(text.replace('\n', ' '), width);
        for (String line : lines) {
            width = Math.max(width, DisplayWidth.of(line));
        }
        growColumn(column, width);
        return lines;
    }

    private void growColumn(int column, int width) {
        while (columnWidths.size() <= column) {
            columnWidths.add(0);
        }
        columnWidths.set(column, Math.max(columnWidths.get(column), width));
    }

    /**
     * Breaks {@code text} at single spaces into lines of at most {@code limit} columns (or the
     * longest word), minimising the sum over all lines but the last of the squared shortfall.
     */
    static List<String> wrap(String text, int limit) {
        String[] words = text.split(" ", -1);
        int n = words.length;
        int[] widths = new int[n];
        for (int i = 0; i < n; i++) {
            widths[i] = DisplayWidth.ofCharacters(words[i]);
            limit = Math.max(limit, widths[i]);
        }
        long[] cost = new long[n + 1];
        int[] breakAfter = new int[n];
        for (int start = n - 1; start >= 0; start--) {
            int lineWidth = widths[start];
            for (int k = start + 1; k < n; k++) {
                lineWidth += 1 + widths[k];
            }
            if (lineWidth <= limit) {
                cost[start] = 0;
                breakAfter[start] = n;
                continue;
            }
            cost[start] = Integer.MAX_VALUE;
            lineWidth = widths[start];
            for (int next = start + 1; next < n; next++) {
                long shortfall = limit - lineWidth;
                long c = shortfall * shortfall + cost[next];
                if (lineWidth > limit) {
                    c += OVERLONG_LINE_PENALTY;
                }
                if (c < cost[start]) {
                    cost[start] = c;
                    breakAfter[start] = next;
                }
                lineWidth += 1 + widths[next];
            }
        }
        List<String> lines = new ArrayList<>();
        for (int start = 0; start < n; start = breakAfter[start]) {
            lines.add(String.join(" ", Arrays.asList(words).subList(start, breakAfter[start])));
        }
        return lines;
    }

    /**
     * Header text as the library formats it: underscores (and dots not between digits or spaces)
     * become spaces, surrounding white space goes, letters are upper-cased.
     */
    static String headerTitle(String name) {
        int[] cps = name.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            if (cps[i] == '_') {
                cps[i] = ' ';
            } else if (cps[i] == '.') {
                boolean textBefore = i != 0 && !isDigitOrSpace(cps[i - 1]);
                boolean textAfter = i != cps.length - 1 && !isDigitOrSpace(cps[i + 1]);
                if (textBefore || textAfter) {
                    cps[i] = ' ';
                }
            }
        }
        String trimmed = trimGoSpace(new String(cps, 0, cps.length));
        if (trimmed.isEmpty() && !name.isEmpty()) {
            trimmed = " ";
        }
        StringBuilder upper = new StringBuilder(trimmed.length());
        trimmed.codePoints().forEach(cp -> upper.appendCodePoint(Character.toUpperCase(cp)));
        return upper.toString();
    }

    private static boolean isDigitOrSpace(int cp) {
        return (cp >= '0' && cp <= '9') || cp == ' ';
    }

    private static String trimGoSpace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isGoSpace(s.codePointAt(start))) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (end > start && isGoSpace(s.codePointBefore(end))) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }

    /** Go's {@code unicode.IsSpace}: Unicode White_Space. */
    private static boolean isGoSpace(int cp) {
        switch (cp) {
            case '\t':
            case '\n':
            case 0x0B:
            case '\f':
            case '\r':
            case ' ':
            case 0x85:
            case 0xA0:
            case 0x1680:
            case 0x2028:
            case 0x2029:
            case 0x202F:
            case 0x205F:
            case 0x3000:
                return true;
            default:
                return cp >= 0x2000 && cp <= 0x200A;
        }
    }

    private static String centre(String s, int width) {
        int gap = width - DisplayWidth.of(s);
        if (gap <= 0) {
            return s;
        }
        int left = gap / 2;
        return " ".repeat(left) + s + " ".repeat(gap - left);
    }

    private static String padLeft(String s, int width) {
        int gap = width - DisplayWidth.of(s);
        return gap > 0 ? " ".repeat(gap) + s : s;
    }
}
