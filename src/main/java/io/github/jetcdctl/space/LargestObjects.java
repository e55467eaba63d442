package io.github.jetcdctl.space;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** The N largest objects (key plus current value) seen, kept in a bounded heap. */
final class LargestObjects {
    private static final Comparator<LargeObject> SMALLEST_FIRST = Comparator.comparingLong(LargeObject::bytes);

    private final int limit;
    private final PriorityQueue<LargeObject> heap = new PriorityQueue<>(SMALLEST_FIRST);

    LargestObjects(int limit) {
        this.limit = limit;
    }

    /** Copies the key only when the object makes the list. */
    void offer(byte[] key, long bytes) {
        if (limit <= 0) {
            return;
        }
        if (heap.size() < limit) {
            heap.add(new LargeObject(key.clone(), bytes));
        } else if (bytes > heap.peek().bytes()) {
            heap.poll();
            heap.add(new LargeObject(key.clone(), bytes));
        }
    }

    /** Largest first; equal sizes in key order. */
    List<LargeObject> sorted() {
        List<LargeObject> list = new ArrayList<>(heap);
        list.sort(Comparator.comparingLong(LargeObject::bytes).reversed()
                .thenComparing(LargeObject::key, java.util.Arrays::compare));
        return list;
    }
}
