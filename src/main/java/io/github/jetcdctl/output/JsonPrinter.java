package io.github.jetcdctl.output;

import com.google.protobuf.MessageOrBuilder;

import io.etcd.jetcd.api.DeleteRangeResponse;
import io.etcd.jetcd.api.PutResponse;
import io.etcd.jetcd.api.RangeResponse;

/** One compact Go-style JSON document per response, as etcdctl's json printer writes. */
final class JsonPrinter implements Printer {
    private final Output out;

    JsonPrinter(Output out) {
        this.out = out;
    }

    @Override
    public OutputFormat format() {
        return OutputFormat.JSON;
    }

    @Override
    public void get(RangeResponse response, boolean valueOnly) {
        document(response);
    }

    @Override
    public void put(PutResponse response) {
        document(response);
    }

    @Override
    public void del(DeleteRangeResponse response) {
        document(response);
    }

    private void document(MessageOrBuilder message) {
        out.println(GoJson.marshal(message));
    }
}
