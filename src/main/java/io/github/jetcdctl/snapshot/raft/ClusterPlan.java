package io.github.jetcdctl.snapshot.raft;

import java.util.ArrayList;
import java.util.List;

/**
 * The validated outcome of the restore flags: every member with its ID (sorted by ID ascending,
 * unsigned, which is raft order), the local member and the cluster ID. Restore writes raft index
 * {@code N = members().size()} at term 1.
 *
 * @param members all members, ascending unsigned ID
 * @param local the member being restored (the one named by {@code --name})
 * @param clusterId unsigned 64-bit cluster ID
 */
public record ClusterPlan(List<Member> members, Member local, long clusterId) {
    /** The raft term restore writes everywhere ({@code .snap}, WAL, db {@code meta/term}). */
    public static final long TERM = 1;

    public ClusterPlan {
        List<Member> sorted = new ArrayList<>(members);
        sorted.sort((a, b) -> Long.compareUnsigned(a.id(), b.id()));
        members = List.copyOf(sorted);
        if (!members.contains(local)) {
            throw new IllegalArgumentException("local member is not in the member list");
        }
    }

    /** Builds a plan from members, computing the cluster ID from their IDs. */
    public static ClusterPlan of(List<Member> members, Member local) {
        return new ClusterPlan(members, local,
                RaftIds.clusterId(members.stream().map(Member::id).toList()));
    }

    /** The snapshot index {@code N} (number of members); also the db's {@code meta/consistent_index}. */
    public long snapshotIndex() {
        return members.size();
    }

    /** The raft term (always 1); also the db's {@code meta/term}. */
    public long term() {
        return TERM;
    }

    /** Member IDs in raft order (ascending unsigned). */
    public long[] voters() {
        return members.stream().mapToLong(Member::id).toArray();
    }

    /** Hex cluster ID. */
    public String clusterIdHex() {
        return RaftIds.hex(clusterId);
    }
}
