package io.github.jetcdctl.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.MessageLite;

import io.etcd.jetcd.api.DeleteRangeResponse;
import io.etcd.jetcd.api.KeyValue;
import io.etcd.jetcd.api.MemberListResponse;
import io.etcd.jetcd.api.PutResponse;
import io.etcd.jetcd.api.RangeResponse;
import io.etcd.jetcd.api.AlarmResponse;
import io.etcd.jetcd.api.MemberAddResponse;
import io.etcd.jetcd.api.MemberPromoteResponse;
import io.etcd.jetcd.api.MemberRemoveResponse;
import io.etcd.jetcd.api.MemberUpdateResponse;
import io.etcd.jetcd.api.MoveLeaderResponse;
import io.etcd.jetcd.api.AuthRoleAddResponse;
import io.etcd.jetcd.api.AuthRoleDeleteResponse;
import io.etcd.jetcd.api.AuthRoleGetResponse;
import io.etcd.jetcd.api.AuthRoleGrantPermissionResponse;
import io.etcd.jetcd.api.AuthRoleListResponse;
import io.etcd.jetcd.api.AuthRoleRevokePermissionResponse;
import io.etcd.jetcd.api.AuthUserAddResponse;
import io.etcd.jetcd.api.AuthUserChangePasswordResponse;
import io.etcd.jetcd.api.AuthUserDeleteResponse;
import io.etcd.jetcd.api.AuthUserGetResponse;
import io.etcd.jetcd.api.AuthUserGrantRoleResponse;
import io.etcd.jetcd.api.AuthUserListResponse;
import io.etcd.jetcd.api.AuthUserRevokeRoleResponse;
import io.etcd.jetcd.api.LeaseGrantResponse;
import io.etcd.jetcd.api.LeaseKeepAliveResponse;
import io.etcd.jetcd.api.LeaseRevokeResponse;
import io.etcd.jetcd.api.LeaseTimeToLiveResponse;
import io.etcd.jetcd.api.ResponseHeader;
import io.etcd.jetcd.api.TxnResponse;
import io.github.jetcdctl.CliException;
import java.util.List;
import io.etcd.jetcd.api.WatchResponse;

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
    public void get(RangeListing listing, boolean valueOnly) {
        // RangeResponse's wire format, field by field in number order, as protobuf serializes it whole.
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        CodedOutputStream wire = CodedOutputStream.newInstance(buffer);
        try {
            if (listing.hasHeader()) {
                wire.writeMessage(RangeResponse.HEADER_FIELD_NUMBER, listing.header());
            }
            for (KeyValue kv : listing.kvs()) {
                wire.writeMessage(RangeResponse.KVS_FIELD_NUMBER, kv);
                if (buffer.size() > 1 << 16) {
                    wire.flush();
                    out.write(buffer.toByteArray());
                    buffer.reset();
                }
            }
            if (listing.more()) {
                wire.writeBool(RangeResponse.MORE_FIELD_NUMBER, true);
            }
            if (listing.count() != 0) {
                wire.writeInt64(RangeResponse.COUNT_FIELD_NUMBER, listing.count());
            }
            wire.flush();
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        out.write(buffer.toByteArray());
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

    @Override
    public void downgrade(String action, io.github.jetcdctl.client.api.DowngradeResponse response) {
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

    @Override
    public void roleAdd(String role, AuthRoleAddResponse response) {
        message(response);
    }

    @Override
    public void roleGet(String role, AuthRoleGetResponse response) {
        message(response);
    }

    @Override
    public void roleDelete(String role, AuthRoleDeleteResponse response) {
        message(response);
    }

    @Override
    public void roleList(AuthRoleListResponse response) {
        message(response);
    }

    @Override
    public void roleGrantPermission(String role, AuthRoleGrantPermissionResponse response) {
        message(response);
    }

    @Override
    public void roleRevokePermission(String role, byte[] key, byte[] rangeEnd,
            AuthRoleRevokePermissionResponse response) {
        message(response);
    }

    @Override
    public void userAdd(String user, AuthUserAddResponse response) {
        message(response);
    }

    @Override
    public void userGet(String user, AuthUserGetResponse response) {
        message(response);
    }

    @Override
    public void userList(AuthUserListResponse response) {
        message(response);
    }

    @Override
    public void userChangePassword(AuthUserChangePasswordResponse response) {
        message(response);
    }

    @Override
    public void userGrantRole(String user, String role, AuthUserGrantRoleResponse response) {
        message(response);
    }

    @Override
    public void userRevokeRole(String user, String role, AuthUserRevokeRoleResponse response) {
        message(response);
    }

    @Override
    public void userDelete(String user, AuthUserDeleteResponse response) {
        message(response);
    }

    @Override
    public void authStatus(AuthStatus status) {
        message(status.response());
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

    /** etcdctl rebuilds the message from its client's view: no watch ID, no cancel reason, always a header. */
    @Override
    public void watch(WatchResponse response) {
        message(WatchResponse.newBuilder()
                .setHeader(response.getHeader())
                .addAllEvents(response.getEventsList())
                .setCompactRevision(response.getCompactRevision())
                .setCanceled(response.getCanceled())
                .setCreated(response.getCreated())
                .build());
    }
}
