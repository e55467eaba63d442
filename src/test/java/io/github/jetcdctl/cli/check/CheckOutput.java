package io.github.jetcdctl.cli.check;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import io.github.jetcdctl.testing.ProcessResult;

/**
 * A check command's stdout taken apart: the lines before the progress bar, the bar's drawings (each after a
 * {@code \r}), and the lines after it, with numbers masked so that two runs compare by their shape.
 */
record CheckOutput(List<String> linesBefore, List<String> drawings, List<String> linesAfter) {
    private static final Pattern DRAWING = Pattern.compile(" \\d+ / \\d+ +\\d{1,3}\\.\\d\\d%( \\d+m\\d\\ds| \\S+s)?");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    /**
     * {@code glued}: etcdctl prints the report right after the bar's last drawing, without a newline, when
     * interrupted; that report line is then split off the drawing.
     */
    static CheckOutput parse(ProcessResult result) {
        String text = result.stdoutText();
        int barStart = text.indexOf('\r');
        if (barStart < 0) {
            return new CheckOutput(lines(text), List.of(), List.of());
        }
        List<String> before = lines(text.substring(0, barStart));
        int barEnd = text.indexOf('\n', barStart);
        String bar = barEnd < 0 ? text.substring(barStart) : text.substring(barStart, barEnd);
        List<String> after = barEnd < 0 ? new ArrayList<>() : new ArrayList<>(lines(text.substring(barEnd + 1)));
        List<String> drawings = new ArrayList<>(Arrays.asList(bar.substring(1).split("\r", -1)));
        String last = drawings.get(drawings.size() - 1);
        int glued = last.indexOf("PASS");
        glued = glued < 0 ? last.indexOf("FAIL") : glued;
        if (glued > 0) {
            drawings.set(drawings.size() - 1, last.substring(0, glued));
            after.add(0, last.substring(glued));
        }
        return new CheckOutput(before, drawings, after);
    }

    /** The lines of {@code text}; an unended last line counts too. */
    private static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        String ended = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return List.of(ended.split("\n", -1));
    }

    /** Every drawing has pb's shape for {@code total}, and their counts never go down. */
    void assertDrawingsOfATotalOf(long total, String context) {
        assertTrue(!drawings.isEmpty(), "no progress bar in " + context);
        long previous = 0;
        for (String drawing : drawings) {
            assertTrue(DRAWING.matcher(drawing).matches(), "drawing '" + drawing + "' in " + context);
            String[] counts = drawing.trim().split(" / ");
            long count = Long.parseLong(counts[0]);
            assertTrue(counts[1].startsWith(total + " "), "total of '" + drawing + "' in " + context);
            assertTrue(count >= previous && count <= total, "count of '" + drawing + "' in " + context);
            previous = count;
        }
    }

    String lastDrawing() {
        return drawings.get(drawings.size() - 1);
    }

    static List<String> masked(List<String> lines) {
        return lines.stream().map(line -> NUMBER.matcher(line).replaceAll("N")).toList();
    }
}
