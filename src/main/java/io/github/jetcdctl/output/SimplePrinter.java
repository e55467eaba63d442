package io.github.jetcdctl.output;

import io.etcd.jetcd.api.DeleteRangeResponse;
import io.etcd.jetcd.api.KeyValue;
import io.etcd.jetcd.api.PutResponse;
import io.etcd.jetcd.api.RangeResponse;

/** etcdctl's default format: raw key and value lines, or {@code \xNN} hex with --hex. */
final class SimplePrinter implements Printer {
    private final Output out;
    private final boolean hex;

    SimplePrinter(Output out, boolean hex) {
        this.out = out;
        this.hex = hex;
    }

    @Override
    public OutputFormat format() {
        return OutputFormat.SIMPLE;
    }

    @Override
    public void get(RangeResponse response, boolean valueOnly) {
        for (KeyValue kv : response.getKvsList()) {
            keyValue(kv, valueOnly);
        }
    }

    @Override
    public void put(PutResponse response) {
        out.println("OK");
        if (response.hasPrevKv()) {
            keyValue(response.getPrevKv(), false);
        }
    }

    @Override
    public void del(DeleteRangeResponse response) {
        out.println(Long.toString(response.getDeleted()));
        for (KeyValue kv : response.getPrevKvsList()) {
            keyValue(kv, false);
        }
    }

    private void keyValue(KeyValue kv, boolean valueOnly) {
        if (!valueOnly) {
            bytesLine(kv.getKey().toByteArray());
        }
        bytesLine(kv.getValue().toByteArray());
    }

    private void bytesLine(byte[] bytes) {
        if (hex) {
            out.print(GoHex.escapedBytes(bytes));
        } else {
            out.write(bytes);
        }
        out.newline();
    }
}
