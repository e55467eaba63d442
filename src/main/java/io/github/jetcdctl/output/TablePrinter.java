package io.github.jetcdctl.output;

import java.util.List;

import io.etcd.jetcd.api.MemberListResponse;
import io.github.jetcdctl.snapshot.KvHash;
import io.github.jetcdctl.snapshot.SnapshotStatus;
import io.github.jetcdctl.backup.BackupListing;
import io.github.jetcdctl.backup.BackupReport;
import io.github.jetcdctl.recovery.HistoryEntry;
import io.github.jetcdctl.recovery.KeyHistory;
import io.github.jetcdctl.recovery.MemberComparison;

/** ASCII tables for the cluster commands; key/value responses are not supported, as in etcdctl. */
final class TablePrinter implements Printer {
    private final Output out;

    TablePrinter(Output out) {
        this.out = out;
    }

    @Override
    public OutputFormat format() {
        return OutputFormat.TABLE;
    }

    @Override
    public void memberList(MemberListResponse response) {
        out.print(ClusterTables.render(ClusterTables.MEMBER_HEADERS, ClusterTables.memberRows(response)));
    }

    @Override
    public void endpointHealth(List<EndpointHealth> results) {
        out.print(ClusterTables.render(ClusterTables.HEALTH_HEADERS, ClusterTables.healthRows(results)));
    }

    @Override
    public void endpointStatus(List<EndpointStatus> results) {
        out.print(ClusterTables.render(ClusterTables.STATUS_HEADERS, ClusterTables.statusRows(results)));
    }

    @Override
    public void endpointHash(List<EndpointHash> results) {
        out.print(ClusterTables.render(ClusterTables.HASH_HEADERS, ClusterTables.hashRows(results)));
    }

    @Override
    public void snapshotStatus(SnapshotStatus status) {
        out.print(ClusterTables.render(ClusterTables.SNAPSHOT_STATUS_HEADERS,
                List.of(ClusterTables.snapshotStatusRow(status))));
    }

    @Override
    public void hashKv(KvHash.Result hash) {
        out.print(ClusterTables.render(ClusterTables.HASH_KV_HEADERS, List.of(ClusterTables.hashKvRow(hash))));
    }

    @Override
    public void backup(BackupReport report) {
        out.print(BackupOutput.reportTable(report));
    }

    @Override
    public void backupList(List<BackupListing> listings) {
        out.print(BackupOutput.listTable(listings));
    }

    @Override
    public void compare(MemberComparison comparison) {
        out.print(CompareOutput.table(comparison));
    }

    @Override
    public void history(KeyHistory history, List<HistoryEntry> entries, boolean keysOnly) {
        out.print(HistoryOutput.table(entries));
    }
}
