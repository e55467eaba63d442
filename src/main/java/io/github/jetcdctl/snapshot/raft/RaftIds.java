package io.github.jetcdctl.snapshot.raft;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Member and cluster IDs as etcd computes them ({@code membership.NewMember} with a nil time, and
 * {@code RaftCluster.genID}). IDs are unsigned 64-bit values held in a {@code long}.
 */
public final class RaftIds {
    private RaftIds() {}

    /**
     * Member ID: first 8 bytes (big-endian) of SHA-1 over the peer URLs (sorted as strings,
     * concatenated with no separator) followed by the cluster token. Restore passes no timestamp.
     */
    public static long memberId(Collection<String> peerUrls, String clusterToken) {
        List<String> sorted = new ArrayList<>(peerUrls);
        sorted.sort(RaftIds::compareGoStrings);
        StringBuilder b = new StringBuilder();
        sorted.forEach(b::append);
        b.append(clusterToken);
        return first8(sha1(b.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Cluster ID: SHA-1 over the member IDs, sorted ascending as unsigned, each as 8 big-endian bytes. */
    public static long clusterId(Collection<Long> memberIds) {
        List<Long> ids = new ArrayList<>(memberIds);
        ids.sort(Long::compareUnsigned);
        ByteBuffer buf = ByteBuffer.allocate(8 * ids.size());
        ids.forEach(buf::putLong);
        return first8(sha1(buf.array()));
    }

    /** Go's {@code types.ID.String()}: lower-case hex without padding. */
    public static String hex(long id) {
        return Long.toHexString(id);
    }

    /** Parses an unpadded hex ID (unsigned). */
    public static long parseHex(String hex) {
        return Long.parseUnsignedLong(hex, 16);
    }

    /** Compares two strings the way Go compares them: by their UTF-8 bytes, unsigned. */
    static int compareGoStrings(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
                b.getBytes(StandardCharsets.UTF_8));
    }

    private static long first8(byte[] digest) {
        return ByteBuffer.wrap(digest, 0, 8).getLong();
    }

    private static byte[] sha1(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
