package io.github.jetcdctl.output;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import io.github.jetcdctl.defrag.RecoveryReport;
import io.github.jetcdctl.defrag.RollingReport;
import io.github.jetcdctl.space.SpaceReport;

import com.google.protobuf.ByteString;

import io.etcd.jetcd.api.DeleteRangeResponse;
import io.etcd.jetcd.api.MemberListResponse;
import io.etcd.jetcd.api.KeyValue;
import io.github.jetcdctl.recovery.HistoryEntry;
import io.github.jetcdctl.recovery.KeyHistory;
import io.github.jetcdctl.recovery.MemberComparison;
import io.etcd.jetcd.api.PutResponse;
import io.etcd.jetcd.api.RangeResponse;
import io.github.jetcdctl.snapshot.KvHash;
import io.github.jetcdctl.snapshot.SnapshotStatus;
import io.etcd.jetcd.api.AlarmResponse;
import io.etcd.jetcd.api.AlarmMember;
import io.etcd.jetcd.api.Member;
import io.etcd.jetcd.api.MemberAddResponse;
import io.etcd.jetcd.api.MemberPromoteResponse;
import io.etcd.jetcd.api.MemberRemoveResponse;
import io.etcd.jetcd.api.MemberUpdateResponse;
import io.etcd.jetcd.api.MoveLeaderResponse;
import com.google.protobuf.ByteString;
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
import io.etcd.jetcd.api.Permission;
import io.etcd.jetcd.api.LeaseGrantResponse;
import io.etcd.jetcd.api.LeaseKeepAliveResponse;
import io.etcd.jetcd.api.LeaseRevokeResponse;
import io.etcd.jetcd.api.LeaseTimeToLiveResponse;
import io.etcd.jetcd.api.ResponseHeader;
import io.etcd.jetcd.api.ResponseOp;
import io.etcd.jetcd.api.TxnResponse;
import io.etcd.jetcd.api.Event;
import io.etcd.jetcd.api.WatchResponse;

/** etcdctl's default format: raw key and value lines, or {@code \xNN} hex with --hex. */
final class SimplePrinter implements Printer {
    private final Output out;
    private final PrintStream err;
    private final boolean hex;
    private final EtcdctlLine line;

    SimplePrinter(Output out, PrintStream err, boolean hex, EtcdctlLine line) {
        this.line = line;
        this.out = out;
        this.err = err;
        this.hex = hex;
    }

    @Override
    public OutputFormat format() {
        return OutputFormat.SIMPLE;
    }

