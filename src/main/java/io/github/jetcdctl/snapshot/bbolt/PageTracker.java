package io.github.jetcdctl.snapshot.bbolt;

import io.github.jetcdctl.snapshot.SnapshotFormatException;

import java.util.BitSet;

/** Records which page ids a walk has reached; a second reference to a page (a cycle or shared page) is an error. */
public final class PageTracker {
    private final BitSet seen = new BitSet();
    private final long limit;

    PageTracker(long limit) {
        this.limit = limit;
    }

    void mark(long pgid, long overflow) throws SnapshotFormatException {
        for (long p = pgid; p <= pgid + overflow; p++) {
            if (p < 0 || p >= limit) {
                throw new SnapshotFormatException("page " + p + ": out of bounds: " + limit);
            }
            if (seen.get((int) p)) {
                throw new SnapshotFormatException("page " + p + ": multiple references");
            }
            seen.set((int) p);
        }
    }

    public boolean isReached(long pgid) {
        return pgid >= 0 && pgid < limit && seen.get((int) pgid);
    }

    public long reachedCount() {
        return seen.cardinality();
    }
}
