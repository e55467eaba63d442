package io.github.jetcdctl.snapshot.raft;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * The raft snapshot file {@code member/snap/<term %016x>-<index %016x>.snap}: a
 * {@code snappb.Snapshot{crc, data}} envelope around a marshalled {@code raftpb.Snapshot}.
 */
public final class SnapFile {
    private SnapFile() {}

    /** {@code %016x-%016x.snap}. */
    public static String fileName(long term, long index) {
        return String.format("%016x-%016x.snap", term, index);
    }

    /** Marshalled {@code raftpb.Snapshot{data, metadata{conf_state{voters}, index, term}}}. */
    public static byte[] raftSnapshot(byte[] data, long[] voters, long index, long term) {
        byte[] metadata = new Pb().bytes(1, Pb.confState(voters)).varint(2, index).varint(3, term).toByteArray();
        return new Pb().bytes(1, data).bytes(2, metadata).toByteArray();
    }

    /** The whole file: {@code snappb.Snapshot{crc = CRC-32C(raftSnapshot), data = raftSnapshot}}. */
    public static byte[] encode(byte[] raftSnapshot) {
        CRC32C crc = new CRC32C();
        crc.update(raftSnapshot);
        return new Pb().varint(1, crc.getValue()).bytes(2, raftSnapshot).toByteArray();
    }

    /** The file content restore writes for {@code plan}: the v2 store JSON at index N, term 1. */
    public static byte[] forPlan(ClusterPlan plan) {
        return encode(raftSnapshot(V2StoreJson.build(plan.members()), plan.voters(), plan.snapshotIndex(), plan.term()));
    }

    /**
     * Writes the {@code .snap} file into {@code snapDir} (which must exist). The file is created with
     * the default mode (0666 minus the umask, as Go's {@code WriteAndSyncFile(..., 0666)} does).
     *
     * @return the file written
     */
    public static Path write(Path snapDir, ClusterPlan plan) throws IOException {
        Path p = snapDir.resolve(fileName(plan.term(), plan.snapshotIndex()));
        Files.write(p, forPlan(plan), java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE);
        try (var ch = java.nio.channels.FileChannel.open(p, java.nio.file.StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        return p;
    }
}
