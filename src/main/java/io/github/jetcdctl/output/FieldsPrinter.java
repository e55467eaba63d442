package io.github.jetcdctl.output;

import java.util.List;

import io.etcd.jetcd.api.DeleteRangeResponse;
import io.etcd.jetcd.api.Member;
import io.etcd.jetcd.api.MemberListResponse;
import io.etcd.jetcd.api.StatusResponse;
import io.etcd.jetcd.api.KeyValue;
import io.etcd.jetcd.api.PutResponse;
import io.etcd.jetcd.api.RangeResponse;
import io.etcd.jetcd.api.ResponseHeader;
import io.github.jetcdctl.snapshot.KvHash;
import io.github.jetcdctl.snapshot.SnapshotStatus;
import io.etcd.jetcd.api.AlarmResponse;
import io.etcd.jetcd.api.AlarmMember;
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
import io.etcd.jetcd.api.ResponseOp;
import io.etcd.jetcd.api.TxnResponse;
import io.etcd.jetcd.api.Event;
import io.etcd.jetcd.api.WatchResponse;

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
    public void get(RangeListing listing, boolean valueOnly) {
        header(listing.header());
        for (KeyValue kv : listing.kvs()) {
            keyValue("", kv);
        }
        field("More", Boolean.toString(listing.more()));
        field("Count", Long.toString(listing.count()));
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

    @Override
    public void memberList(MemberListResponse response) {
        header(response.getHeader());
        for (Member m : response.getMembersList()) {
            field("ID", Long.toUnsignedString(m.getID()));
            field("Name", GoQuote.quote(m.getName()));
            for (String url : m.getPeerURLsList()) {
                field("PeerURL", GoQuote.quote(url));
            }
            for (String url : m.getClientURLsList()) {
                field("ClientURL", GoQuote.quote(url));
            }
            field("IsLearner", Boolean.toString(m.getIsLearner()));
            out.newline();
        }
    }

    @Override
    public void endpointHealth(List<EndpointHealth> results) {
        for (EndpointHealth h : results) {
            field("Endpoint", GoQuote.quote(h.endpoint()));
            field("Health", Boolean.toString(h.health()));
            field("Took", h.took());
            field("Error", h.error());
            out.newline();
        }
    }

    @Override
    public void endpointStatus(List<EndpointStatus> results) {
        for (EndpointStatus e : results) {
            StatusResponse s = e.status();
            header(s.getHeader());
            field("Version", GoQuote.quote(s.getVersion()));
            field("DBSize", Long.toString(s.getDbSize()));
            field("Leader", Long.toUnsignedString(s.getLeader()));
            field("IsLearner", Boolean.toString(s.getIsLearner()));
            field("RaftIndex", Long.toUnsignedString(s.getRaftIndex()));
            field("RaftTerm", Long.toUnsignedString(s.getRaftTerm()));
            field("RaftAppliedIndex", Long.toUnsignedString(s.getRaftAppliedIndex()));
            field("Errors", "[" + String.join(" ", s.getErrorsList()) + "]");
            field("Endpoint", GoQuote.quote(e.endpoint()));
            out.newline();
        }
    }

    @Override
    public void endpointHash(List<EndpointHash> results) {
        for (EndpointHash h : results) {
            header(h.hash().getHeader());
            field("Endpoint", GoQuote.quote(h.endpoint()));
            field("Hash", Integer.toUnsignedString(h.hash().getHash()));
            out.newline();
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

    /** A disarm response has no header; etcdctl 3.5 panics on it, we print only the alarms. */
    @Override
    public void alarm(AlarmResponse response) {
        if (response.hasHeader()) {
            header(response.getHeader());
        }
        for (AlarmMember alarm : response.getAlarmsList()) {
            field("MemberID", Long.toUnsignedString(alarm.getMemberID()));
            field("AlarmType", Alarms.typeName(alarm.getAlarmValue()));
            out.newline();
        }
    }

    @Override
    public void snapshotStatus(SnapshotStatus status) {
        field("Hash", Long.toString(status.hash()));
        field("Revision", Long.toString(status.revision()));
        field("Keys", Long.toString(status.totalKey()));
        field("Size", Long.toString(status.totalSize()));
    }

    @Override
    public void hashKv(KvHash.Result hash) {
        field("Hash", Long.toString(hash.hash()));
        field("Hash revision", Long.toString(hash.hashRevision()));
        field("Compact revision", Long.toString(hash.compactRevision()));
    }

    @Override
    public void roleAdd(String role, AuthRoleAddResponse response) {
        header(response.getHeader());
    }

    /** etcdctl prints the permission type with a doubled space: {@code "PermType" :  READ}. */
    @Override
    public void roleGet(String role, AuthRoleGetResponse response) {
        header(response.getHeader());
        for (Permission perm : response.getPermList()) {
            field("PermType", " " + permTypeName(perm.getPermTypeValue()));
            field("Key", GoQuote.quote(perm.getKey().toByteArray()));
            field("RangeEnd", GoQuote.quote(perm.getRangeEnd().toByteArray()));
        }
    }

    @Override
    public void roleDelete(String role, AuthRoleDeleteResponse response) {
        header(response.getHeader());
    }

    @Override
    public void roleList(AuthRoleListResponse response) {
        header(response.getHeader());
        out.print("\"Roles\" :");
        for (ByteString role : response.getRolesList().asByteStringList()) {
            out.print(" ").print(GoQuote.quote(role.toByteArray()));
        }
        out.newline();
    }

    @Override
    public void roleGrantPermission(String role, AuthRoleGrantPermissionResponse response) {
        header(response.getHeader());
    }

    @Override
    public void roleRevokePermission(String role, byte[] key, byte[] rangeEnd,
            AuthRoleRevokePermissionResponse response) {
        header(response.getHeader());
    }

    @Override
    public void userAdd(String user, AuthUserAddResponse response) {
        header(response.getHeader());
    }

    @Override
    public void userChangePassword(AuthUserChangePasswordResponse response) {
        header(response.getHeader());
    }

    @Override
    public void userGrantRole(String user, String role, AuthUserGrantRoleResponse response) {
        header(response.getHeader());
    }

    @Override
    public void userRevokeRole(String user, String role, AuthUserRevokeRoleResponse response) {
        header(response.getHeader());
    }

    @Override
    public void userDelete(String user, AuthUserDeleteResponse response) {
        header(response.getHeader());
    }

    /** Go's String() of authpb.Permission_Type: the name, or the number when it has none. */
    private static String permTypeName(int value) {
        return switch (value) {
            case Permission.Type.READ_VALUE -> "READ";
            case Permission.Type.WRITE_VALUE -> "WRITE";
            case Permission.Type.READWRITE_VALUE -> "READWRITE";
            default -> Integer.toString(value);
        };
    }

    @Override
    public void txn(TxnResponse response) {
        header(response.getHeader());
        field("Succeeded", Boolean.toString(response.getSucceeded()));
        for (ResponseOp op : response.getResponsesList()) {
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
        header(response.getHeader());
        field("ID", Long.toString(response.getID()));
        field("TTL", Long.toString(response.getTTL()));
    }

    @Override
    public void leaseRevoke(long leaseId, LeaseRevokeResponse response) {
        header(response.getHeader());
    }

    @Override
    public void leaseTimeToLive(LeaseTimeToLiveResponse response, boolean withKeys) {
        header(response.getHeader());
        field("ID", Long.toString(response.getID()));
        field("TTL", Long.toString(response.getTTL()));
        field("GrantedTTL", Long.toString(response.getGrantedTTL()));
        for (ByteString key : response.getKeysList()) {
            field("Key", GoQuote.quote(key.toByteArray()));
        }
    }

    @Override
    public void leaseList(ResponseHeader header, List<Long> leaseIds) {
        header(header);
        for (long id : leaseIds) {
            field("ID", Long.toString(id));
        }
    }

    @Override
    public void leaseKeepAlive(LeaseKeepAliveResponse response) {
        header(response.getHeader());
        field("ID", Long.toString(response.getID()));
        field("TTL", Long.toString(response.getTTL()));
    }

    @Override
    public void watch(WatchResponse response) {
        header(response.getHeader());
        for (Event event : response.getEventsList()) {
            out.print("\"Type\" : ").println(WatchEvents.typeName(event.getTypeValue()));
            if (event.hasPrevKv()) {
                keyValue("Prev", event.getPrevKv());
            }
            keyValue("", event.getKv());
        }
    }
}
