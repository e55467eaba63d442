package io.github.jetcdctl.client;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

import com.google.protobuf.ByteString;

import io.etcd.jetcd.api.KeyValue;
import io.etcd.jetcd.api.RangeRequest;
import io.etcd.jetcd.api.RangeResponse;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.output.RangeListing;

/**
 * Reads a key range page by page at one revision, so a huge range streams in bounded memory while the
 * result is the one a single request returns at that revision (etcdctl loads it whole).
 *
 * <p>etcd counts the rest of the range for every page (there is no way to skip the count), so each page costs
 * a walk over the remaining keys in the server's index, ~0.4 s per million keys. Pages are therefore sized to
 * split a range into about 16 pieces, between 16 and 64 MB each: the counting stays a small multiple of one full
 * read. The 16 MB floor matters for small values: a million keys without values (~45 MB) took 11 pages and 1.6
 * times as long with a 4 MB floor, 4 pages with this one.
 *
 * <p>The first page (1,000 keys: its header, count and more are the listing's) is read before anything is
 * printed, so its errors come first; the second is at most 16,000 keys, so that a reader that stops early
 * ({@code | head}) is noticed soon. The later pages are read one after another on a thread of their own and
 * decoded as they arrive ({@link RangeScan#page}): their key-values go to the printer through a small bounded
 * queue, so no page is ever a heap object (a page decoded whole outlives the JVM's small young generation and is
 * promoted whole; see RangeScan). A page's raw bytes wait in gRPC's receive buffer while it is decoded; the next
 * page is requested once the current one is decoded, while the queue's last key-values are printed. Whenever the
 * printer has caught up with the pages and must wait for the next one, the listing's {@code beforeWaiting} runs
 * first ({@code get} flushes what it printed): a reader has the lines it can have, and one that stopped ({@code |
 * head}) can be noticed while the next page is on its way, not after it.
 */
public final class RangePager {
    private static final int FIRST_PAGE_KEYS = 1000;
    /**
     * The page after the first is small too: a reader that stops early ({@code | head}) is noticed only at the
     * first write after the pipe closed, and the first page's lines fit in the pipe's buffer.
     */
    private static final int SECOND_PAGE_KEYS = 16 * FIRST_PAGE_KEYS;
    private static final long MIN_PAGE_BYTES = 16L << 20;
    private static final long MAX_PAGE_BYTES = 64L << 20;
    private static final long PIECES = 16;
    /** Key-values are handed to the printer in chunks of this many, or of this many bytes of keys and values. */
    private static final int CHUNK_KEYS = 256;
    private static final long CHUNK_BYTES = 64 << 10;
    private static final int QUEUED_CHUNKS = 4;
    private static final ByteString ZERO = ByteString.copyFrom(new byte[] {0});

    private RangePager() {
    }

    /** Reads one page of a range, handing its key-values to {@code reader} in order. */
    interface PageSource {
        RangeScan.Page read(RangeRequest request, Consumer<KeyValue> reader);
    }

    /**
     * Whether a request can be paged: keys in ascending order, no count-only, no revision filters (the server
     * applies those after its limit, so pages would come back short).
     */
    public static boolean canPage(RangeRequest request) {
        return request.getSortTarget() == RangeRequest.SortTarget.KEY
                && request.getSortOrder() == RangeRequest.SortOrder.NONE
                && !request.getCountOnly() && request.getRangeEnd().size() > 0
                && request.getMinModRevision() == 0 && request.getMaxModRevision() == 0
                && request.getMinCreateRevision() == 0 && request.getMaxCreateRevision() == 0;
    }

    /** The first page is fetched now (errors surface before any output); the rest as the listing is read. */
    public static RangeListing fetch(EtcdConnection connection, RangeRequest request) {
        return fetch(connection, request, () -> { });
    }

    /** As {@link #fetch(EtcdConnection, RangeRequest)}; {@code beforeWaiting} runs whenever the listing must wait. */
    public static RangeListing fetch(EtcdConnection connection, RangeRequest request, Runnable beforeWaiting) {
        return fetch(request, (page, reader) -> RangeScan.page(connection, page, reader), connection::isClosed,
                beforeWaiting);
    }

    /** As {@link #fetch(EtcdConnection, RangeRequest)}, each page a whole response from {@code rpc}. */
    public static RangeListing fetch(RangeRequest request, Function<RangeRequest, RangeResponse> rpc) {
        return fetch(request, rpc, () -> { });
    }

    /** As {@link #fetch(RangeRequest, Function)}; {@code beforeWaiting} runs whenever the listing must wait. */
    public static RangeListing fetch(RangeRequest request, Function<RangeRequest, RangeResponse> rpc,
            Runnable beforeWaiting) {
        return fetch(request, (page, reader) -> {
            RangeResponse response = rpc.apply(page);
            response.getKvsList().forEach(reader);
            ByteString lastKey = response.getKvsCount() == 0 ? ByteString.EMPTY
                    : response.getKvs(response.getKvsCount() - 1).getKey();
            return new RangeScan.Page(response.getHeader(), response.hasHeader(), response.getMore(),
                    response.getCount(), response.getKvsCount(), lastKey, response.getSerializedSize());
        }, () -> false, beforeWaiting);
    }

