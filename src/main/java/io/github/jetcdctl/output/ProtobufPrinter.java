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
