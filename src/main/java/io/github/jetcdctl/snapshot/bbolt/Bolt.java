package io.github.jetcdctl.snapshot.bbolt;

import java.util.Arrays;

/** Constants and small helpers of the bbolt (version 2) on-disk format. */
public final class Bolt {
    private Bolt() {
    }

    public static final int MAGIC = 0xED0CDAED;
    public static final int VERSION = 2;
    public static final int PAGE_HEADER_SIZE = 16;
    public static final int ELEMENT_SIZE = 16;
    public static final int META_SIZE = 64;
    public static final int BUCKET_HEADER_SIZE = 16;

    public static final int FLAG_BRANCH = 0x01;
    public static final int FLAG_LEAF = 0x02;
    public static final int FLAG_META = 0x04;
    public static final int FLAG_FREELIST = 0x10;

    /** Leaf element flag: the value is a nested bucket header. */
    public static final int LEAF_FLAG_BUCKET = 0x01;

    /** {@code meta.freelist} value meaning "no persisted freelist". */
    public static final long NO_FREELIST = 0xFFFF_FFFF_FFFF_FFFFL;

    public static final int MIN_PAGE_SIZE = 512;
    public static final int MAX_PAGE_SIZE = 1 << 20;

    /** Page sizes tried, in order, when meta page 0 is unusable. */
    static final int[] CANDIDATE_PAGE_SIZES = {4096, 8192, 16384, 32768, 65536, 1024, 2048, 512};

    static final long FNV_OFFSET = 0xcbf29ce484222325L;
    static final long FNV_PRIME = 0x100000001b3L;

    /** FNV-1a 64 over {@code b[off, off+len)}. */
    public static long fnv1a64(byte[] b, int off, int len) {
        long h = FNV_OFFSET;
        for (int i = off; i < off + len; i++) {
            h ^= (b[i] & 0xff);
            h *= FNV_PRIME;
        }
        return h;
    }

    static boolean isValidPageSize(long ps) {
        return ps >= MIN_PAGE_SIZE && ps <= MAX_PAGE_SIZE && Long.bitCount(ps) == 1;
    }

    static int u16(byte[] b, int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8;
    }

    static long u32(byte[] b, int off) {
        return ((b[off] & 0xffL)) | (b[off + 1] & 0xffL) << 8 | (b[off + 2] & 0xffL) << 16 | (b[off + 3] & 0xffL) << 24;
    }

    /** The sequence number in a bucket's value (its header's second field). */
    public static long bucketSequence(byte[] bucketValue) {
        return u64(bucketValue, 8);
    }

    static long u64(byte[] b, int off) {
        return u32(b, off) | u32(b, off + 4) << 32;
    }

    static void put16(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
    }

    static void put32(byte[] b, int off, long v) {
        for (int i = 0; i < 4; i++) {
            b[off + i] = (byte) (v >>> (8 * i));
        }
    }

    static void put64(byte[] b, int off, long v) {
        for (int i = 0; i < 8; i++) {
            b[off + i] = (byte) (v >>> (8 * i));
        }
    }

    /** Unsigned lexicographic comparison (bbolt's bytes.Compare). */
    public static int compare(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b);
    }

    /** Printable form of a key for error messages: hex, truncated. */
    static String hex(byte[] k) {
        StringBuilder sb = new StringBuilder();
        int n = Math.min(k.length, 40);
        for (int i = 0; i < n; i++) {
            sb.append(Character.forDigit((k[i] >> 4) & 0xf, 16)).append(Character.forDigit(k[i] & 0xf, 16));
        }
        if (n < k.length) {
            sb.append("...");
        }
        return sb.toString();
    }
}
