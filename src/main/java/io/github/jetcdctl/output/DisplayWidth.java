package io.github.jetcdctl.output;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Terminal column width of text as etcdctl's table library measures it: ANSI colour sequences
 * are ignored, East-Asian wide and full-width characters take two columns, combining and
 * non-printing characters none. Uses the non-CJK-locale rules (ambiguous-width characters count
 * as one column).
 */
public final class DisplayWidth {

    private static final Pattern ANSI_COLOUR = Pattern.compile("\u001b\\[(?:[0-9]{1,3}(?:;[0-9]{1,3})*)?[m|K]");
    private static final int[][] ZERO_WIDTH;
    private static final int[][] DOUBLE_WIDTH;

    static {
        List<int[]> zero = new ArrayList<>();
        List<int[]> wide = new ArrayList<>();
        try (InputStream in = DisplayWidth.class.getResourceAsStream("display-width-ranges.txt");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(" ");
                int[] range = {Integer.parseInt(parts[1], 16), Integer.parseInt(parts[2], 16)};
                (parts[0].equals("wide") ? wide : zero).add(range);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ZERO_WIDTH = zero.toArray(new int[0][]);
        DOUBLE_WIDTH = wide.toArray(new int[0][]);
    }

    private DisplayWidth() {}

    public static int of(String s) {
        return ofCharacters(ANSI_COLOUR.matcher(s).replaceAll(""));
    }

    /** Width counting escape sequences as text, as the table library does while word wrapping. */
    static int ofCharacters(String s) {
        int width = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            width += ofCodePoint(cp);
        }
        return width;
    }

    static int ofCodePoint(int cp) {
        if (cp > 0x10FFFF || in(ZERO_WIDTH, cp)) {
            return 0;
        }
        return in(DOUBLE_WIDTH, cp) ? 2 : 1;
    }

    private static boolean in(int[][] ranges, int cp) {
        for (int[] range : ranges) {
            if (cp >= range[0] && cp <= range[1]) {
                return true;
            }
        }
        return false;
    }
}
