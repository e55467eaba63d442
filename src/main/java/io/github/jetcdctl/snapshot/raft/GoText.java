package io.github.jetcdctl.snapshot.raft;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reproductions of the few Go text encodings that show up in restore output: {@code encoding/json}
 * string escaping (HTML-safe, as {@code json.Marshal} does it) and {@code strconv.Quote} (used by
 * {@code %q} in error messages).
 */
public final class GoText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private GoText() {}

    /** Go {@code json.Marshal} of a string, including the surrounding quotes. */
    public static String jsonString(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2);
        appendJsonString(b, s);
        return b.toString();
    }

    /** Appends Go {@code json.Marshal} of {@code s} (HTML-safe escaping) to {@code b}. */
    public static void appendJsonString(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b"); // Go >= 1.22
                case '\f' -> b.append("\\f"); // Go >= 1.22
                case '<', '>', '&', '\u2028', '\u2029' -> unicodeEscape(b, c);
                default -> {
                    if (c < 0x20) {
                        unicodeEscape(b, c);
                    } else if (Character.isSurrogate(c)) {
                        if (Character.isHighSurrogate(c) && i + 1 < s.length()
                                && Character.isLowSurrogate(s.charAt(i + 1))) {
                            b.append(c).append(s.charAt(++i));
                        } else {
                            b.append("\\ufffd"); // Go writes invalid UTF-8 as an escaped U+FFFD
                        }
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }

    private static void unicodeEscape(StringBuilder b, char c) {
        b.append("\\u").append(HEX[(c >> 12) & 15]).append(HEX[(c >> 8) & 15])
                .append(HEX[(c >> 4) & 15]).append(HEX[c & 15]);
    }

    /** Go {@code strconv.Quote} (what {@code fmt} prints for {@code %q} of a string). */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case 7 -> b.append("\\a");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case 0x0b -> b.append("\\v");
                default -> {
                    if (cp < 0x20 || cp == 0x7f) {
                        b.append("\\x").append(HEX[cp >> 4]).append(HEX[cp & 15]);
                    } else if (cp < 0x80 || isGoPrintable(cp)) {
                        b.appendCodePoint(cp);
                    } else if (cp < 0x10000) {
                        b.append(String.format("\\u%04x", cp));
                    } else {
                        b.append(String.format("\\U%08x", cp));
                    }
                }
            }
        });
        return b.append('"').toString();
    }

    /** Go {@code %q} of a {@code []string}: {@code ["a" "b"]}. */
    public static String quoteList(List<String> items) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(quote(items.get(i)));
        }
        return b.append(']').toString();
    }

    private static boolean isGoPrintable(int cp) {
        if (cp == 0xfffd) {
            return true;
        }
        int t = Character.getType(cp);
        return t != Character.CONTROL && t != Character.FORMAT && t != Character.UNASSIGNED
                && t != Character.SURROGATE && t != Character.PRIVATE_USE
                && t != Character.LINE_SEPARATOR && t != Character.PARAGRAPH_SEPARATOR
                && t != Character.SPACE_SEPARATOR;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
