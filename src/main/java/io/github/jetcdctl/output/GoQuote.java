package io.github.jetcdctl.output;

import java.nio.charset.StandardCharsets;

/** Go's {@code %q} verb (strconv.Quote), used by etcdctl's fields printer for keys and values. */
public final class GoQuote {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private GoQuote() {}

    public static String quote(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length + 2).append('"');
        for (int i = 0; i < bytes.length; ) {
            int decoded = Utf8.decode(bytes, i);
            int width = Utf8.width(decoded);
            if (width == 0) {
                appendHexByte(out, bytes[i] & 0xFF);
                i++;
            } else {
                appendRune(out, Utf8.codePoint(decoded));
                i += width;
            }
        }
        return out.append('"').toString();
    }

    public static String quote(String s) {
        return quote(s.getBytes(StandardCharsets.UTF_8));
    }

    private static void appendRune(StringBuilder out, int cp) {
        if (cp == '"' || cp == '\\') {
            out.append('\\').append((char) cp);
            return;
        }
        if (GoUnicode.isPrint(cp)) {
            out.appendCodePoint(cp);
            return;
        }
        switch (cp) {
            case 0x07:
                out.append("\\a");
                return;
            case '\b':
                out.append("\\b");
                return;
            case '\f':
                out.append("\\f");
                return;
            case '\n':
                out.append("\\n");
                return;
            case '\r':
                out.append("\\r");
                return;
            case '\t':
                out.append("\\t");
                return;
            case 0x0B:
                out.append("\\v");
                return;
            default:
                if (cp < ' ' || cp == 0x7F) {
                    appendHexByte(out, cp);
                } else if (cp < 0x10000) {
                    out.append("\\u");
                    appendHexDigits(out, cp, 4);
                } else {
                    out.append("\\U");
                    appendHexDigits(out, cp, 8);
                }
        }
    }

    private static void appendHexByte(StringBuilder out, int b) {
        out.append("\\x");
        appendHexDigits(out, b, 2);
    }

    private static void appendHexDigits(StringBuilder out, int value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            out.append(HEX[(value >> shift) & 0xF]);
        }
    }
}
