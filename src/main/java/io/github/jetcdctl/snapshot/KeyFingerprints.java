package io.github.jetcdctl.snapshot;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The latest revision of each key modified in a stretch of history, keyed by a 128-bit fingerprint of the key
 * (its MD5) rather than the key, so that memory grows by 40 bytes per key whatever the keys' length. Two keys of one
 * store sharing a fingerprint is as likely as an MD5 collision by chance, about 2^-128 per pair.
 */
final class KeyFingerprints {
    private final MessageDigest md5;
    private long[] high = new long[64];
    private long[] low = new long[64];
    private long[] main = new long[64];
    private long[] sub = new long[64];
    private boolean[] tombstone = new boolean[64];
    private boolean[] used = new boolean[64];
    private int size;
    private int alive;

    KeyFingerprints() {
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fingerprint of {@code key}: two longs. */
    long[] fingerprint(byte[] key) {
        byte[] d = md5.digest(key);
        return new long[] {readLong(d, 0), readLong(d, 8)};
    }

    /** Records a revision of the key; revisions come in ascending order, so the last one wins. */
    void record(long[] fp, long revMain, long revSub, boolean isTombstone) {
        if ((size + 1) * 4L > used.length * 3L) {
            grow();
        }
        int i = slot(fp);
        if (!used[i]) {
            used[i] = true;
            high[i] = fp[0];
            low[i] = fp[1];
            size++;
        } else if (!tombstone[i]) {
            alive--;
        }
        main[i] = revMain;
        sub[i] = revSub;
        tombstone[i] = isTombstone;
        if (!isTombstone) {
            alive++;
        }
    }

    /** Whether the latest recorded revision of the key is exactly this one, or the key has none recorded. */
    boolean latestIsOrAbsent(long[] fp, long revMain, long revSub) {
        int i = slot(fp);
        return !used[i] || main[i] == revMain && sub[i] == revSub;
    }

    /** How many recorded keys have a put, not a deletion, as their latest revision. */
    int aliveCount() {
        return alive;
    }

    int size() {
        return size;
    }

    private int slot(long[] fp) {
        int mask = used.length - 1;
        int i = (int) (fp[0] ^ fp[0] >>> 32) & mask;
        while (used[i] && (high[i] != fp[0] || low[i] != fp[1])) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        long[] oldHigh = high;
        long[] oldLow = low;
        long[] oldMain = main;
        long[] oldSub = sub;
        boolean[] oldTombstone = tombstone;
        boolean[] oldUsed = used;
        int capacity = oldUsed.length * 2;
        high = new long[capacity];
        low = new long[capacity];
        main = new long[capacity];
        sub = new long[capacity];
        tombstone = new boolean[capacity];
        used = new boolean[capacity];
        for (int j = 0; j < oldUsed.length; j++) {
            if (oldUsed[j]) {
                int i = slot(new long[] {oldHigh[j], oldLow[j]});
                used[i] = true;
                high[i] = oldHigh[j];
                low[i] = oldLow[j];
                main[i] = oldMain[j];
                sub[i] = oldSub[j];
                tombstone[i] = oldTombstone[j];
            }
        }
    }

    private static long readLong(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = v << 8 | (b[off + i] & 0xff);
        }
        return v;
    }
}
