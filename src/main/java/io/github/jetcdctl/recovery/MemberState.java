package io.github.jetcdctl.recovery;

import java.util.List;

/**
 * One member's data as compare reads it offline.
 *
 * @param source the data dir or snapshot file as given
 * @param wal where its WAL ends; null for a snapshot file, which has none
 * @param memberIds the IDs in its db's {@code members} bucket (hex)
 * @param hash etcdutl 3.6 hashkv's hash at the comparison's common revision; null when there is none
 * @param rank 1 for the member to restart from, then in order of how new its data is
 */
public record MemberState(String source, WalState wal, DbMeta db, List<String> memberIds, Long hash, int rank) {
    public MemberState {
        memberIds = List.copyOf(memberIds);
    }

    MemberState withRank(int newRank) {
        return new MemberState(source, wal, db, memberIds, hash, newRank);
    }
}
