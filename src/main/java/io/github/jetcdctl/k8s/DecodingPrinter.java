package io.github.jetcdctl.k8s;

import io.etcd.jetcd.api.Event;
import io.etcd.jetcd.api.KeyValue;
import io.etcd.jetcd.api.WatchResponse;
import io.github.jetcdctl.output.Output;
import io.github.jetcdctl.output.OutputFormat;
import io.github.jetcdctl.output.Printer;
import io.github.jetcdctl.output.RangeListing;
import io.github.jetcdctl.output.WatchEvents;

/**
 * get's and watch's printer under --decode=k8s: each key-value is decoded as it arrives (a paged range and a watch
 * stream alike) and written as a YAML document or a JSON line.
 */
public final class DecodingPrinter implements Printer {
    private final KubernetesDecoder decoder = new KubernetesDecoder();
    private final DecodedDocuments documents;

    private DecodingPrinter(DecodedDocuments documents) {
        this.documents = documents;
    }

    /** {@code outputName} is --decode-output: yaml or json. */
    public static DecodingPrinter create(String outputName, Output out) {
        return new DecodingPrinter(DecodedDocuments.Format.parse(outputName).writer(out));
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
