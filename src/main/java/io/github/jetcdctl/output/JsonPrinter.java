package io.github.jetcdctl.output;

import java.util.List;

import com.google.protobuf.MessageOrBuilder;

import io.etcd.jetcd.api.DeleteRangeResponse;
import io.etcd.jetcd.api.KeyValue;
import io.github.jetcdctl.recovery.HistoryEntry;
import io.github.jetcdctl.recovery.KeyHistory;
import io.github.jetcdctl.recovery.MemberComparison;
import io.etcd.jetcd.api.Member;
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
import io.etcd.jetcd.api.Event;
import io.etcd.jetcd.api.WatchResponse;

/** One compact Go-style JSON document per response, as etcdctl's json printer writes. */
final class JsonPrinter implements Printer {
    private final Output out;
    private final boolean hex;
    private final EtcdctlLine line;

    JsonPrinter(Output out, boolean hex, EtcdctlLine line) {
        this.line = line;
        this.out = out;
        this.hex = hex;
    }

    @Override
    public OutputFormat format() {
        return OutputFormat.JSON;
    }

    @Override
    public void get(RangeListing listing, boolean valueOnly) {
        // The Go encoding of a RangeResponse, written key by key: fields in order, zero values left out.
        out.print("{");
        String separator = "";
        if (listing.hasHeader()) {
            out.print("\"header\":").print(GoJson.marshal(listing.header()));
            separator = ",";
        }
        boolean first = true;
        for (KeyValue kv : listing.kvs()) {
            out.print(first ? separator + "\"kvs\":[" : ",").print(GoJson.marshal(kv));
            first = false;
        }
        if (!first) {
            out.print("]");
            separator = ",";
        }
        if (listing.more()) {
            out.print(separator + "\"more\":true");
            separator = ",";
        }
        if (listing.count() != 0) {
            out.print(separator + "\"count\":" + listing.count());
        }
        out.println("}");
    }

    @Override
    public void put(PutResponse response) {
        document(response);
    }

    @Override
    public void del(DeleteRangeResponse response) {
        document(response);
    }

    @Override
    public void memberList(MemberListResponse response) {
        if (hex && line.hexJsonCoversMemberResponses()) {
            out.println(membersWithHexIds(response.getHeader(), null, response.getMembersList()));
        } else if (hex) {
            out.println(memberListWithHexIds(response, line.memberListHexClientUrlsKey()));
        } else {
            document(response);
        }
    }

    /**
     * etcdctl 3.7's {@code --hex} document of a member response: hex IDs as strings, empty names, URL lists and a
     * false learner flag left out, a zero revision and raft term too; {@code member} only for member add.
     */
    private static String membersWithHexIds(ResponseHeader header, Member added, List<Member> members) {
        GoJsonWriter json = new GoJsonWriter().beginObject().name("header").beginObject()
                .name("cluster_id").value(GoHex.unsigned(header.getClusterId()))
                .name("member_id").value(GoHex.unsigned(header.getMemberId()));
        if (header.getRevision() != 0) {
            json.name("revision").value(header.getRevision());
        }
        if (header.getRaftTerm() != 0) {
            json.name("raft_term").unsignedValue(header.getRaftTerm());
        }
        json.endObject();
        if (added != null) {
            hexMember(json.name("member"), added);
        }
        json.name("members").beginArray();
        members.forEach(m -> hexMember(json, m));
        return json.endArray().endObject().toString();
    }

    private static void hexMember(GoJsonWriter json, Member m) {
        json.beginObject().name("ID").value(GoHex.unsigned(m.getID()));
        if (!m.getName().isEmpty()) {
            json.name("name").value(m.getName());
        }
        stringListIfAny(json, "peerURLs", m.getPeerURLsList());
        stringListIfAny(json, "clientURLs", m.getClientURLsList());
        if (m.getIsLearner()) {
            json.name("isLearner").value(true);
        }
        json.endObject();
    }

    private static void stringListIfAny(GoJsonWriter json, String name, List<String> values) {
        if (!values.isEmpty()) {
            json.name(name).beginArray();
            values.forEach(json::value);
            json.endArray();
        }
    }

    @Override
    public void endpointHealth(List<EndpointHealth> results) {
        GoJsonWriter json = new GoJsonWriter().beginArray();
        for (EndpointHealth h : results) {
            json.beginObject().name("endpoint").value(h.endpoint()).name("health").value(h.health())
                    .name("took").value(h.took());
            if (!h.error().isEmpty()) {
                json.name("error").value(h.error());
            }
            json.endObject();
        }
        out.println(json.endArray().toString());
    }

    @Override
    public void endpointStatus(List<EndpointStatus> results) {
        GoJsonWriter json = new GoJsonWriter().beginArray();
        for (EndpointStatus s : results) {
            json.beginObject().name("Endpoint").value(s.endpoint()).name("Status").message(line.visible(s.status())).endObject();
        }
        out.println(json.endArray().toString());
    }

