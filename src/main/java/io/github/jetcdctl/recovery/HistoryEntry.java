package io.github.jetcdctl.recovery;

import java.util.List;

import io.etcd.jetcd.api.KeyValue;

/**
 * One kept revision of a key: a put (the key-value as written) or a delete (only the key), and every source it
 * was found in, in the order they were read.
 *
 * @param revision the main revision of the change (a delete's key-value carries none)
 */
public record HistoryEntry(long revision, KeyValue kv, boolean delete, List<String> foundIn) {
    public HistoryEntry {
        foundIn = List.copyOf(foundIn);
    }

    public String type() {
        return delete ? "DELETE" : "PUT";
    }
}
