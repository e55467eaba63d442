package io.github.jetcdctl.output;

/** Hexadecimal renderings etcdctl uses for IDs and for {@code --hex} keys and values. */
public final class GoHex {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private GoHex() {}

    /** {@code \xNN} per byte, lower case, no separators ({@code --hex} simple output). */
    public static String escapedBytes(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 4);
        for (byte b : bytes) {
            out.append("\\x").append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
        }
        return out.toString();
    }

    /** {@code %x} of a uint64: lower case, no padding (member IDs). */
    public static String unsigned(long id) {
        return Long.toHexString(id);
    }

    /**
     * {@code %016x} of an int64 (lease IDs): zero-padded to 16 characters, a minus sign taking one
     * of them.
     */
    public static String zeroPadded16(long leaseId) {
        if (leaseId < 0) {
            String magnitude = Long.toHexString(-leaseId);
            return "-" + "0".repeat(Math.max(0, 15 - magnitude.length())) + magnitude;
        }
        String hex = Long.toHexString(leaseId);
        return "0".repeat(16 - hex.length()) + hex;
    }

    /** {@code %16x}: right-aligned in 16 columns with spaces ({@code Member %16x added ...}). */
    public static String spacePadded16(long id) {
        String hex = Long.toHexString(id);
        return " ".repeat(16 - hex.length()) + hex;
    }
}
