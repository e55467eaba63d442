package io.github.jetcdctl.snapshot.bbolt;

import java.io.IOException;

/**
 * Receives the contents of a bbolt file in key order. Depth 0 is the root bucket (whose entries are the top-level
 * buckets), depth 1 the contents of a top-level bucket, and so on.
 */
public interface BoltVisitor {
    /** A visitor that ignores everything. */
    BoltVisitor NONE = new BoltVisitor() {
    };

    /**
     * A bucket named {@code name} starts; it lives at {@code depth - 1} and its entries will be reported at
     * {@code depth}. Return false to skip its entries (they are still checked).
     */
    default boolean beginBucket(int depth, byte[] name) throws IOException {
        return true;
    }

    /** A plain key/value inside the bucket at {@code depth} (depth 0: a non-bucket entry of the root bucket). */
    default void keyValue(int depth, byte[] key, byte[] value) throws IOException {
    }

    default void endBucket(int depth, byte[] name) throws IOException {
    }
}
