package io.github.jetcdctl.output;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Go's {@code unicode.IsPrint}, answered from the JDK's character data. */
final class GoUnicode {

    private static final int[][] PRINTABLE_SINCE_UNICODE_14 = loadRanges("printable-since-unicode-14.txt");

    private GoUnicode() {}

    /**
     * Letters, marks, numbers, punctuation and symbols, plus the ASCII space (other space
     * separators are not printable for Go). The JDK 17 tables are Unicode 13 and Go 1.24's are
     * Unicode 15: the Unicode 14 additions are patched in from a resource, characters new in 15
     * are still judged unprintable here.
     */
    static boolean isPrint(int cp) {
        if (cp == ' ') {
            return true;
        }
        for (int[] range : PRINTABLE_SINCE_UNICODE_14) {
            if (cp >= range[0] && cp <= range[1]) {
                return true;
            }
        }
        switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER:
            case Character.LOWERCASE_LETTER:
            case Character.TITLECASE_LETTER:
            case Character.MODIFIER_LETTER:
            case Character.OTHER_LETTER:
            case Character.NON_SPACING_MARK:
            case Character.ENCLOSING_MARK:
            case Character.COMBINING_SPACING_MARK:
            case Character.DECIMAL_DIGIT_NUMBER:
            case Character.LETTER_NUMBER:
            case Character.OTHER_NUMBER:
            case Character.CONNECTOR_PUNCTUATION:
            case Character.DASH_PUNCTUATION:
            case Character.START_PUNCTUATION:
            case Character.END_PUNCTUATION:
            case Character.INITIAL_QUOTE_PUNCTUATION:
            case Character.FINAL_QUOTE_PUNCTUATION:
            case Character.OTHER_PUNCTUATION:
            case Character.MATH_SYMBOL:
            case Character.CURRENCY_SYMBOL:
            case Character.MODIFIER_SYMBOL:
            case Character.OTHER_SYMBOL:
                return true;
            default:
                return false;
        }
    }

    private static int[][] loadRanges(String resource) {
        List<int[]> ranges = new ArrayList<>();
        try (InputStream in = GoUnicode.class.getResourceAsStream(resource);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    String[] parts = line.split(" ");
                    ranges.add(new int[] {Integer.parseInt(parts[0], 16), Integer.parseInt(parts[1], 16)});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ranges.toArray(new int[0][]);
    }
}
