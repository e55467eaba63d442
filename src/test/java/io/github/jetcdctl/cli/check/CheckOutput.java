package io.github.jetcdctl.cli.check;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.jetcdctl.testing.EtcdBinaries;
import io.github.jetcdctl.testing.ProcessResult;

/**
 * A check command's output taken apart: the lines before the progress bar, the bar's drawings, and the lines after
 * it, with numbers masked so that two runs compare by their shape. etcdctl 3.5 draws cheggaaa/pb v1's bar on stdout,
 * each drawing after a {@code \r}; 3.6 and later pb v3's on stderr, without a terminal one drawing after the other
 * (the only line printed before it is datascale's "Start data scale check" line). {@code stray} is what stderr holds
 * besides the drawings.
 */
record CheckOutput(List<String> linesBefore, List<String> drawings, List<String> linesAfter, boolean pbV3,
        String stray) {
    private static final Pattern DRAWING = Pattern.compile(" \\d+ / \\d+ +\\d{1,3}\\.\\d\\d%( \\d+m\\d\\ds| \\S+s)?");
    private static final Pattern PB_V3_DRAWING = Pattern.compile("\\d+ / \\d+ \\[[->_]*] \\d{1,3}\\.\\d\\d% (\\?|\\d+) p/s");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    /** The output of the line of {@code release}'s etcdctl, or jetcdctl reproducing it. */
    static CheckOutput parse(ProcessResult result, String release) {
        return EtcdBinaries.lineOf(release).equals("3.5") ? parsePbV1(result) : parsePbV3(result);
    }

    /**
     * {@code glued}: etcdctl prints the report right after the bar's last drawing, without a newline, when
     * interrupted; that report line is then split off the drawing.
     */
    private static CheckOutput parsePbV1(ProcessResult result) {
        String text = result.stdoutText();
        int barStart = text.indexOf('\r');
        if (barStart < 0) {
            return new CheckOutput(lines(text), List.of(), List.of(), false, result.stderrText());
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
        return new CheckOutput(before, drawings, after, false, result.stderrText());
    }

    private static CheckOutput parsePbV3(ProcessResult result) {
        List<String> stdout = lines(result.stdoutText());
        int before = stdout.isEmpty() || !stdout.get(0).startsWith("Start data scale check") ? 0 : 1;
        String stderr = result.stderrText();
        List<String> drawings = new ArrayList<>();
        Matcher drawing = PB_V3_DRAWING.matcher(stderr);
        int end = 0;
        while (drawing.find(end) && drawing.start() == end) {
            drawings.add(drawing.group());
            end = drawing.end();
        }
        return new CheckOutput(stdout.subList(0, before), drawings, stdout.subList(before, stdout.size()), true,
                stderr.substring(end));
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
            assertTrue((pbV3 ? PB_V3_DRAWING : DRAWING).matcher(drawing).matches(),
                    "drawing '" + drawing + "' in " + context);
            String[] counts = drawing.trim().split(" / ");
            long count = Long.parseLong(counts[0]);
            assertTrue(counts[1].startsWith(total + " "), "total of '" + drawing + "' in " + context);
            assertTrue(count >= previous && count <= total, "count of '" + drawing + "' in " + context);
            previous = count;
        }
    }

    /** The last drawing is the finished bar: full, and with pb v3 the dashes drawn to its end. */
    void assertFinished(long total, String context) {
        String last = lastDrawing();
        boolean finished = pbV3 ? last.matches(total + " / " + total + " \\[-+] 100\\.00% \\d+ p/s")
                : last.startsWith(" " + total + " / " + total + "  100.00% ");
        assertTrue(finished, "last drawing '" + last + "' in " + context);
    }

    String lastDrawing() {
        return drawings.get(drawings.size() - 1);
    }

    static List<String> masked(List<String> lines) {
        return lines.stream().map(line -> NUMBER.matcher(line).replaceAll("N")).toList();
    }
}
