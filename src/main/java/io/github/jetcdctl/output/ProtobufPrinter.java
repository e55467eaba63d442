package io.github.jetcdctl.output;

import com.google.protobuf.MessageLite;

import io.etcd.jetcd.api.DeleteRangeResponse;
import io.etcd.jetcd.api.MemberListResponse;
import io.etcd.jetcd.api.PutResponse;
import io.etcd.jetcd.api.RangeResponse;
import io.etcd.jetcd.api.AlarmResponse;
import io.etcd.jetcd.api.MemberAddResponse;
import io.etcd.jetcd.api.MemberPromoteResponse;
import io.etcd.jetcd.api.MemberRemoveResponse;
import io.etcd.jetcd.api.MemberUpdateResponse;
import io.etcd.jetcd.api.MoveLeaderResponse;

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
    public void memberAdd(MemberAddResponse response, String newMemberName, String peerUrlsFlag) {
        message(response);
    }

    @Override
    public void memberRemove(long id, MemberRemoveResponse response) {
        message(response);
    }

    @Override
    public void memberUpdate(long id, MemberUpdateResponse response) {
        message(response);
    }

    /** etcdctl 3.5 panics here (its protobuf printer lacks the method); we print the response instead. */
    @Override
    public void memberPromote(long id, MemberPromoteResponse response) {
        message(response);
    }

    @Override
    public void alarm(AlarmResponse response) {
        message(response);
    }

    @Override
    public void moveLeader(long leader, long target, MoveLeaderResponse response) {
        message(response);
    }
}