    @Override
    public void endpointHash(List<EndpointHash> results) {
        GoJsonWriter json = new GoJsonWriter().beginArray();
        for (EndpointHash h : results) {
            json.beginObject().name("Endpoint").value(h.endpoint()).name("HashKV").message(line.visible(h.hash())).endObject();
        }
        out.println(json.endArray().toString());
    }

    /**
     * etcdctl assembles this document by hand: IDs as hex strings, the name inserted unescaped, the
     * key spelled {@code clientURLS} (3.5; 3.6 {@code clientURLs}), and no {@code members} key at all for an empty
     * list.
     */
    private static String memberListWithHexIds(MemberListResponse r, String clientUrlsKey) {
        StringBuilder sb = new StringBuilder("{\"header\":{\"cluster_id\":\"")
                .append(GoHex.unsigned(r.getHeader().getClusterId()))
                .append("\",\"member_id\":\"").append(GoHex.unsigned(r.getHeader().getMemberId()))
                .append("\",\"raft_term\":").append(Long.toUnsignedString(r.getHeader().getRaftTerm()))
                .append('}');
        List<Member> members = r.getMembersList();
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            sb.append(i == 0 ? ",\"members\":[{\"ID\":\"" : ",{\"ID\":\"").append(GoHex.unsigned(m.getID()))
                    .append("\",\"name\":\"").append(m.getName()).append("\",\"peerURLs\":")
                    .append(stringList(m.getPeerURLsList())).append(",\"").append(clientUrlsKey).append("\":")
                    .append(stringList(m.getClientURLsList())).append('}');
            if (i == members.size() - 1) {
                sb.append(']');
            }
        }
        return sb.append('}').toString();
    }

    /** Go marshals an empty (nil) slice as null. */
    private static String stringList(List<String> items) {
        if (items.isEmpty()) {
            return "null";
        }
        GoJsonWriter json = new GoJsonWriter().beginArray();
        items.forEach(json::value);
        return json.endArray().toString();
    }

    private void document(MessageOrBuilder message) {
        out.println(GoJson.marshal(message));
    }

    @Override
    public void memberAdd(MemberAddResponse response, String newMemberName, String peerUrlsFlag) {
        if (hex && line.hexJsonCoversMemberResponses()) {
            out.println(membersWithHexIds(response.getHeader(), response.getMember(), response.getMembersList()));
        } else {
            document(response);
        }
    }

    @Override
    public void memberRemove(long id, MemberRemoveResponse response) {
        if (hex && line.hexJsonCoversMemberResponses()) {
            out.println(membersWithHexIds(response.getHeader(), null, response.getMembersList()));
        } else {
            document(response);
        }
    }

    @Override
    public void memberUpdate(long id, MemberUpdateResponse response) {
        if (hex && line.hexJsonCoversMemberResponses()) {
            out.println(membersWithHexIds(response.getHeader(), null, response.getMembersList()));
        } else {
            document(response);
        }
    }

    /** etcdctl 3.5 panics here (its json printer lacks the method); we print the response instead. */
    @Override
    public void memberPromote(long id, MemberPromoteResponse response) {
        if (hex && line.hexJsonCoversMemberResponses()) {
            out.println(membersWithHexIds(response.getHeader(), null, response.getMembersList()));
        } else {
            document(response);
        }
    }

    @Override
    public void downgrade(String action, io.github.jetcdctl.client.api.DowngradeResponse response) {
        document(response);
    }

    @Override
    public void alarm(AlarmResponse response) {
        document(response);
    }

    @Override
    public void moveLeader(long leader, long target, MoveLeaderResponse response) {
        document(response);
    }

    @Override
    public void snapshotStatus(SnapshotStatus status) {
        GoJsonWriter json = new GoJsonWriter().beginObject()
                .name("hash").value(status.hash())
                .name("revision").value(status.revision())
                .name("totalKey").value(line.snapshotStatusTotalKeys(status))
                .name("totalSize").value(status.totalSize());
        if (line.snapshotStatusShowsVersion()) {
            json.name("version").value(status.storageVersion());
        }
        out.println(json.endObject().toString());
    }

    @Override
    public void hashKv(KvHash.Result hash) {
        out.println(new GoJsonWriter().beginObject()
                .name("hash").value(hash.hash())
                .name("hashRevision").value(hash.hashRevision())
                .name("compactRevision").value(hash.compactRevision())
                .endObject().toString());
    }

    @Override
    public void roleAdd(String role, AuthRoleAddResponse response) {
        document(response);
    }

    @Override
    public void roleGet(String role, AuthRoleGetResponse response) {
        document(response);
    }

    @Override
    public void roleDelete(String role, AuthRoleDeleteResponse response) {
        document(response);
    }

    @Override
    public void roleList(AuthRoleListResponse response) {
        document(response);
    }

    @Override
    public void roleGrantPermission(String role, AuthRoleGrantPermissionResponse response) {
        document(response);
    }

    @Override
    public void roleRevokePermission(String role, byte[] key, byte[] rangeEnd,
            AuthRoleRevokePermissionResponse response) {
        document(response);
    }

    @Override
    public void userAdd(String user, AuthUserAddResponse response) {
        document(response);
    }

    @Override
    public void userGet(String user, AuthUserGetResponse response) {
        document(response);
    }

    @Override
    public void userList(AuthUserListResponse response) {
        document(response);
    }

    @Override
    public void userChangePassword(AuthUserChangePasswordResponse response) {
        document(response);
    }

    @Override
    public void userGrantRole(String user, String role, AuthUserGrantRoleResponse response) {
        document(response);
    }

    @Override
    public void userRevokeRole(String user, String role, AuthUserRevokeRoleResponse response) {
        document(response);
    }

    @Override
    public void userDelete(String user, AuthUserDeleteResponse response) {
        document(response);
    }

    @Override
    public void authStatus(AuthStatus status) {
        document(status.response());
    }

    @Override
    public void txn(TxnResponse response) {
        document(response);
    }

    /** etcdctl marshals clientv3's wrapper struct: the header's fields inline, then its own. */
    @Override
    public void leaseGrant(LeaseGrantResponse response) {
        out.println(flattenedHeader(response.getHeader()).name("ID").value(response.getID())
                .name("TTL").value(response.getTTL()).name("Error").value(response.getError())
                .endObject().toString());
    }

    @Override
    public void leaseRevoke(long leaseId, LeaseRevokeResponse response) {
        document(response);
    }

    /** {@code keys} is a Go nil slice, hence null, when the server sent none. */
    @Override
    public void leaseTimeToLive(LeaseTimeToLiveResponse response, boolean withKeys) {
        GoJsonWriter json = flattenedHeader(response.getHeader()).name("id").value(response.getID())
                .name("ttl").value(response.getTTL()).name("granted-ttl").value(response.getGrantedTTL())
                .name("keys");
        if (response.getKeysCount() == 0) {
            json.nullValue();
        } else {
            json.beginArray();
            response.getKeysList().forEach(key -> json.base64Value(key.toByteArray()));
            json.endArray();
        }
        out.println(json.endObject().toString());
    }

    @Override
    public void leaseList(ResponseHeader header, List<Long> leaseIds) {
        GoJsonWriter json = flattenedHeader(header).name("leases").beginArray();
        for (long id : leaseIds) {
            json.beginObject().name("id").value(id).endObject();
        }
        out.println(json.endArray().endObject().toString());
    }

    @Override
    public void leaseKeepAlive(LeaseKeepAliveResponse response) {
        out.println(flattenedHeader(response.getHeader()).name("ID").value(response.getID())
                .name("TTL").value(response.getTTL()).endObject().toString());
    }

    /** An open object starting with the header's non-zero fields, as Go inlines an embedded pointer. */
    private static GoJsonWriter flattenedHeader(ResponseHeader header) {
        GoJsonWriter json = new GoJsonWriter().beginObject();
        if (header.getClusterId() != 0) {
            json.name("cluster_id").unsignedValue(header.getClusterId());
        }
        if (header.getMemberId() != 0) {
            json.name("member_id").unsignedValue(header.getMemberId());
        }
        if (header.getRevision() != 0) {
            json.name("revision").value(header.getRevision());
        }
        if (header.getRaftTerm() != 0) {
            json.name("raft_term").unsignedValue(header.getRaftTerm());
        }
        return json;
    }

    @Override
    public void backup(BackupReport report) {
        out.println(BackupOutput.reportJson(report));
    }

    @Override
    public void backupList(List<BackupListing> listings) {
        out.println(BackupOutput.listJson(listings));
    }

    @Override
    public void compare(MemberComparison comparison) {
        out.println(CompareOutput.json(comparison));
    }

    @Override
    public void history(KeyHistory history, List<HistoryEntry> entries, boolean keysOnly) {
        out.println(HistoryOutput.json(history, entries, keysOnly));
    }

    /** etcdctl prints its client's WatchResponse struct: Go field names, nothing omitted at the top. */
    @Override
    public void watch(WatchResponse response) {
        boolean asSent = line.watchJsonKeepsTheServersResponse();
        GoJsonWriter json = new GoJsonWriter().beginObject()
                .name("Header").message(response.getHeader())
                .name("Events");
        if (asSent && response.getEventsCount() == 0) {
            json.nullValue();
        } else {
            json.beginArray();
            for (Event event : response.getEventsList()) {
                json.message(event);
            }
            json.endArray();
        }
        json.name("CompactRevision").value(response.getCompactRevision())
                .name("Canceled").value(response.getCanceled())
                .name("Created").value(response.getCreated());
        if (asSent) {
            json.name("CancelReason").value(response.getCancelReason());
        }
        out.println(json.endObject().toString());
    }

    @Override
    public void spaceReport(SpaceReport report) {
        SpaceOutput.jsonLines(report, hex).forEach(out::println);
    }

    @Override
    public void rollingDefrag(RollingReport report) {
        out.println(DefragOutput.json(report));
    }

    @Override
    public void alarmRecover(RecoveryReport report) {
        out.println(RecoveryOutput.json(report));
    }
}
