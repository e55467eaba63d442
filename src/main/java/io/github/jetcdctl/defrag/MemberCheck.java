package io.github.jetcdctl.defrag;

import io.github.jetcdctl.space.DbSpace;

/**
 * One member as the health gate saw it: reachable and healthy or not (and why), its db figures and quota, and
 * whether it leads. A NOSPACE alarm does not make a member unhealthy here: defragmenting is how it is cleared.
 */
public record MemberCheck(long id, String name, String endpoint, boolean learner, boolean leader, boolean healthy,
        String problem, DbSpace db, boolean nospace) {

    public String role() {
        return leader ? "leader" : learner ? "learner" : "follower";
    }

    /** {@code m1 (8e9e05c52164694d)}. */
    public String label() {
        return (name.isEmpty() ? "(unnamed)" : name) + " (" + Long.toHexString(id) + ")";
    }
}
