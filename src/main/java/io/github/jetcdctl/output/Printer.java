package io.github.jetcdctl.output;

import java.util.List;

import io.etcd.jetcd.api.DeleteRangeResponse;
import io.etcd.jetcd.api.MemberListResponse;
import io.etcd.jetcd.api.PutResponse;
import io.etcd.jetcd.api.RangeResponse;
import io.github.jetcdctl.snapshot.KvHash;
import io.github.jetcdctl.snapshot.SnapshotStatus;
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
import io.github.jetcdctl.backup.BackupListing;
import io.github.jetcdctl.backup.BackupReport;
import io.github.jetcdctl.defrag.RecoveryReport;
import io.github.jetcdctl.defrag.RollingReport;
import io.github.jetcdctl.space.SpaceReport;
import io.github.jetcdctl.recovery.HistoryEntry;
import io.github.jetcdctl.recovery.KeyHistory;
import io.github.jetcdctl.recovery.MemberComparison;
import io.etcd.jetcd.api.WatchResponse;

/**
 * Prints command results in one --write-out format. Commands hand over the raw etcd responses and never
 * format text themselves. A format that etcdctl does not offer for a response fails, after the RPC, with
 * {@code <format> not supported as output format} (exit 4), as etcdctl does.
 */
public interface Printer {
    OutputFormat format();

    /** {@code valueOnly} is get's --print-value-only; only the simple format honours it. */
    default void get(RangeResponse response, boolean valueOnly) {
        get(RangeListing.of(response), valueOnly);
    }

    /** A range whose key-values are streamed; the output equals that of one response with all of them. */
    default void get(RangeListing listing, boolean valueOnly) {
        throw format().unsupported();
    }

    default void put(PutResponse response) {
        throw format().unsupported();
    }

    default void del(DeleteRangeResponse response) {
        throw format().unsupported();
    }

    default void memberList(MemberListResponse response) {
        throw format().unsupported();
    }

    default void endpointHealth(List<EndpointHealth> results) {
        throw format().unsupported();
    }

    default void endpointStatus(List<EndpointStatus> results) {
        throw format().unsupported();
    }

    default void endpointHash(List<EndpointHash> results) {
        throw format().unsupported();
    }

    /** A printer of {@code format} as the given etcdctl line prints it. */
    static Printer create(OutputFormat format, Output out, java.io.PrintStream err, boolean hex, EtcdctlLine line) {
        return switch (format) {
            case SIMPLE -> new SimplePrinter(out, err, hex, line);
            case JSON -> new JsonPrinter(out, hex, line);
            case FIELDS -> new FieldsPrinter(out, hex, line);
            case PROTOBUF -> new ProtobufPrinter(out);
            case TABLE -> new TablePrinter(out, hex, line);
        };
    }

    /** {@code peerUrlsFlag} is --peer-urls as typed; the simple format echoes it for the new member's config. */
    default void memberAdd(MemberAddResponse response, String newMemberName, String peerUrlsFlag) {
        throw format().unsupported();
    }

    default void memberRemove(long id, MemberRemoveResponse response) {
        throw format().unsupported();
    }

    default void memberUpdate(long id, MemberUpdateResponse response) {
        throw format().unsupported();
    }

    default void memberPromote(long id, MemberPromoteResponse response) {
        throw format().unsupported();
    }

    /** Alarm list and disarm; a disarm response has no header, as etcdctl builds it from several calls. */
    default void alarm(AlarmResponse response) {
        throw format().unsupported();
    }

    /** {@code action}: validate, enable or cancel. */
    default void downgrade(String action, io.github.jetcdctl.client.api.DowngradeResponse response) {
        throw format().unsupported();
    }

    default void moveLeader(long leader, long target, MoveLeaderResponse response) {
        throw format().unsupported();
    }

    /** {@code history}: {@code entries} (all or some of {@code history}'s), each with where it was found. */
    default void history(KeyHistory history, List<HistoryEntry> entries, boolean keysOnly) {
        throw format().unsupported();
    }

