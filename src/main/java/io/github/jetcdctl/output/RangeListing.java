package io.github.jetcdctl.output;

import io.etcd.jetcd.api.KeyValue;
import io.etcd.jetcd.api.RangeResponse;
import io.etcd.jetcd.api.ResponseHeader;

/**
 * What {@code get} prints: one range response, whose key-values may arrive page by page. The header, more
 * and count are those of the range as a whole, so the printed bytes equal a single response's.
 */
public record RangeListing(ResponseHeader header, Iterable<KeyValue> kvs, boolean more, long count,
        boolean hasHeader) {

    public static RangeListing of(RangeResponse response) {
        return new RangeListing(response.getHeader(), response.getKvsList(), response.getMore(),
                response.getCount(), response.hasHeader());
    }
}
