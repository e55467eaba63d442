package io.github.jetcdctl.recovery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.google.protobuf.ByteString;

import io.etcd.jetcd.api.KeyValue;
import io.etcd.jetcd.api.RangeRequest;

/**
 * Members' data dirs (or snapshot files) side by side, offline: where each one's raft log and db stand, the hash
 * of each at the newest revision all of them hold (etcdutl 3.6 hashkv's, so that it equals a live member's
 * {@code endpoint hashkv --rev}), the keys that differ there, and which member holds the newest data: the most
 * up-to-date raft log (last term, then last index, as raft elects), then the most applied (consistent index),
 * then the highest revision. A snapshot file has no log: its db's term and consistent index stand in for it.
 *
 * @param commonRevision the newest revision every member holds and none has compacted; 0 if there is none
 * @param differingKeys the keys not held alike (present in all, at the same mod revision) at that revision
 */
public record MemberComparison(List<MemberState> members, long commonRevision, List<ByteString> differingKeys) {
    private static final ByteString ALL = ByteString.copyFrom(new byte[] {0});

    public MemberComparison {
        members = List.copyOf(members);
        differingKeys = List.copyOf(differingKeys);
    }

    /** The member to restart from. */
    public MemberState candidate() {
        return members.stream().filter(m -> m.rank() == 1).findFirst().orElseThrow();
    }

    public static MemberComparison of(List<Path> paths) throws IOException {
        List<Path> dbs = new ArrayList<>();
        List<WalState> wals = new ArrayList<>();
        List<DbMeta> metas = new ArrayList<>();
        List<List<String>> memberIds = new ArrayList<>();
        for (Path path : paths) {
            List<Path> files = SourceFiles.of(path);
            if (files.size() != 1) {
                throw new RecoveryException(path + ": a directory of " + files.size() + " backups; compare takes data "
                        + "dirs and snapshot files");
            }
            Path db = files.get(0);
            dbs.add(db);
            wals.add(Files.isDirectory(path) ? WalState.ofDataDir(path).orElse(null) : null);
            try (OfflineDb open = OfflineDb.open(db)) {
                metas.add(open.meta());
                memberIds.add(new ArrayList<>(open.members().keySet()));
            }
        }
        long common = metas.stream().mapToLong(DbMeta::revision).min().orElse(0);
        long compacted = metas.stream()
                .mapToLong(m -> Math.max(m.compactRevision(), m.scheduledCompactRevision())).max().orElse(0);
        if (common < compacted || common == 0) {
            common = 0;
        }
        List<Long> hashes = new ArrayList<>();
        List<Map<ByteString, Long>> keys = new ArrayList<>();
        for (Path db : dbs) {
            try (OfflineDb open = OfflineDb.open(db)) {
                if (common == 0) {
                    hashes.add(null);
                    continue;
                }
                hashes.add(open.hash(common).hash());
                Map<ByteString, Long> modRevisions = new HashMap<>();
                RangeRequest all = RangeRequest.newBuilder().setKey(ALL).setRangeEnd(ALL).setRevision(common)
                        .setKeysOnly(true).build();
                for (KeyValue kv : new OfflineRange(open).range(all).kvs()) {
                    modRevisions.put(kv.getKey(), kv.getModRevision());
                }
                keys.add(modRevisions);
            }
        }
        List<MemberState> members = new ArrayList<>();
        for (int i = 0; i < dbs.size(); i++) {
            members.add(new MemberState(paths.get(i).toString(), wals.get(i), metas.get(i), memberIds.get(i),
                    hashes.get(i), 0));
        }
        return new MemberComparison(ranked(members), common, differing(keys));
    }

    private static List<MemberState> ranked(List<MemberState> members) {
        Comparator<MemberState> newest = Comparator
                .comparingLong((MemberState m) -> m.wal() != null ? m.wal().lastTerm() : m.db().term())
                .thenComparingLong(m -> m.wal() != null ? m.wal().lastIndex() : m.db().consistentIndex())
                .thenComparingLong(m -> m.db().consistentIndex())
                .thenComparingLong(m -> m.db().revision())
                .reversed();
        List<MemberState> order = new ArrayList<>(members);
        order.sort(newest); // stable: among equals, the first given leads
        List<MemberState> ranked = new ArrayList<>();
        for (MemberState m : members) {
            ranked.add(m.withRank(order.indexOf(m) + 1));
        }
        return ranked;
    }

    private static List<ByteString> differing(List<Map<ByteString, Long>> keys) {
        TreeSet<ByteString> all = new TreeSet<>(ByteString.unsignedLexicographicalComparator());
        keys.forEach(k -> all.addAll(k.keySet()));
        List<ByteString> differing = new ArrayList<>();
        for (ByteString key : all) {
            Long first = keys.get(0).get(key);
            if (first == null || keys.stream().anyMatch(k -> !first.equals(k.get(key)))) {
                differing.add(key);
            }
        }
        return differing;
    }
}
