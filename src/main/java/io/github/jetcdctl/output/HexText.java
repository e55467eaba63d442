package io.github.jetcdctl.output;

/** Hex renderings etcdctl uses: {@code \xNN} per byte for --hex, unsigned lower-case hex for IDs. */
public final class HexText {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private HexText() {
    }

    public static String escaped(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 4);
        for (byte b : bytes) {
            sb.append("\\x").append(DIGITS[(b >> 4) & 0xf]).append(DIGITS[b & 0xf]);
        }
        return sb.toString();
    }

    /** Go's {@code %x} of a uint64. */
    public static String unsigned(long id) {
        return Long.toHexString(id);
    }

    /** Go's {@code %016x} of an int64 lease ID. */
    public static String padded16(long id) {
        String s = Long.toHexString(id);
        return "0".repeat(16 - s.length()) + s;
    }
}
