package io.github.jetcdctl.cli.gosyntax;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Bytes read as Go reads a string rune by rune: a byte that does not start valid UTF-8 is one U+FFFD of
 * width one. etcdctl's txn parsing works on such runes, so ours must too.
 */
public final class GoRunes {
    static final int RUNE_ERROR = 0xFFFD;

    private GoRunes() {
    }

    /** The rune at {@code i}, packed as {@code width << 24 | codePoint}. */
    static int decode(byte[] b, int i) {
        int b0 = b[i] & 0xff;
        if (b0 < 0x80) {
            return pack(1, b0);
        }
        int width;
        int lo = 0x80;
        int hi = 0xBF;
        int cp;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            width = 2;
            cp = b0 & 0x1F;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            width = 3;
            cp = b0 & 0x0F;
            lo = b0 == 0xE0 ? 0xA0 : 0x80;
            hi = b0 == 0xED ? 0x9F : 0xBF;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            width = 4;
            cp = b0 & 0x07;
            lo = b0 == 0xF0 ? 0x90 : 0x80;
            hi = b0 == 0xF4 ? 0x8F : 0xBF;
        } else {
            return pack(1, RUNE_ERROR);
        }
        if (i + width > b.length) {
            return pack(1, RUNE_ERROR);
        }
        for (int k = 1; k < width; k++) {
            int c = b[i + k] & 0xff;
            if (k == 1 ? (c < lo || c > hi) : (c < 0x80 || c > 0xBF)) {
                return pack(1, RUNE_ERROR);
            }
            cp = (cp << 6) | (c & 0x3F);
        }
        return pack(width, cp);
    }

    static int width(int decoded) {
        return decoded >>> 24;
    }

    static int codePoint(int decoded) {
        return decoded & 0xFFFFFF;
    }

    private static int pack(int width, int codePoint) {
        return (width << 24) | codePoint;
    }

    /** Go's unicode.IsSpace, which is also the set fmt's scanner treats as space. */
    static boolean isSpace(int cp) {
        return (cp >= 0x09 && cp <= 0x0D) || cp == ' ' || cp == 0x85 || cp == 0xA0 || cp == 0x1680
                || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F
                || cp == 0x205F || cp == 0x3000;
    }

    static void appendRune(ByteArrayOutputStream out, int cp) {
        byte[] utf8 = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.write(utf8, 0, utf8.length);
    }

    /** Go's strings.TrimSpace. */
    public static byte[] trimSpace(byte[] s) {
        int start = 0;
        while (start < s.length) {
            int r = decode(s, start);
            if (!isSpace(codePoint(r))) {
                break;
            }
            start += width(r);
        }
        int end = s.length;
        while (end > start) {
            int runeStart = end - 1;
            while (runeStart > start && (s[runeStart] & 0xC0) == 0x80 && end - runeStart < 4) {
                runeStart--;
            }
            int r = decode(s, runeStart);
            if (runeStart + width(r) != end) {
                runeStart = end - 1; // the last byte is not the end of a valid rune
                r = decode(s, runeStart);
            }
            if (!isSpace(codePoint(r))) {
                break;
            }
            end = runeStart;
        }
        return Arrays.copyOfRange(s, start, end);
    }
}
