package io.github.jetcdctl.k8s;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.ByteString;

import io.etcd.jetcd.api.Event;
import io.etcd.jetcd.api.KeyValue;
import io.etcd.jetcd.api.WatchResponse;
import io.github.jetcdctl.output.Output;
import io.github.jetcdctl.output.OutputFormat;
import io.github.jetcdctl.output.Printer;
import io.github.jetcdctl.output.RangeListing;
import io.github.jetcdctl.output.WatchEvents;
import io.github.jetcdctl.recovery.HistoryEntry;
import io.github.jetcdctl.recovery.KeyHistory;

/**
 * get's and watch's printer under --decode=k8s: each key-value is decoded as it arrives (a paged range and a watch
 * stream alike) and written as a YAML document or a JSON line.
 */
public final class DecodingPrinter implements Printer {
    private final KubernetesDecoder decoder = new KubernetesDecoder();
    private final DecodedDocuments documents;
    private final boolean diffs;

    private DecodingPrinter(DecodedDocuments documents, boolean diffs) {
        this.documents = documents;
        this.diffs = diffs;
    }

    /** {@code outputName} is --decode-output: yaml or json. */
    public static DecodingPrinter create(String outputName, Output out) {
        return create(outputName, out, false);
    }

    /** {@code diffs}: history shows each revision after a key's first as a diff from the one before. */
    public static DecodingPrinter create(String outputName, Output out, boolean diffs) {
        return new DecodingPrinter(DecodedDocuments.Format.parse(outputName).writer(out), diffs);
    }

    @Override
    public OutputFormat format() {
        return OutputFormat.SIMPLE;
    }

    @Override
    public void get(RangeListing listing, boolean valueOnly) {
        for (KeyValue kv : listing.kvs()) {
            documents.write(null, kv.getKey(), decoder.decode(kv.getValue()), null);
        }
    }

    /**
     * Each entry decoded; when made to show diffs, an entry that follows an earlier one of the same key shows
     * what changed (a delete shows its key's last value removed).
     */
    @Override
    public void history(KeyHistory history, List<HistoryEntry> entries, boolean keysOnly) {
        Map<ByteString, HistoryEntry> last = new HashMap<>();
        for (HistoryEntry entry : entries) {
            StoredValue value = entry.delete() ? new StoredValue.Absent() : decoder.decode(entry.kv().getValue());
            HistoryEntry before = diffs ? last.get(entry.kv().getKey()) : null;
            StoredValue previous = before == null ? null
                    : before.delete() ? new StoredValue.Absent() : decoder.decode(before.kv().getValue());
            documents.history(entry, value, previous, before == null ? 0 : before.revision());
            last.put(entry.kv().getKey(), entry);
        }
    }

    @Override
    public String watchProgressLine(long revision) {
        return documents.progressLine(revision);
    }

    @Override
    public void watch(WatchResponse response) {
        for (Event event : response.getEventsList()) {
            StoredValue value = event.getType() == Event.EventType.DELETE ? new StoredValue.Absent()
                    : decoder.decode(event.getKv().getValue());
            StoredValue previous = event.hasPrevKv() ? decoder.decode(event.getPrevKv().getValue()) : null;
            documents.write(WatchEvents.typeName(event.getTypeValue()), event.getKv().getKey(), value, previous);
        }
    }
}
