package io.github.jetcdctl.recovery;

import io.etcd.jetcd.api.KeyValue;

/**
 * One record of the key bucket: a put (the key-value as it was written at {@code revision}) or a delete (a
 * tombstone, whose key-value holds only the key).
 */
public record KeyRecord(Revision revision, KeyValue kv) {
    public boolean isDelete() {
        return revision.tombstone();
    }
}
