package io.github.jetcdctl.output;

import io.etcd.jetcd.api.DeleteRangeResponse;
import io.etcd.jetcd.api.KeyValue;
import io.etcd.jetcd.api.PutResponse;
import io.etcd.jetcd.api.RangeResponse;
import io.etcd.jetcd.api.ResponseHeader;

/** {@code "Name" : value} lines, as etcdctl's fields printer writes them. */
final class FieldsPrinter implements Printer {
    private final Output out;

    FieldsPrinter(Output out) {
        this.out = out;
    }

    @Override
    public OutputFormat format() {
        return OutputFormat.FIELDS;
    }

    @Override
    public void get(RangeResponse response, boolean valueOnly) {
        header(response.getHeader());
        for (KeyValue kv : response.getKvsList()) {
            keyValue("", kv);
        }
        field("More", Boolean.toString(response.getMore()));
        field("Count", Long.toString(response.getCount()));
    }

    @Override
    public void put(PutResponse response) {
        header(response.getHeader());
        if (response.hasPrevKv()) {
            keyValue("Prev", response.getPrevKv());
        }
    }

    @Override
    public void del(DeleteRangeResponse response) {
        header(response.getHeader());
        field("Deleted", Long.toString(response.getDeleted()));
        for (KeyValue kv : response.getPrevKvsList()) {
            keyValue("Prev", kv);
        }
    }

    private void header(ResponseHeader header) {
        field("ClusterID", Long.toUnsignedString(header.getClusterId()));
        field("MemberID", Long.toUnsignedString(header.getMemberId()));
        field("Revision", Long.toString(header.getRevision()));
        field("RaftTerm", Long.toUnsignedString(header.getRaftTerm()));
    }

    private void keyValue(String prefix, KeyValue kv) {
        field(prefix + "Key", GoQuote.quote(kv.getKey().toByteArray()));
        field(prefix + "CreateRevision", Long.toString(kv.getCreateRevision()));
        field(prefix + "ModRevision", Long.toString(kv.getModRevision()));
        field(prefix + "Version", Long.toString(kv.getVersion()));
        field(prefix + "Value", GoQuote.quote(kv.getValue().toByteArray()));
        field(prefix + "Lease", Long.toString(kv.getLease()));
    }

    private void field(String name, String value) {
        out.print("\"").print(name).print("\" : ").println(value);
    }
}
