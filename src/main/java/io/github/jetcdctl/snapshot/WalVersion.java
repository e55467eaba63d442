package io.github.jetcdctl.snapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The newest etcd version that the WAL entries since the last snapshot need, as far as a storage downgrade is
 * concerned (etcd's {@code wal.MinimalEtcdVersion}).
 *
 * <p>etcd takes the highest {@code etcd_version} annotation of every message, field and enum value used by those
 * entries. Every annotation reachable from a raft entry is 3.5 or older except the test-only
 * {@code InternalRaftRequest.downgrade_version_test} (field 9900, annotated 3.6, whose {@code ver} string counts as
 * a version too), and migrate's targets are 3.5 or newer, so only that field can refuse a downgrade; this scan looks
 * for it alone. Records are read frame by frame from every {@code *.wal} file in name order (their CRCs are not
 * checked); the entries counted are those after the WAL's last snapshot record, as etcdutl 3.7 takes them (3.6
 * takes the newest snapshot record that has a {@code .snap} file, which a member of either line writes with it).
 */
public final class WalVersion {
    private static final int ENTRY_NORMAL = 0;
    private static final int DOWNGRADE_VERSION_TEST = 9900;

    private record Entry(long index, int type, byte[] data) {
    }

    private WalVersion() {
    }

    /**
     * The version the entries since the last snapshot need, when it is newer than 3.5; empty otherwise.
     *
     * @param walDir {@code DIR/member/wal}, spelled as the user gave DIR (it appears in messages)
     */
    public static Optional<StorageVersion> newerThan35(Path walDir) throws IOException {
        List<long[]> snapshots = new ArrayList<>();
        TreeMap<Long, Entry> entries = new TreeMap<>();
        WalRecords.read(walDir, (type, data) -> record(type, data, snapshots, entries));
        long snapshotIndex = snapshots.isEmpty() ? 0 : snapshots.get(snapshots.size() - 1)[0];
        StorageVersion newest = null;
        for (Entry e : entries.tailMap(snapshotIndex, false).values()) {
            if (e.type() != ENTRY_NORMAL || e.data() == null) {
                continue;
            }
            Optional<String> ver = downgradeTestVersion(e.data());
            if (ver.isPresent()) {
                StorageVersion v = StorageVersion.parseStored(ver.get()).orElse(StorageVersion.V3_6);
                v = v.lessThan(StorageVersion.V3_6) ? StorageVersion.V3_6 : v;
                newest = newest == null || newest.lessThan(v) ? v : newest;
            }
        }
        return Optional.ofNullable(newest);
    }

    private static void record(long type, byte[] data, List<long[]> snapshots, TreeMap<Long, Entry> entries)
            throws IOException {
        if (data == null) {
            return;
        }
        if (type == WalRecords.SNAPSHOT) {
            ProtoFields s = new ProtoFields(data);
            long index = 0;
            long term = 0;
            while (s.next()) {
                switch (s.field()) {
                    case 1 -> index = s.varint();
                    case 2 -> term = s.varint();
                    default -> s.skip();
                }
            }
            snapshots.add(new long[] {index, term});
        } else if (type == WalRecords.ENTRY) {
            ProtoFields e = new ProtoFields(data);
            long index = 0;
            int entryType = 0;
            byte[] entryData = null;
            while (e.next()) {
                switch (e.field()) {
                    case 1 -> entryType = (int) e.varint();
                    case 3 -> index = e.varint();
                    case 4 -> entryData = e.bytes();
                    default -> e.skip();
                }
            }
            entries.tailMap(index, true).clear();
            entries.put(index, new Entry(index, entryType, entryData));
        }
    }

    /** {@code InternalRaftRequest.downgrade_version_test.ver}, when the request has that field. */
    private static Optional<String> downgradeTestVersion(byte[] request) {
        try {
            ProtoFields r = new ProtoFields(request);
            while (r.next()) {
                if (r.field() != DOWNGRADE_VERSION_TEST) {
                    r.skip();
                    continue;
                }
                ProtoFields test = new ProtoFields(r.bytes());
                String ver = "";
                while (test.next()) {
                    if (test.field() == 1) {
                        ver = new String(test.bytes(), StandardCharsets.UTF_8);
                    } else {
                        test.skip();
                    }
                }
                return Optional.of(ver);
            }
        } catch (SnapshotFormatException e) {
            // not an InternalRaftRequest (a v2 request): nothing newer than 3.5
        }
        return Optional.empty();
    }
}
