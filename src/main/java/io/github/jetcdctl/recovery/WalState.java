package io.github.jetcdctl.recovery;

import java.io.IOException;
import java.nio.file.Path;

import io.github.jetcdctl.snapshot.WalRecords;

/**
 * Where a member's raft log ends: the index and term of its last entry (or of the snapshot the WAL records, when no
 * entry follows it) and its last HardState's term and commit index; and who wrote it, from the WAL's metadata
 * record (etcdserverpb.Metadata: NodeID 1, ClusterID 2).
 */
public record WalState(long lastIndex, long lastTerm, long hardStateTerm, long commitIndex, long memberId,
        long clusterId) {

    /** The WAL of a data dir (or of its {@code member} dir), if it has one. */
    public static java.util.Optional<WalState> ofDataDir(Path dir) throws IOException {
        for (Path wal : java.util.List.of(dir.resolve("member/wal"), dir.resolve("wal"))) {
            if (java.nio.file.Files.isDirectory(wal)) {
                return java.util.Optional.of(read(wal));
            }
        }
        return java.util.Optional.empty();
    }

    public static WalState read(Path walDir) throws IOException {
        long[] last = {0, 0, 0, 0, 0, 0};
        WalRecords.read(walDir, (type, data) -> {
            if (data == null) {
                return;
            }
            if (type == WalRecords.METADATA) {
                long[] metadata = WalRecords.varints(data, 2);
                last[4] = metadata[1];
                last[5] = metadata[2];
            } else if (type == WalRecords.ENTRY) {
                long[] entry = WalRecords.varints(data, 3); // raftpb.Entry: Term 2, Index 3
                last[0] = entry[3];
                last[1] = entry[2];
            } else if (type == WalRecords.SNAPSHOT) {
                long[] snapshot = WalRecords.varints(data, 2); // walpb.Snapshot: index 1, term 2
                if (snapshot[1] >= last[0]) {
                    last[0] = snapshot[1];
                    last[1] = snapshot[2];
                }
            } else if (type == WalRecords.STATE) {
                long[] state = WalRecords.varints(data, 3); // raftpb.HardState: term 1, vote 2, commit 3
                last[2] = state[1];
                last[3] = state[3];
            }
        });
        return new WalState(last[0], last[1], last[2], last[3], last[4], last[5]);
    }
}
