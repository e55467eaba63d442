package io.github.jetcdctl.output;

import java.util.ArrayList;
import java.util.List;

import io.etcd.jetcd.api.Member;
import io.etcd.jetcd.api.MemberListResponse;
import io.github.jetcdctl.client.api.StatusResponse;
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
    private static final List<String> STATUS_HEADERS = List.of("endpoint", "ID", "version", "db size", "is leader",
            "is learner", "raft term", "raft index", "raft applied index", "errors");
    private static final List<String> STATUS_HEADERS_WITH_STORAGE = List.of("endpoint", "ID", "version",
            "storage version", "db size", "in use", "percentage not in use", "quota", "is leader", "is learner",
            "raft term", "raft index", "raft applied index", "errors", "downgrade target version",
            "downgrade enabled");
    private static final List<String> HASH_HEADERS = List.of("endpoint", "hash");
    private static final List<String> HASH_HEADERS_WITH_REVISION = List.of("endpoint", "hash", "hash_revision");

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

    static List<String> statusHeaders(EtcdctlLine line) {
        return line.statusHasStorageColumns() ? STATUS_HEADERS_WITH_STORAGE : STATUS_HEADERS;
    }

    static List<List<String>> statusRows(List<EndpointStatus> results, EtcdctlLine line) {
        List<List<String>> rows = new ArrayList<>();
        for (EndpointStatus e : results) {
            StatusResponse s = e.status();
            long memberId = s.getHeader().getMemberId();
            List<String> row = new ArrayList<>(List.of(e.endpoint(), GoHex.unsigned(memberId), s.getVersion()));
            if (line.statusHasStorageColumns()) {
                row.add(s.getStorageVersion());
                row.add(HumanBytes.format(s.getDbSize()));
                row.add(HumanBytes.format(s.getDbSizeInUse()));
                row.add(percentageNotInUse(s) + "%");
                row.add(HumanBytes.format(s.getDbSizeQuota()));
            } else {
                row.add(HumanBytes.format(s.getDbSize()));
            }
            row.addAll(List.of(
                    Boolean.toString(s.getLeader() == memberId),
                    Boolean.toString(s.getIsLearner()),
                    Long.toUnsignedString(s.getRaftTerm()),
                    Long.toUnsignedString(s.getRaftIndex()),
                    Long.toUnsignedString(s.getRaftAppliedIndex()),
                    String.join(", ", s.getErrorsList())));
            if (line.statusHasStorageColumns()) {
                row.add(s.getDowngradeInfo().getTargetVersion());
                row.add(Boolean.toString(s.getDowngradeInfo().getEnabled()));
            }
            rows.add(row);
        }
        return rows;
    }

    /** etcdctl 3.6's {@code 100 - inUse*100/dbSize} in integer arithmetic (a server never reports an empty db). */
    private static long percentageNotInUse(StatusResponse s) {
        return s.getDbSize() == 0 ? 0 : 100 - s.getDbSizeInUse() * 100 / s.getDbSize();
    }

    static List<String> hashHeaders(EtcdctlLine line) {
        return line.hashKvHasRevision() ? HASH_HEADERS_WITH_REVISION : HASH_HEADERS;
    }

    static List<List<String>> hashRows(List<EndpointHash> results, EtcdctlLine line) {
        List<List<String>> rows = new ArrayList<>();
        for (EndpointHash h : results) {
            List<String> row = new ArrayList<>(List.of(h.endpoint(), Integer.toUnsignedString(h.hash().getHash())));
            if (line.hashKvHasRevision()) {
                row.add(Long.toString(h.hash().getHashRevision()));
            }
            rows.add(row);
        }
        return rows;
    }

    static String render(List<String> headers, List<List<String>> rows, EtcdctlLine line) {
        AsciiTable table = new AsciiTable(headers, line.tableStyle());
        rows.forEach(table::addRow);
        return table.render();
    }

    static final List<String> HASH_KV_HEADERS = List.of("hash", "hash revision", "compact revision");

    static List<String> hashKvRow(KvHash.Result hash) {
        return List.of(Long.toString(hash.hash()), Long.toString(hash.hashRevision()),
                Long.toString(hash.compactRevision()));
    }

    private static final List<String> SNAPSHOT_STATUS_HEADERS = List.of("hash", "revision", "total keys",
            "total size");
    private static final List<String> SNAPSHOT_STATUS_HEADERS_WITH_VERSION = List.of("hash", "revision",
            "total keys", "total size", "version");

    static List<String> snapshotStatusHeaders(EtcdctlLine line) {
        return line.snapshotStatusShowsVersion() ? SNAPSHOT_STATUS_HEADERS_WITH_VERSION : SNAPSHOT_STATUS_HEADERS;
    }

    static List<String> snapshotStatusRow(SnapshotStatus status, EtcdctlLine line) {
        List<String> row = new ArrayList<>(List.of(Long.toHexString(status.hash()), Long.toString(status.revision()),
                Long.toString(line.snapshotStatusTotalKeys(status)), HumanBytes.format(status.totalSize())));
        if (line.snapshotStatusShowsVersion()) {
            row.add(status.storageVersion());
        }
        return row;
    }
}
