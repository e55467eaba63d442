package io.github.jetcdctl.output;

import java.util.List;

import com.google.protobuf.MessageLite;

import io.etcd.jetcd.api.DeleteRangeResponse;
import io.etcd.jetcd.api.LeaseGrantResponse;
import io.etcd.jetcd.api.LeaseKeepAliveResponse;
import io.etcd.jetcd.api.LeaseRevokeResponse;
import io.etcd.jetcd.api.LeaseTimeToLiveResponse;
import io.etcd.jetcd.api.MemberListResponse;
import io.etcd.jetcd.api.PutResponse;
import io.etcd.jetcd.api.RangeResponse;
import io.etcd.jetcd.api.ResponseHeader;
import io.etcd.jetcd.api.TxnResponse;
import io.github.jetcdctl.CliException;

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

    /** etcdctl hands over clientv3's wrapper, whose only marshalable part is the embedded header. */
    @Override
    public void leaseGrant(LeaseGrantResponse response) {
        message(response.getHeader());
    }

    /** clientv3's LeaseRevokeResponse has no Marshal method: etcdctl fails, printing the struct with %v. */
    @Override
    public void leaseRevoke(long leaseId, LeaseRevokeResponse response) {
        String header = response.hasHeader() ? compactText(response.getHeader()) : "<nil>";
        throw CliException.badFeature("marshal unsupported for type clientv3.LeaseRevokeResponse ({" + header
                + " {} [] 0})");
    }

    @Override
    public void leaseTimeToLive(LeaseTimeToLiveResponse response, boolean withKeys) {
        message(response.getHeader());
    }

    @Override
    public void leaseList(ResponseHeader header, List<Long> leaseIds) {
        message(header);
    }

    @Override
    public void leaseKeepAlive(LeaseKeepAliveResponse response) {
        message(response.getHeader());
    }

    /** gogo's compact text form of a header: each non-zero field as {@code name:value} and a space. */
    private static String compactText(ResponseHeader header) {
        StringBuilder text = new StringBuilder();
        if (header.getClusterId() != 0) {
            text.append("cluster_id:").append(Long.toUnsignedString(header.getClusterId())).append(' ');
        }
        if (header.getMemberId() != 0) {
            text.append("member_id:").append(Long.toUnsignedString(header.getMemberId())).append(' ');
        }
        if (header.getRevision() != 0) {
            text.append("revision:").append(header.getRevision()).append(' ');
        }
        if (header.getRaftTerm() != 0) {
            text.append("raft_term:").append(Long.toUnsignedString(header.getRaftTerm())).append(' ');
        }
        return text.toString();
    }
}
