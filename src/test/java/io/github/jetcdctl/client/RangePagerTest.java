package io.github.jetcdctl.client;

import com.google.protobuf.ByteString;
import io.etcd.jetcd.api.KeyValue;
import io.etcd.jetcd.api.RangeRequest;
import io.etcd.jetcd.api.RangeResponse;
import io.etcd.jetcd.api.ResponseHeader;
import io.github.jetcdctl.output.RangeListing;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Paging logic against an in-memory key space that answers as etcd's range does (count of the rest, more, limit). */
public class RangePagerTest {
    private static final NavigableMap<String, String> KEYS = new TreeMap<>();

    static {
        for (int i = 0; i < 20_000; i++) {
            // ~40 MB in sizes that vary evenly, so the first page tells the per-key size: several 16 MB pages
            KEYS.put(String.format("/k/%06d", i), "v".repeat(1 + (i * 37) % 4000));
        }
    }

    /** etcd's answer to a range request, recording each request. */
    private static Function<RangeRequest, RangeResponse> server(List<RangeRequest> seen, String failFrom) {
        return req -> {
            synchronized (seen) {
                seen.add(req);
            }
            String from = req.getKey().toStringUtf8();
            if (failFrom != null && from.compareTo(failFrom) >= 0) {
                throw new IllegalStateException("page failed at " + from);
            }
            NavigableMap<String, String> rest = KEYS.subMap(from, true, req.getRangeEnd().toStringUtf8(), false);
            RangeResponse.Builder b = RangeResponse.newBuilder()
                    .setHeader(ResponseHeader.newBuilder().setRevision(77)).setCount(rest.size());
            for (var e : rest.entrySet()) {
                if (req.getLimit() > 0 && b.getKvsCount() >= req.getLimit()) {
                    b.setMore(true);
                    break;
                }
                b.addKvs(KeyValue.newBuilder().setKey(ByteString.copyFromUtf8(e.getKey()))
                        .setValue(ByteString.copyFromUtf8(e.getValue())));
            }
            return b.build();
        };
    }

    private static RangeRequest range(long limit) {
        return RangeRequest.newBuilder().setKey(ByteString.copyFromUtf8("/k/"))
                .setRangeEnd(ByteString.copyFromUtf8("/k0")).setLimit(limit).build();
    }

    private static List<String> keys(RangeListing listing) {
        List<String> out = new ArrayList<>();
        for (KeyValue kv : listing.kvs()) {
            out.add(kv.getKey().toStringUtf8());
        }
        return out;
    }

    @Test
    void pagesAddUpToTheWholeRangeAtTheFirstPagesRevision() {
        List<RangeRequest> seen = Collections.synchronizedList(new ArrayList<>());
        RangeListing listing = RangePager.fetch(range(0), server(seen, null));
        assertEquals(20_000, listing.count());
        assertEquals(new ArrayList<>(KEYS.keySet()), keys(listing));
        assertTrue(seen.size() > 2, seen.size() + " requests");
        for (RangeRequest r : seen.subList(1, seen.size())) {
            assertEquals(77, r.getRevision(), "later pages read at the first page's revision");
        }
    }

    @Test
    void aUserLimitStopsExactlyThereAndSaysMore() {
        List<RangeRequest> seen = Collections.synchronizedList(new ArrayList<>());
        RangeListing listing = RangePager.fetch(range(12_345), server(seen, null));
        assertTrue(listing.more());
        assertEquals(new ArrayList<>(KEYS.keySet()).subList(0, 12_345), keys(listing));
        long asked = 0;
        for (RangeRequest r : seen) {
            asked += r.getLimit();
        }
        assertTrue(asked <= 12_345 + 1000, "never asks for much more than the limit: " + asked);
    }

    @Test
    void aFailedLaterPageSurfacesAfterTheKeysBeforeIt() {
        List<RangeRequest> seen = Collections.synchronizedList(new ArrayList<>());
        RangeListing listing = RangePager.fetch(range(0), server(seen, "/k/005000"));
        List<String> got = new ArrayList<>();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
            for (KeyValue kv : listing.kvs()) {
                got.add(kv.getKey().toStringUtf8());
            }
        });
        assertTrue(e.getMessage().startsWith("page failed at /k/00"), e.getMessage());
        assertEquals(new ArrayList<>(KEYS.keySet()).subList(0, got.size()), got);
        assertTrue(got.size() >= 1000, "the pages before the failure were delivered: " + got.size());
    }

    /**
     * Once the first page is printed and the second is still on its way, the listing says so before it waits
     * (get flushes its output there, so that `| head` has its lines, and its leaving is noticed, before the
     * second page arrives); the keys are the same.
     */
    @Test
    void whatWasPrintedCanGoOutBeforeTheListingWaitsForALaterPage() throws Exception {
        List<RangeRequest> seen = Collections.synchronizedList(new ArrayList<>());
        Function<RangeRequest, RangeResponse> server = server(seen, null);
        CountDownLatch secondPageHeld = new CountDownLatch(1);
        Function<RangeRequest, RangeResponse> slowLaterPages = req -> {
            if (!req.getKey().equals(range(0).getKey())) {
                awaitOrFail(secondPageHeld);
            }
            return server.apply(req);
        };
        AtomicInteger waits = new AtomicInteger();
        List<Integer> printedAtFirstWait = new ArrayList<>();
        List<String> got = new ArrayList<>();
        RangeListing listing = RangePager.fetch(range(0), slowLaterPages, () -> {
            if (waits.getAndIncrement() == 0) {
                printedAtFirstWait.add(got.size());
                secondPageHeld.countDown(); // the second page comes only once the listing has said it waits
            }
        });
        for (KeyValue kv : listing.kvs()) {
            got.add(kv.getKey().toStringUtf8());
        }
        assertEquals(List.of(1000), printedAtFirstWait, "the first wait comes after the first page's keys");
        assertEquals(new ArrayList<>(KEYS.keySet()), got);
    }

    private static void awaitOrFail(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the listing never said it waits for the second page");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
