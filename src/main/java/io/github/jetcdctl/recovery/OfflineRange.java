package io.github.jetcdctl.recovery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;

import com.google.protobuf.ByteString;

import io.etcd.jetcd.api.KeyValue;
import io.etcd.jetcd.api.RangeRequest;
import io.etcd.jetcd.api.ResponseHeader;
import io.github.jetcdctl.output.RangeListing;

/**
 * A {@code get} answered from a db file as the server would answer it: the keys of the range as they were at the
 * requested revision, with etcd's filters, sort, limit, count and its errors for compacted and future revisions.
 *
 * <p>The key bucket is ordered by revision, not by key, so one pass builds the set of live keys at that revision.
 * Values are kept while they fit in {@link #VALUE_BUDGET}; past it they are dropped and read again in further
 * passes, a budget's worth at a time, while the printer asks for them: memory holds the keys, never all values.
 */
public final class OfflineRange {
    /** Bytes of values kept in memory at once: 64 MB, or an eighth of the heap when that is smaller. */
    static final long VALUE_BUDGET = Math.min(64L << 20, Runtime.getRuntime().maxMemory() / 8);

    private final OfflineDb db;
    private final long valueBudget;
    private final WalState wal;

    public OfflineRange(OfflineDb db) {
        this(db, VALUE_BUDGET, null);
    }

    /** With a data dir's WAL, the header names the member and cluster, and the term, as the member would. */
    public OfflineRange(OfflineDb db, WalState wal) {
        this(db, VALUE_BUDGET, wal);
    }

    OfflineRange(OfflineDb db, long valueBudget) {
        this(db, valueBudget, null);
    }

    private OfflineRange(OfflineDb db, long valueBudget, WalState wal) {
        this.db = db;
        this.valueBudget = valueBudget;
        this.wal = wal;
    }

    /** The listing; its key-values are read lazily and throw {@link UncheckedIOException} if the file fails. */
    public RangeListing range(RangeRequest request) throws IOException {
        DbMeta meta = db.meta();
        long revision = checkedRevision(request.getRevision(), meta);
        KeyMatcher range = new KeyMatcher(request.getKey(), request.getRangeEnd());
        boolean wantValues = !request.getKeysOnly() && !request.getCountOnly();
        boolean mustKeepValues = request.getSortTarget() == RangeRequest.SortTarget.VALUE;
        TreeMap<ByteString, KeyValue> live = new TreeMap<>(ByteString.unsignedLexicographicalComparator());
        long[] kept = {0};
        boolean[] dropped = {!wantValues && !mustKeepValues};
        long[] averageValue = {1};
        db.scan(record -> {
            if (record.revision().main() > revision) {
                return false;
            }
            ByteString key = record.kv().getKey();
            if (!range.matches(key)) {
                return true;
            }
            KeyValue old = record.isDelete() ? live.remove(key) : live.put(key, withoutValueIf(dropped[0],
                    record.kv()));
            if (old != null) {
                kept[0] -= old.getValue().size();
            }
            if (!record.isDelete() && !dropped[0]) {
                kept[0] += record.kv().getValue().size();
                if (kept[0] > valueBudget && !mustKeepValues) {
                    averageValue[0] = kept[0] / live.size();
                    live.replaceAll((k, kv) -> kv.toBuilder().clearValue().build());
                    dropped[0] = true;
                }
            }
            return true;
        });
        List<KeyValue> kvs = new ArrayList<>(live.values());
        long count = kvs.size();
        kvs = filtered(kvs, request);
        sort(kvs, request);
        boolean more = false;
        if (request.getLimit() > 0 && kvs.size() > request.getLimit()) {
            kvs = kvs.subList(0, (int) request.getLimit());
            more = true;
        }
        ResponseHeader.Builder header = ResponseHeader.newBuilder().setRevision(meta.revision())
                .setRaftTerm(meta.term());
        if (wal != null) {
            header.setClusterId(wal.clusterId()).setMemberId(wal.memberId()).setRaftTerm(wal.hardStateTerm());
        }
        if (request.getCountOnly()) {
            return new RangeListing(header.build(), List.of(), more, count, true);
        }
        Iterable<KeyValue> listed = kvs;
        if (wantValues && dropped[0]) {
            List<KeyValue> keys = kvs;
            int perPass = (int) Math.max(1, Math.min(1_000_000, valueBudget / Math.max(1, averageValue[0])));
            listed = () -> new ValueReloader(keys, perPass);
        }
        return new RangeListing(header.build(), listed, more, count, true);
    }

    /** etcd's checks of a range's revision against the store's. */
    static long checkedRevision(long requested, DbMeta meta) {
        if (requested <= 0) {
            return meta.revision();
        }
        if (requested > meta.revision()) {
            throw new RecoveryException("etcdserver: mvcc: required revision is a future revision");
        }
        if (requested < Math.max(meta.compactRevision(), meta.scheduledCompactRevision())) {
            throw new RecoveryException("etcdserver: mvcc: required revision has been compacted");
        }
        return requested;
    }