    @Override
    public void get(RangeListing listing, boolean valueOnly) {
        for (KeyValue kv : listing.kvs()) {
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

    @Override
    public void memberList(MemberListResponse response) {
        joinedRows(ClusterTables.memberRows(response));
    }

    /** Healthy endpoints on stdout, unhealthy ones on stderr, as etcdctl 3.5 prints them. */
    @Override
    public void endpointHealth(List<EndpointHealth> results) {
        for (EndpointHealth h : results) {
            if (h.error().isEmpty()) {
                out.println(h.endpoint() + " is healthy: successfully committed proposal: took = " + h.took());
            } else {
                out.flush();
                err.println(h.endpoint() + " is unhealthy: failed to commit proposal: " + h.error());
            }
        }
    }

    @Override
    public void endpointStatus(List<EndpointStatus> results) {
        joinedRows(ClusterTables.statusRows(results, line));
    }

    @Override
    public void endpointHash(List<EndpointHash> results) {
        joinedRows(ClusterTables.hashRows(results, line));
    }

    @Override
    public void compare(MemberComparison comparison) {
        out.print(CompareOutput.simple(comparison));
    }

    /** Per entry its heading line, then (a put, without --keys-only) its value as get prints it. */
    @Override
    public void history(KeyHistory history, List<HistoryEntry> entries, boolean keysOnly) {
        for (HistoryEntry e : entries) {
            ByteString key = e.kv().getKey();
            String keyText = hex ? GoHex.escapedBytes(key.toByteArray()) : key.toStringUtf8();
            out.println(HistoryOutput.simpleHeading(e, keyText));
            if (!keysOnly && !e.delete()) {
                bytesLine(e.kv().getValue());
            }
        }
    }

    private void joinedRows(List<List<String>> rows) {
        for (List<String> row : rows) {
            out.println(String.join(", ", row));
        }
    }

    private void keyValue(KeyValue kv, boolean valueOnly) {
        if (!valueOnly) {
            bytesLine(kv.getKey());
        }
        bytesLine(kv.getValue());
    }

    private void bytesLine(ByteString bytes) {
        if (hex) {
            out.print(GoHex.escapedBytes(bytes.toByteArray()));
        } else {
            out.write(bytes);
        }
        out.newline();
    }

    /** The added member's line, then the environment an operator gives the new etcd process. */
    @Override
    public void memberAdd(MemberAddResponse response, String newMemberName, String peerUrlsFlag) {
        long newId = response.getMember().getID();
        out.println("Member " + GoHex.spacePadded16(newId) + line.memberAddedText(response.getMember().getIsLearner())
                + GoHex.spacePadded16(response.getHeader().getClusterId()));
        List<String> initialCluster = new ArrayList<>();
        for (Member m : response.getMembersList()) {
            String name = m.getID() == newId ? newMemberName : m.getName();
            for (String url : m.getPeerURLsList()) {
                initialCluster.add(name + "=" + url);
            }
        }
        out.newline();
        out.println("ETCD_NAME=" + GoQuote.quote(newMemberName));
        out.println("ETCD_INITIAL_CLUSTER=" + GoQuote.quote(String.join(",", initialCluster)));
        out.println("ETCD_INITIAL_ADVERTISE_PEER_URLS=" + GoQuote.quote(peerUrlsFlag));
        out.println("ETCD_INITIAL_CLUSTER_STATE=\"existing\"");
    }

    @Override
    public void memberRemove(long id, MemberRemoveResponse response) {
        memberLine(id, "removed from", response.getHeader().getClusterId());
    }

    @Override
    public void memberUpdate(long id, MemberUpdateResponse response) {
        memberLine(id, "updated in", response.getHeader().getClusterId());
    }

    @Override
    public void memberPromote(long id, MemberPromoteResponse response) {
        memberLine(id, "promoted in", response.getHeader().getClusterId());
    }

    /** Each alarm in protobuf's compact text form, as Go's {@code %+v} prints the message. */
    @Override
    public void alarm(AlarmResponse response) {
        for (AlarmMember alarm : response.getAlarmsList()) {
            out.println(Alarms.compactText(alarm));
        }
    }

    @Override
    public void moveLeader(long leader, long target, MoveLeaderResponse response) {
        out.println("Leadership transferred from " + GoHex.unsigned(leader) + " to " + GoHex.unsigned(target));
    }

    private void memberLine(long id, String verb, long clusterId) {
        out.println("Member " + GoHex.spacePadded16(id) + " " + verb + " cluster " + GoHex.spacePadded16(clusterId));
    }

    @Override
    public void snapshotStatus(SnapshotStatus status) {
        joinedRows(List.of(ClusterTables.snapshotStatusRow(status, line)));
    }

    @Override
    public void downgrade(String action, io.github.jetcdctl.client.api.DowngradeResponse response) {
        out.println("Downgrade " + action + " success, cluster version " + response.getVersion());
    }

    @Override
    public void hashKv(KvHash.Result hash) {
        joinedRows(List.of(ClusterTables.hashKvRow(hash)));
    }

    @Override
    public void roleAdd(String role, AuthRoleAddResponse response) {
        out.println("Role " + role + " created");
    }

    /** Read permissions, then write permissions; a read-write permission appears in both. */
    @Override
    public void roleGet(String role, AuthRoleGetResponse response) {
        out.println("Role " + role);
        out.println("KV Read:");
        for (Permission perm : response.getPermList()) {
            if (perm.getPermTypeValue() == Permission.Type.READ_VALUE
                    || perm.getPermTypeValue() == Permission.Type.READWRITE_VALUE) {
                permission(perm);
            }
        }
        out.println("KV Write:");
        for (Permission perm : response.getPermList()) {
            if (perm.getPermTypeValue() == Permission.Type.WRITE_VALUE
                    || perm.getPermTypeValue() == Permission.Type.READWRITE_VALUE) {
                permission(perm);
            }
        }
    }

    @Override
    public void roleDelete(String role, AuthRoleDeleteResponse response) {
        out.println("Role " + role + " deleted");
    }

    @Override
    public void roleList(AuthRoleListResponse response) {
        for (ByteString role : response.getRolesList().asByteStringList()) {
            out.write(role.toByteArray()).newline();
        }
    }

    @Override
    public void roleGrantPermission(String role, AuthRoleGrantPermissionResponse response) {
        out.println("Role " + role + " updated");
    }

    @Override
    public void roleRevokePermission(String role, byte[] key, byte[] rangeEnd,
            AuthRoleRevokePermissionResponse response) {
        if (rangeEnd.length == 0) {
            out.print("Permission of key ").write(key);
        } else {
            out.print("Permission of range [").write(key).print(", ");
            if (PermissionRanges.isOpenEnded(rangeEnd)) {
                out.print("<open ended>");
            } else {
                out.write(rangeEnd).print(")");
            }
        }
        out.println(" is revoked from role " + role);
    }

    @Override
    public void userAdd(String user, AuthUserAddResponse response) {
        out.println("User " + user + " created");
    }

    @Override
    public void userGet(String user, AuthUserGetResponse response) {
        out.print("User: " + user).newline().print("Roles:");
        for (ByteString role : response.getRolesList().asByteStringList()) {
            out.print(" ").write(role.toByteArray());
        }
        out.newline();
    }

    @Override
    public void userList(AuthUserListResponse response) {
        for (ByteString user : response.getUsersList().asByteStringList()) {
            out.write(user.toByteArray()).newline();
        }
    }

    @Override
    public void userChangePassword(AuthUserChangePasswordResponse response) {
        out.println("Password updated");
    }

    @Override
    public void userGrantRole(String user, String role, AuthUserGrantRoleResponse response) {
        out.println("Role " + role + " is granted to user " + user);
    }

    @Override
    public void userRevokeRole(String user, String role, AuthUserRevokeRoleResponse response) {
        out.println("Role " + role + " is revoked from user " + user);
    }

    @Override
    public void userDelete(String user, AuthUserDeleteResponse response) {
        out.println("User " + user + " deleted");
    }

    @Override
    public void authStatus(AuthStatus status) {
        out.println("Authentication Status: " + status.enabled());
        out.println("AuthRevision: " + Long.toUnsignedString(status.authRevision()));
    }

    /** A key, {@code [key, end)}, or {@code [key, <open ended>}, plus the prefix it stands for if any. */
    private void permission(Permission perm) {
        byte[] key = perm.getKey().toByteArray();
        byte[] end = perm.getRangeEnd().toByteArray();
        out.print("\t");
        if (end.length == 0) {
            out.write(key).newline();
            return;
        }
        out.print("[").write(key).print(", ");
        if (PermissionRanges.isOpenEnded(end)) {
            out.print("<open ended>");
        } else {
            out.write(end).print(")");
        }
        if (PermissionRanges.isPrefixRange(key, end) && (key.length > 0 || line.roleGetNamesEmptyPrefix())) {
            out.print(" (prefix ").write(key).print(")");
        }
        out.newline();
    }

    /** SUCCESS or FAILURE, then each response as get, put or del print it, after an empty line. */
    @Override
    public void txn(TxnResponse response) {
        out.println(response.getSucceeded() ? "SUCCESS" : "FAILURE");
        for (ResponseOp op : response.getResponsesList()) {
            out.newline();
            switch (op.getResponseCase()) {
                case RESPONSE_RANGE -> get(op.getResponseRange(), false);
                case RESPONSE_PUT -> put(op.getResponsePut());
                case RESPONSE_DELETE_RANGE -> del(op.getResponseDeleteRange());
                default -> {
                    // nested transactions cannot be written in etcdctl's txn syntax
                }
            }
        }
    }

    @Override
    public void leaseGrant(LeaseGrantResponse response) {
        out.println("lease " + GoHex.zeroPadded16(response.getID()) + " granted with TTL(" + response.getTTL() + "s)");
    }

    @Override
    public void leaseRevoke(long leaseId, LeaseRevokeResponse response) {
        out.println("lease " + GoHex.zeroPadded16(leaseId) + " revoked");
    }

    /** A missing lease comes back with a granted TTL of 0 and a TTL of -1. */
    @Override
    public void leaseTimeToLive(LeaseTimeToLiveResponse response, boolean withKeys) {
        String id = GoHex.zeroPadded16(response.getID());
        if (response.getGrantedTTL() == 0 && response.getTTL() == -1) {
            out.println("lease " + id + " already expired");
            return;
        }
        out.print("lease " + id + " granted with TTL(" + response.getGrantedTTL() + "s), remaining("
                + response.getTTL() + "s)");
        if (withKeys) {
            // Go's %v of a []string: the raw strings between brackets, separated by spaces
            out.print(", attached keys([");
            for (int i = 0; i < response.getKeysCount(); i++) {
                if (i > 0) {
                    out.print(" ");
                }
                out.write(response.getKeys(i).toByteArray());
            }
            out.print("])");
        }
        out.newline();
    }

    @Override
    public void leaseList(ResponseHeader header, List<Long> leaseIds) {
        out.println("found " + leaseIds.size() + " leases");
        for (long id : leaseIds) {
            out.println(GoHex.zeroPadded16(id));
        }
    }

    @Override
    public void leaseKeepAlive(LeaseKeepAliveResponse response) {
        out.println("lease " + GoHex.zeroPadded16(response.getID()) + " keepalived with TTL(" + response.getTTL()
                + ")");
    }

    @Override
    public void leaseKeepAliveEnded(long leaseId) {
        out.println("lease " + GoHex.zeroPadded16(leaseId) + " expired or revoked.");
    }

    @Override
    public void watch(WatchResponse response) {
        for (Event event : response.getEventsList()) {
            out.println(WatchEvents.typeName(event.getTypeValue()));
            if (event.hasPrevKv()) {
                keyValue(event.getPrevKv(), false);
            }
            keyValue(event.getKv(), false);
        }
    }

    @Override
    public void spaceReport(SpaceReport report) {
        out.print(SpaceOutput.text(report, hex));
    }

    @Override
    public void rollingDefrag(RollingReport report) {
        out.print(DefragOutput.text(report));
    }

    @Override
    public void alarmRecover(RecoveryReport report) {
        out.print(RecoveryOutput.text(report));
    }
}
