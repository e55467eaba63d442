package io.github.jetcdctl.snapshot.raft;

import java.util.List;

/**
 * A cluster member as restore creates it: ID, name and sorted peer URLs (no client URLs, never a
 * learner).
 *
 * @param id unsigned 64-bit member ID
 * @param name member name (may be empty)
 * @param peerUrls peer URLs, sorted as Go sorts {@code url.String()}
 */
public record Member(long id, String name, List<String> peerUrls) {
    public Member {
        peerUrls = List.copyOf(peerUrls);
    }

    /** Creates a member whose ID is computed from the URLs and the cluster token. */
    public static Member create(String name, List<String> sortedPeerUrls, String clusterToken) {
        return new Member(RaftIds.memberId(sortedPeerUrls, clusterToken), name, sortedPeerUrls);
    }

    /** Hex form of the ID, as used in keys, paths and logs ({@code types.ID.String()}). */
    public String hexId() {
        return RaftIds.hex(id);
    }

    /**
     * Go {@code json.Marshal} of {@code membership.Member}:
     * {@code {"id":<u64>,"peerURLs":[...],"name":"..."}} ({@code isLearner} and {@code clientURLs}
     * are omitted as empty; {@code name} only if non-empty).
     */
    public String toJson() {
        StringBuilder b = new StringBuilder("{\"id\":").append(Long.toUnsignedString(id));
        b.append(",\"peerURLs\":");
        appendUrls(b);
        if (!name.isEmpty()) {
            b.append(",\"name\":");
            GoText.appendJsonString(b, name);
        }
        return b.append('}').toString();
    }

    /** Go {@code json.Marshal} of {@code membership.RaftAttributes}: {@code {"peerURLs":[...]}}. */
    public String raftAttributesJson() {
        StringBuilder b = new StringBuilder("{\"peerURLs\":");
        appendUrls(b);
        return b.append('}').toString();
    }

    private void appendUrls(StringBuilder b) {
        b.append('[');
        for (int i = 0; i < peerUrls.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            GoText.appendJsonString(b, peerUrls.get(i));
        }
        b.append(']');
    }
}
