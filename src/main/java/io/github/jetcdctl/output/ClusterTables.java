package io.github.jetcdctl.output;

import java.util.ArrayList;
import java.util.List;

import io.etcd.jetcd.api.Member;
import io.etcd.jetcd.api.MemberListResponse;
import io.etcd.jetcd.api.StatusResponse;
import io.github.jetcdctl.snapshot.KvHash;
import io.github.jetcdctl.snapshot.SnapshotStatus;

/**
 * The rows etcdctl builds for cluster responses. The table printer draws them, and the simple printer
 * joins the same cells with {@code ", "}, as etcdctl does.
 */
final class ClusterTables {
    static final List<String> MEMBER_HEADERS =
            List.of("ID", "Status", "Name", "Peer Addrs", "Client Addrs", "Is Learner");
    static final List<String> HEALTH_HEADERS = List.of("endpoint", "health", "took", "error");
    static final List<String> STATUS_HEADERS = List.of("endpoint", "ID", "version", "db size", "is leader",
            "is learner", "raft term", "raft index", "raft applied index", "errors");
    static final List<String> HASH_HEADERS = List.of("endpoint", "hash");

    private ClusterTables() {
    }

    static List<List<String>> memberRows(MemberListResponse response) {
        List<List<String>> rows = new ArrayList<>();
        for (Member m : response.getMembersList()) {
            rows.add(List.of(
                    GoHex.unsigned(m.getID()),
                    m.getName().isEmpty() ? "unstarted" : "started",
                    m.getName(),
                    String.join(",", m.getPeerURLsList()),
                    String.join(",", m.getClientURLsList()),
                    Boolean.toString(m.getIsLearner())));
        }
        return rows;
    }

    static List<List<String>> healthRows(List<EndpointHealth> results) {
        List<List<String>> rows = new ArrayList<>();
        for (EndpointHealth h : results) {
            rows.add(List.of(h.endpoint(), Boolean.toString(h.health()), h.took(), h.error()));
        }
        return rows;
    }

    static List<List<String>> statusRows(List<EndpointStatus> results) {
        List<List<String>> rows = new ArrayList<>();
        for (EndpointStatus e : results) {
            StatusResponse s = e.status();
            long memberId = s.getHeader().getMemberId();
            rows.add(List.of(
                    e.endpoint(),
                    GoHex.unsigned(memberId),
                    s.getVersion(),
                    HumanBytes.format(s.getDbSize()),
                    Boolean.toString(s.getLeader() == memberId),
                    Boolean.toString(s.getIsLearner()),
                    Long.toUnsignedString(s.getRaftTerm()),
                    Long.toUnsignedString(s.getRaftIndex()),
                    Long.toUnsignedString(s.getRaftAppliedIndex()),
                    String.join(", ", s.getErrorsList())));
        }
        return rows;
    }

    static List<List<String>> hashRows(List<EndpointHash> results) {
        List<List<String>> rows = new ArrayList<>();
        for (EndpointHash h : results) {
            rows.add(List.of(h.endpoint(), Integer.toUnsignedString(h.hash().getHash())));
        }
        return rows;
    }

    static String render(List<String> headers, List<List<String>> rows) {
        AsciiTable table = new AsciiTable(headers);
        rows.forEach(table::addRow);
        return table.render();
    }

    static final List<String> HASH_KV_HEADERS = List.of("hash", "hash revision", "compact revision");

    static List<String> hashKvRow(KvHash.Result hash) {
        return List.of(Long.toString(hash.hash()), Long.toString(hash.hashRevision()),
                Long.toString(hash.compactRevision()));
    }

    static final List<String> SNAPSHOT_STATUS_HEADERS = List.of("hash", "revision", "total keys", "total size");

    static List<String> snapshotStatusRow(SnapshotStatus status) {
        return List.of(Long.toHexString(status.hash()), Long.toString(status.revision()),
                Long.toString(status.totalKey()), HumanBytes.format(status.totalSize()));
    }
}