    private static KeyValue withoutValueIf(boolean drop, KeyValue kv) {
        return drop ? kv.toBuilder().clearValue().build() : kv;
    }

    /** The server's min/max mod and create revision filters. */
    private static List<KeyValue> filtered(List<KeyValue> kvs, RangeRequest r) {
        if (r.getMinModRevision() == 0 && r.getMaxModRevision() == 0 && r.getMinCreateRevision() == 0
                && r.getMaxCreateRevision() == 0) {
            return kvs;
        }
        List<KeyValue> kept = new ArrayList<>();
        for (KeyValue kv : kvs) {
            if ((r.getMaxModRevision() != 0 && kv.getModRevision() > r.getMaxModRevision())
                    || (r.getMinModRevision() != 0 && kv.getModRevision() < r.getMinModRevision())
                    || (r.getMaxCreateRevision() != 0 && kv.getCreateRevision() > r.getMaxCreateRevision())
                    || (r.getMinCreateRevision() != 0 && kv.getCreateRevision() < r.getMinCreateRevision())) {
                continue;
            }
            kept.add(kv);
        }
        return kept;
    }

    /** As the server sorts: a target other than the key with no order means ascending. Ties keep key order. */
    private static void sort(List<KeyValue> kvs, RangeRequest r) {
        RangeRequest.SortOrder order = r.getSortOrder();
        if (r.getSortTarget() != RangeRequest.SortTarget.KEY && order == RangeRequest.SortOrder.NONE) {
            order = RangeRequest.SortOrder.ASCEND;
        }
        if (order == RangeRequest.SortOrder.NONE
                || (order == RangeRequest.SortOrder.ASCEND && r.getSortTarget() == RangeRequest.SortTarget.KEY)) {
            return;
        }
        Comparator<KeyValue> by = switch (r.getSortTarget()) {
            case CREATE -> Comparator.comparingLong(KeyValue::getCreateRevision);
            case MOD -> Comparator.comparingLong(KeyValue::getModRevision);
            case VERSION -> Comparator.comparingLong(KeyValue::getVersion);
            case VALUE -> Comparator.comparing(KeyValue::getValue, ByteString.unsignedLexicographicalComparator());
            default -> Comparator.comparing(KeyValue::getKey, ByteString.unsignedLexicographicalComparator());
        };
        kvs.sort(order == RangeRequest.SortOrder.DESCEND ? by.reversed() : by);
    }

    /** Gives the key-values in order, filling in their values a budget's worth per pass over the key bucket. */
    private final class ValueReloader implements Iterator<KeyValue> {
        private final List<KeyValue> keys;
        private final int perPass;
        private int next;
        private List<KeyValue> batch = List.of();
        private int inBatch;

        ValueReloader(List<KeyValue> keys, int perPass) {
            this.keys = keys;
            this.perPass = perPass;
        }

        @Override
        public boolean hasNext() {
            return inBatch < batch.size() || next < keys.size();
        }

        @Override
        public KeyValue next() {
            if (inBatch >= batch.size()) {
                if (next >= keys.size()) {
                    throw new NoSuchElementException();
                }
                batch = loadBatch();
                inBatch = 0;
            }
            return batch.get(inBatch++);
        }

        private List<KeyValue> loadBatch() {
            int from = next;
            Map<Long, List<Integer>> wanted = new HashMap<>();
            long highest = 0;
            // sizes are unknown until read: a pass takes as many keys as values of the average size fit the budget
            while (next < keys.size() && next - from < perPass) {
                KeyValue kv = keys.get(next);
                wanted.computeIfAbsent(kv.getModRevision(), r -> new ArrayList<>()).add(next - from);
                highest = Math.max(highest, kv.getModRevision());
                next++;
            }
            KeyValue[] filled = new KeyValue[next - from];
            long last = highest;
            try {
                db.scan(record -> {
                    long main = record.revision().main();
                    if (main > last) {
                        return false;
                    }
                    List<Integer> at = wanted.get(main);
                    if (at != null && !record.isDelete()) {
                        for (int i : at) {
                            if (keys.get(from + i).getKey().equals(record.kv().getKey())) {
                                filled[i] = record.kv();
                            }
                        }
                    }
                    return true;
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<KeyValue> out = new ArrayList<>(filled.length);
            for (int i = 0; i < filled.length; i++) {
                out.add(filled[i] != null ? filled[i] : keys.get(from + i));
            }
            return out;
        }
    }

    /** A range as etcd reads it: one key, a half-open range, or from a key on when the end is a single zero byte. */
    record KeyMatcher(ByteString key, ByteString end) {
        private static final Comparator<ByteString> ORDER = ByteString.unsignedLexicographicalComparator();

        boolean matches(ByteString k) {
            if (end.isEmpty()) {
                return k.equals(key);
            }
            if (ORDER.compare(k, key) < 0) {
                return false;
            }
            return end.size() == 1 && end.byteAt(0) == 0 || ORDER.compare(k, end) < 0;
        }
    }
}
