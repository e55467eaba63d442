package io.github.jetcdctl.output;

import com.google.protobuf.MessageLite;

import io.etcd.jetcd.api.DeleteRangeResponse;
import io.etcd.jetcd.api.MemberListResponse;
import io.etcd.jetcd.api.PutResponse;
import io.etcd.jetcd.api.RangeResponse;
import io.etcd.jetcd.api.TxnResponse;

/** The serialized response message, with no delimiter or newline, as etcdctl's protobuf printer writes. */
final class ProtobufPrinter implements Printer {
    private final Output out;

    ProtobufPrinter(Output out) {
        this.out = out;
    }

    @Override
    public OutputFormat format() {
        return OutputFormat.PROTOBUF;
    }

    @Override
    public void get(RangeResponse response, boolean valueOnly) {
        message(response);
    }

    @Override
    public void put(PutResponse response) {
        message(response);
    }

    @Override
    public void del(DeleteRangeResponse response) {
        message(response);
    }

    @Override
    public void memberList(MemberListResponse response) {
        message(response);
    }

    private void message(MessageLite message) {
        out.write(message.toByteArray());
    }

    @Override
    public void txn(TxnResponse response) {
        message(response);
    }
}
