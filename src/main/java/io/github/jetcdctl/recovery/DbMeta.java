package io.github.jetcdctl.recovery;

/**
 * What a db's {@code meta} bucket and key bucket say about its state.
 *
 * @param revision the revision a member started from this db would be at
 * @param compactRevision the last finished compaction ({@code meta/finishedCompactRev}); 0 if none
 * @param scheduledCompactRevision a compaction begun, perhaps not finished ({@code meta/scheduledCompactRev})
 * @param consistentIndex the raft index the db has applied ({@code meta/consistent_index})
 * @param term the raft term of that index ({@code meta/term}; 0 before etcd 3.5)
 * @param storageVersion {@code meta/storageVersion} (written since etcd 3.6), or empty
 */
public record DbMeta(long revision, long compactRevision, long scheduledCompactRevision, long consistentIndex,
        long term, String storageVersion) {
}