    private static RangeListing fetch(RangeRequest request, PageSource source, BooleanSupplier closed,
            Runnable beforeWaiting) {
        long userLimit = request.getLimit();
        List<KeyValue> firstKvs = new ArrayList<>();
        RangeScan.Page first = source.read(request.toBuilder().setLimit(pageLimit(userLimit, 0, FIRST_PAGE_KEYS))
                .build(), firstKvs::add);
        long total = userLimit > 0 ? Math.min(userLimit, first.count()) : first.count();
        boolean more = userLimit > 0 && first.count() > userLimit;
        long revision = request.getRevision() > 0 ? request.getRevision() : first.header().getRevision();
        RangeRequest rest = request.toBuilder().setRevision(revision).build();
        Iterable<KeyValue> kvs = () -> new Pages(rest, source, closed, first, firstKvs, total, beforeWaiting);
        return new RangeListing(first.header(), kvs, more, first.count(), first.hasHeader());
    }

    private static long pageLimit(long userLimit, long delivered, long pageKeys) {
        return userLimit > 0 ? Math.min(pageKeys, userLimit - delivered) : pageKeys;
    }

    /** The end of the range, or the failure that ended it early, as the last item of the queue. */
    private record End(Throwable failure) {
    }

    /** Thrown into the page being decoded when nobody reads the listing any more. */
    private static final class Abandoned extends RuntimeException {
        Abandoned() {
            super("the listing is no longer read", null, false, false);
        }
    }

    private static final class Pages implements Iterator<KeyValue> {
        private final long total;
        private final Runnable beforeWaiting;
        private Iterator<KeyValue> current;
        private BlockingQueue<Object> queue;
        private long delivered;

        Pages(RangeRequest request, PageSource source, BooleanSupplier closed, RangeScan.Page first,
                List<KeyValue> firstKvs, long total, Runnable beforeWaiting) {
            this.total = total;
            this.beforeWaiting = beforeWaiting;
            this.current = firstKvs.iterator();
            if (first.more() && first.keys() > 0 && first.keys() < total) {
                queue = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
                Thread reader = new Thread(new LaterPages(request, source, closed, first, total, queue,
                        new WeakReference<>(this)), "range-page");
                // an abandoned listing never holds the JVM
                reader.setDaemon(true);
                reader.start();
            }
        }

        @Override
        public boolean hasNext() {
            if (delivered >= total) {
                return false;
            }
            while (!current.hasNext()) {
                if (queue == null) {
                    return false;
                }
                Object item = take();
                if (item instanceof End end) {
                    queue = null;
                    if (end.failure() instanceof RuntimeException r) {
                        throw r;
                    }
                    if (end.failure() instanceof Error e) {
                        throw e;
                    }
                    return false;
                }
                @SuppressWarnings("unchecked")
                List<KeyValue> chunk = (List<KeyValue>) item;
                current = chunk.iterator();
            }
            return true;
        }

        private Object take() {
            Object ready = queue.poll();
            if (ready != null) {
                return ready;
            }
            beforeWaiting.run();
            try {
                return queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException(ExitCodes.ERROR, "context canceled");
            }
        }

        @Override
        public KeyValue next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            delivered++;
            return current.next();
        }
    }

    /** Reads the pages after the first, one after another, into the queue. */
    private static final class LaterPages implements Runnable {
        private final RangeRequest request;
        private final PageSource source;
        private final BooleanSupplier closed;
        private final long total;
        private final BlockingQueue<Object> queue;
        private final WeakReference<Pages> listing;
        private RangeScan.Page last;
        private final long firstKeys;
        private long produced;
        private List<KeyValue> chunk = new ArrayList<>();
        private long chunkBytes;
        private boolean abandoned;

        LaterPages(RangeRequest request, PageSource source, BooleanSupplier closed, RangeScan.Page first, long total,
                BlockingQueue<Object> queue, WeakReference<Pages> listing) {
            this.request = request;
            this.source = source;
            this.closed = closed;
            this.last = first;
            this.firstKeys = first.keys();
            this.produced = first.keys();
            this.total = total;
            this.queue = queue;
            this.listing = listing;
        }

        @Override
        public void run() {
            Throwable failure = null;
            try {
                while (last.more() && last.keys() > 0 && produced < total) {
                    long perKey = Math.max(1, last.bytes() / last.keys());
                    long pageBytes = Math.max(MIN_PAGE_BYTES, Math.min(MAX_PAGE_BYTES, total * perKey / PIECES));
                    long pageKeys = Math.max(1, pageBytes / perKey);
                    if (produced == firstKeys) {
                        pageKeys = Math.min(pageKeys, SECOND_PAGE_KEYS);
                    }
                    RangeRequest next = request.toBuilder().setKey(last.lastKey().concat(ZERO))
                            .setLimit(pageLimit(request.getLimit(), produced, pageKeys)).build();
                    last = source.read(next, this::hand);
                    produced += last.keys();
                    flush();
                }
            } catch (Throwable t) {
                failure = t;
            }
            if (!abandoned) {
                try {
                    put(new End(failure));
                } catch (Abandoned e) {
                    // nobody reads the listing any more
                }
            }
        }

        private void hand(KeyValue kv) {
            chunk.add(kv);
            chunkBytes += kv.getKey().size() + kv.getValue().size();
            if (chunk.size() >= CHUNK_KEYS || chunkBytes >= CHUNK_BYTES) {
                flush();
            }
        }

        private void flush() {
            if (!chunk.isEmpty()) {
                put(chunk);
                chunk = new ArrayList<>();
                chunkBytes = 0;
            }
        }

        /** Waits for room in the queue while the listing is still read (its iterator reachable, its connection open). */
        private void put(Object item) {
            try {
                while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    if (listing.get() == null || closed.getAsBoolean()) {
                        abandoned = true;
                        throw new Abandoned();
                    }
                }
            } catch (InterruptedException e) {
                abandoned = true;
                throw new Abandoned();
            }
        }
    }
}
