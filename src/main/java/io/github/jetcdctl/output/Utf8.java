package io.github.jetcdctl.output;

/**
 * UTF-8 decoding with Go's {@code utf8.DecodeRune} rules: overlong forms, surrogates, values
 * above U+10FFFF and truncated sequences are rejected one byte at a time, so a caller can render
 * each offending byte on its own.
 */
final class Utf8 {

    private static final int WIDTH_SHIFT = 24;
    private static final int CODE_POINT_MASK = (1 << WIDTH_SHIFT) - 1;

    private Utf8() {}

    /**
     * Decodes the sequence starting at {@code i}; the result packs the width (0 = invalid byte) and
     * the code point, read back with {@link #width} and {@link #codePoint}.
     */
    static int decode(byte[] b, int i) {
        int b0 = b[i] & 0xFF;
        if (b0 < 0x80) {
            return pack(1, b0);
        }
        int width;
        int lo = 0x80;
        int hi = 0xBF;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            width = 2;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            width = 3;
            if (b0 == 0xE0) {
                lo = 0xA0;
            } else if (b0 == 0xED) {
                hi = 0x9F;
            }
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            width = 4;
            if (b0 == 0xF0) {
                lo = 0x90;
            } else if (b0 == 0xF4) {
                hi = 0x8F;
            }
        } else {
            return pack(0, 0);
        }
        if (i + width > b.length) {
            return pack(0, 0);
        }
        int b1 = b[i + 1] & 0xFF;
        if (b1 < lo || b1 > hi) {
            return pack(0, 0);
        }
        int cp = b0 & (0xFF >> (width + 1));
        cp = (cp << 6) | (b1 & 0x3F);
        for (int k = 2; k < width; k++) {
            int bk = b[i + k] & 0xFF;
            if (bk < 0x80 || bk > 0xBF) {
                return pack(0, 0);
            }
            cp = (cp << 6) | (bk & 0x3F);
        }
        return pack(width, cp);
    }

    static int width(int decoded) {
        return decoded >>> WIDTH_SHIFT;
    }

    static int codePoint(int decoded) {
        return decoded & CODE_POINT_MASK;
    }

    private static int pack(int width, int codePoint) {
        return (width << WIDTH_SHIFT) | codePoint;
    }
}
