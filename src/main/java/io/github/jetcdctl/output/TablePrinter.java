package io.github.jetcdctl.output;

import java.util.List;

import io.etcd.jetcd.api.MemberListResponse;
import io.github.jetcdctl.snapshot.KvHash;
import io.github.jetcdctl.snapshot.SnapshotStatus;
import io.github.jetcdctl.backup.BackupListing;
import io.github.jetcdctl.backup.BackupReport;
import io.github.jetcdctl.defrag.RecoveryReport;
import io.github.jetcdctl.defrag.RollingReport;
import io.github.jetcdctl.space.SpaceReport;
import io.github.jetcdctl.recovery.HistoryEntry;
import io.github.jetcdctl.recovery.KeyHistory;
import io.github.jetcdctl.recovery.MemberComparison;

/** ASCII tables for the cluster commands; key/value responses are not supported, as in etcdctl. */
final class TablePrinter implements Printer {
    private final Output out;
    private final boolean hex;
    private final EtcdctlLine line;

    TablePrinter(Output out, boolean hex, EtcdctlLine line) {
        this.out = out;
        this.hex = hex;
        this.line = line;
    }

    @Override
    public OutputFormat format() {
        return OutputFormat.TABLE;
    }

    @Override
    public void memberList(MemberListResponse response) {
        out.print(ClusterTables.render(ClusterTables.MEMBER_HEADERS, ClusterTables.memberRows(response), line));
    }

    @Override
    public void endpointHealth(List<EndpointHealth> results) {
        out.print(ClusterTables.render(ClusterTables.HEALTH_HEADERS, ClusterTables.healthRows(results), line));
    }

    @Override
    public void endpointStatus(List<EndpointStatus> results) {
        out.print(ClusterTables.render(ClusterTables.statusHeaders(line), ClusterTables.statusRows(results, line), line));
    }

    @Override
    public void endpointHash(List<EndpointHash> results) {
        out.print(ClusterTables.render(ClusterTables.hashHeaders(line), ClusterTables.hashRows(results, line), line));
    }

    @Override
    public void snapshotStatus(SnapshotStatus status) {
        out.print(ClusterTables.render(ClusterTables.snapshotStatusHeaders(line),
                List.of(ClusterTables.snapshotStatusRow(status, line)), line));
    }

    @Override
    public void hashKv(KvHash.Result hash) {
        out.print(ClusterTables.render(ClusterTables.HASH_KV_HEADERS, List.of(ClusterTables.hashKvRow(hash)), line));
    }

    @Override
    public void backup(BackupReport report) {
        out.print(BackupOutput.reportTable(report, line.tableStyle()));
    }

    @Override
    public void backupList(List<BackupListing> listings) {
        out.print(BackupOutput.listTable(listings, line.tableStyle()));
    }

    @Override
    public void spaceReport(SpaceReport report) {
        out.print(SpaceOutput.table(report, hex, line.tableStyle()));
    }

    @Override
    public void rollingDefrag(RollingReport report) {
        out.print(DefragOutput.table(report, line.tableStyle()));
    }

    @Override
    public void alarmRecover(RecoveryReport report) {
        out.print(RecoveryOutput.table(report, line.tableStyle()));
    }

    @Override
    public void compare(MemberComparison comparison) {
        out.print(CompareOutput.table(comparison, line.tableStyle()));
    }

    @Override
    public void history(KeyHistory history, List<HistoryEntry> entries, boolean keysOnly) {
        out.print(HistoryOutput.table(entries, line.tableStyle()));
    }
}
