package io.github.jetcdctl.snapshot.bbolt;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Receives the contents of a bbolt file in key order. Depth 0 is the root bucket (whose entries are the top-level
 * buckets), depth 1 the contents of a top-level bucket, and so on.
 */
public interface BoltVisitor {
    /** A visitor that ignores everything. */
    BoltVisitor NONE = new BoltVisitor() {
        @Override
        public void keyValue(int depth, byte[] key, ByteBuffer value) {
        }
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

    /**
     * The same entry with its value as a view of the page it sits in (no copy: read it, never change it); the walk
     * calls this one. By default it copies the value and calls {@link #keyValue(int, byte[], byte[])}.
     */
    default void keyValue(int depth, byte[] key, ByteBuffer value) throws IOException {
        byte[] copy = new byte[value.remaining()];
        value.duplicate().get(copy);
        keyValue(depth, key, copy);
    }

    default void endBucket(int depth, byte[] name) throws IOException {
    }
}
