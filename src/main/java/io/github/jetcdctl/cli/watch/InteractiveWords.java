package io.github.jetcdctl.cli.watch;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;

/**
 * Splits a request line of an interactive command into words as etcdctl does: double-quoted words with
 * Go escapes, single-quoted words taken literally, otherwise runs of non-space characters.
 */
final class InteractiveWords {
    private static final Pattern WORD = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|[^'\"\\s]\\S*[^'\"\\s]?");

    private InteractiveWords() {
    }

    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(line);
        while (m.find()) {
            String word = m.group();
            if (word.startsWith("'")) {
                word = word.substring(1, word.length() - 1);
            } else if (word.startsWith("\"")) {
                word = unquote(word);
            }
            words.add(word);
        }
        return words;
    }

    /** Go's double-quoted string syntax. */
    private static String unquote(String quoted) {
        StringBuilder sb = new StringBuilder();
        String body = quoted.substring(1, quoted.length() - 1);
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (++i >= body.length()) {
                throw invalid();
            }
            char escape = body.charAt(i);
            switch (escape) {
                case 'a' -> sb.append('\u0007');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'v' -> sb.append('\u000b');
                case '\\', '"' -> sb.append(escape);
                case 'x' -> {
                    sb.append((char) hex(body, i + 1, 2));
                    i += 2;
                }
                case 'u' -> {
                    sb.appendCodePoint(hex(body, i + 1, 4));
                    i += 4;
                }
                case 'U' -> {
                    sb.appendCodePoint(hex(body, i + 1, 8));
                    i += 8;
                }
                default -> throw invalid();
            }
        }
        return sb.toString();
    }

    private static int hex(String s, int from, int digits) {
        if (from + digits > s.length()) {
            throw invalid();
        }
        try {
            return Integer.parseInt(s.substring(from, from + digits), 16);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    private static CliException invalid() {
        return new CliException(ExitCodes.INVALID_INPUT, "invalid syntax");
    }
}