    /** {@code compare}: members' data side by side, the candidate to restart from, the keys that differ. */
    default void compare(MemberComparison comparison) {
        throw format().unsupported();
    }

    default void snapshotStatus(SnapshotStatus status) {
        throw format().unsupported();
    }

    /** {@code hashkv} of a db file, as etcdutl prints it (no protobuf form). */
    default void hashKv(KvHash.Result hash) {
        throw format().unsupported();
    }

    default void roleAdd(String role, AuthRoleAddResponse response) {
        throw format().unsupported();
    }

    default void roleGet(String role, AuthRoleGetResponse response) {
        throw format().unsupported();
    }

    default void roleDelete(String role, AuthRoleDeleteResponse response) {
        throw format().unsupported();
    }

    default void roleList(AuthRoleListResponse response) {
        throw format().unsupported();
    }

    default void roleGrantPermission(String role, AuthRoleGrantPermissionResponse response) {
        throw format().unsupported();
    }

    /** {@code key} as given on the command line; {@code rangeEnd} as sent (empty for a single key). */
    default void roleRevokePermission(String role, byte[] key, byte[] rangeEnd,
            AuthRoleRevokePermissionResponse response) {
        throw format().unsupported();
    }

    default void userAdd(String user, AuthUserAddResponse response) {
        throw format().unsupported();
    }

    default void userGet(String user, AuthUserGetResponse response) {
        throw format().unsupported();
    }

    default void userList(AuthUserListResponse response) {
        throw format().unsupported();
    }

    default void userChangePassword(AuthUserChangePasswordResponse response) {
        throw format().unsupported();
    }

    default void userGrantRole(String user, String role, AuthUserGrantRoleResponse response) {
        throw format().unsupported();
    }

    default void userRevokeRole(String user, String role, AuthUserRevokeRoleResponse response) {
        throw format().unsupported();
    }

    default void userDelete(String user, AuthUserDeleteResponse response) {
        throw format().unsupported();
    }

    default void authStatus(AuthStatus status) {
        throw format().unsupported();
    }

    default void txn(TxnResponse response) {
        throw format().unsupported();
    }

    default void leaseGrant(LeaseGrantResponse response) {
        throw format().unsupported();
    }

    default void leaseRevoke(long leaseId, LeaseRevokeResponse response) {
        throw format().unsupported();
    }

    default void leaseTimeToLive(LeaseTimeToLiveResponse response, boolean withKeys) {
        throw format().unsupported();
    }

    default void leaseList(ResponseHeader header, List<Long> leaseIds) {
        throw format().unsupported();
    }

    default void leaseKeepAlive(LeaseKeepAliveResponse response) {
        throw format().unsupported();
    }

    /** keep-alive stopped because the lease expired or was revoked; only the simple format says so. */
    default void leaseKeepAliveEnded(long leaseId) {
    }

    default void backup(BackupReport report) {
        throw format().unsupported();
    }

    default void backupList(List<BackupListing> listings) {
        throw format().unsupported();
    }

    /** jetcdctl's space report (not in etcdctl): simple, table and json (JSON lines). */
    default void spaceReport(SpaceReport report) {
        throw format().unsupported();
    }

    /** jetcdctl's defrag --rolling report (not in etcdctl): simple, table and json. */
    default void rollingDefrag(RollingReport report) {
        throw format().unsupported();
    }

    /** jetcdctl's alarm recover report (not in etcdctl): simple, table and json. */
    default void alarmRecover(RecoveryReport report) {
        throw format().unsupported();
    }

    /** The line watch prints for a progress notification, in every etcdctl format. */
    default String watchProgressLine(long revision) {
        return "progress notify: " + revision;
    }

    /** One watch response; a progress notification or cancellation has no events. */
    default void watch(WatchResponse response) {
        throw format().unsupported();
    }
}
