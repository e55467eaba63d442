package io.github.jetcdctl.client;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

import com.google.protobuf.ByteString;

import io.etcd.jetcd.api.KeyValue;
import io.etcd.jetcd.api.RangeRequest;
import io.etcd.jetcd.api.RangeResponse;
import io.github.jetcdctl.output.RangeListing;

/**
 * Reads a key range page by page at one revision, so a huge range streams in bounded memory while the
 * result is the one a single request returns at that revision (etcdctl loads it whole).
 *
 * <p>etcd counts the rest of the range for every page (there is no way to skip the count), so each page costs
 * a walk over the remaining keys in the server's index, ~0.4 s per million keys. Pages are therefore sized to
 * split a range into about 16 pieces, between 16 and 64 MB each: the counting stays a small multiple of one full
 * read, and memory stays flat beyond 64 MB pages. The 16 MB floor matters for small values: a million keys
 * without values (~45 MB) took 11 pages and 1.6 times as long with a 4 MB floor, 4 pages with this one. The next page is requested as soon as one arrives, so the server reads it while the
 * current one is printed (two pages at most are held).
 */
public final class RangePager {
    private static final int FIRST_PAGE_KEYS = 1000;
    private static final long MIN_PAGE_BYTES = 16L << 20;
    private static final long MAX_PAGE_BYTES = 64L << 20;
    private static final long PIECES = 16;

    private RangePager() {
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
    public static RangeListing fetch(RangeRequest request, Function<RangeRequest, RangeResponse> rpc) {
        long userLimit = request.getLimit();
        RangeResponse first = rpc.apply(request.toBuilder().setLimit(pageLimit(userLimit, 0, FIRST_PAGE_KEYS))
                .build());
        long total = userLimit > 0 ? Math.min(userLimit, first.getCount()) : first.getCount();
        boolean more = userLimit > 0 && first.getCount() > userLimit;
        long revision = request.getRevision() > 0 ? request.getRevision() : first.getHeader().getRevision();
        RangeRequest rest = request.toBuilder().setRevision(revision).build();
        Iterable<KeyValue> kvs = () -> new Pages(rest, rpc, first, total, MAX_PAGE_BYTES);
        return new RangeListing(first.getHeader(), kvs, more, first.getCount(), first.hasHeader());
    }

    private static long pageLimit(long userLimit, long delivered, long pageKeys) {
        return userLimit > 0 ? Math.min(pageKeys, userLimit - delivered) : pageKeys;
    }

    /** Page requests run on their own daemon thread, so that an abandoned listing never holds the JVM. */
    private static void startDaemon(Runnable request) {
        Thread t = new Thread(request, "range-page");
        t.setDaemon(true);
        t.start();
    }

    private static final class Pages implements Iterator<KeyValue> {
        private final RangeRequest request;
        private final Function<RangeRequest, RangeResponse> rpc;
        private final long total;
        private final long maxPageBytes;
        private List<KeyValue> page;
        private boolean pageHasMore;
        private int index;
        private long delivered;
        private long pageKeys = FIRST_PAGE_KEYS;
        private CompletableFuture<RangeResponse> prefetched;

        Pages(RangeRequest request, Function<RangeRequest, RangeResponse> rpc, RangeResponse first, long total,
                long maxPageBytes) {
            this.request = request;
            this.rpc = rpc;
            this.total = total;
            this.maxPageBytes = maxPageBytes;
            accept(first);
        }

        private void accept(RangeResponse response) {
            page = response.getKvsList();
            pageHasMore = response.getMore();
            index = 0;
            prefetched = null;
            if (page.isEmpty()) {
                return;
            }
            long perKey = Math.max(1, response.getSerializedSize() / page.size());
            long pageBytes = Math.max(Math.min(MIN_PAGE_BYTES, maxPageBytes), Math.min(maxPageBytes,
                    total * perKey / PIECES));
            pageKeys = Math.max(1, pageBytes / perKey);
            long deliveredAfterPage = delivered + page.size();
            if (pageHasMore && deliveredAfterPage < total) {
                ByteString after = page.get(page.size() - 1).getKey().concat(ByteString.copyFrom(new byte[] {0}));
                RangeRequest next = request.toBuilder().setKey(after)
                        .setLimit(pageLimit(request.getLimit(), deliveredAfterPage, pageKeys)).build();
                prefetched = CompletableFuture.supplyAsync(() -> rpc.apply(next), RangePager::startDaemon);
            }
        }

        @Override
        public boolean hasNext() {
            if (delivered >= total) {
                return false;
            }
            if (index < page.size()) {
                return true;
            }
            if (prefetched == null) {
                return false;
            }
            try {
                accept(prefetched.join());
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw e;
            }
            return index < page.size();
        }

        @Override
        public KeyValue next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            delivered++;
            return page.get(index++);
        }
    }
}
