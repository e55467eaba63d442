package io.github.jetcdctl.snapshot.raft;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The single WAL segment that {@code etcdutl snapshot restore} (3.5) writes. */
public final class RestoreWal {
    /** etcd's {@code wal.SegmentSizeBytes}: every segment is preallocated to this size. */
    public static final long SEGMENT_SIZE = 64_000_000L;
    /** Sequence 0, first index 0. */
    public static final String FILE_NAME = "0000000000000000-0000000000000000.wal";

    private RestoreWal() {}

    /**
     * The framed records: crc; metadata(local ID, cluster ID); snapshot{0,0}; one ConfChange
     * AddNode entry per member (term 1, index i, context = member JSON); HardState{1, first ID, N};
     * snapshot{N, 1, ConfState(voters)} (the ConfState is the 3.5 addition).
     */
    public static byte[] records(ClusterPlan plan) {
        WalEncoder w = new WalEncoder()
                .crcRecord()
                .metadata(plan.local().id(), plan.clusterId())
                .snapshot(0, 0, null);
        long index = 0;
        for (Member m : plan.members()) {
            index++;
            byte[] cc = WalEncoder.confChange(0, WalEncoder.CONF_CHANGE_ADD_NODE, m.id(),
                    m.toJson().getBytes(StandardCharsets.UTF_8));
            w.entry(WalEncoder.ENTRY_CONF_CHANGE, plan.term(), index, cc);
        }
        long n = plan.snapshotIndex();
        w.hardState(plan.term(), plan.members().get(0).id(), n);
        w.snapshot(n, plan.term(), plan.voters());
        return w.toByteArray();
    }

    /**
     * Writes {@code walDir/0000000000000000-0000000000000000.wal} (mode 0600, 64,000,000 bytes,
     * zero tail). {@code walDir} must exist.
     *
     * @return the file written
     */
    public static Path write(Path walDir, ClusterPlan plan) throws IOException {
        Path p = walDir.resolve(FILE_NAME);
        byte[] rec = records(plan);
        try {
            Files.createFile(p, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(p);
        }
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(SEGMENT_SIZE);
            f.seek(0);
            f.write(rec);
            f.getFD().sync();
        }
        return p;
    }
}
