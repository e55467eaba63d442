package io.github.jetcdctl.snapshot;

import io.github.jetcdctl.snapshot.bbolt.BoltCursor;
import io.github.jetcdctl.snapshot.bbolt.BoltReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The etcd line ({@code 3.6}) that is to boot a restored data directory, and whether it will: etcd 3.6 and later
 * read the snapshot's {@code meta/storageVersion} and {@code cluster/clusterVersion} at start-up and stop on a
 * version of a newer line, so restore can refuse that case before it writes anything, with etcd's own reason.
 * etcd 3.5 and older read neither value (they take the cluster version from the {@code .snap} file, which restore
 * writes without one) and boot every line's snapshot.
 */
public record TargetLine(int major, int minor) {
    private static final Pattern LINE = Pattern.compile("(\\d{1,4})\\.(\\d{1,4})(?:\\.\\d{1,9})?");
    private static final Pattern STORED = Pattern.compile("(\\d{1,4})\\.(\\d{1,4})\\.\\d{1,9}");
    private static final byte[] META = "meta".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STORAGE_VERSION = "storageVersion".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLUSTER = "cluster".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLUSTER_VERSION = "clusterVersion".getBytes(StandardCharsets.US_ASCII);

    /** {@code 3.6} or {@code 3.6.17} (the patch release does not matter); empty for anything else. */
    public static Optional<TargetLine> parse(String text) {
        Matcher m = LINE.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new TargetLine(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
    }

    /**
     * Why etcd of this line would not boot a restore of the snapshot {@code r} reads, in etcd's words, or empty
     * when it boots. The checks come in etcd's order: the storage schema first, then the cluster version.
     */
    public Optional<String> refusal(BoltReader r) throws IOException {
        if (!atLeast(3, 6)) {
            return Optional.empty();
        }
        String storage = value(r, META, STORAGE_VERSION);
        if (isNewer(storage)) {
            return Optional.of(this + " would not boot this snapshot: version \"" + storage + "\" is not supported"
                    + " (the snapshot comes from etcd " + lineOf(storage) + advice());
        }
        String cluster = value(r, CLUSTER, CLUSTER_VERSION);
        if (isNewer(cluster)) {
            return Optional.of(this + " would not boot this snapshot: invalid downgrade; server version is lower"
                    + " than determined cluster version (cluster version " + lineOf(cluster) + advice());
        }
        return Optional.empty();
    }

    private String advice() {
        return "; take the snapshot after \"downgrade enable " + major + "." + minor + "\", or restore it for "
                + "a newer etcd)";
    }

    private boolean atLeast(int maj, int min) {
        return major > maj || (major == maj && minor >= min);
    }

    /** True when {@code stored} (etcd's {@code X.Y.Z}) names a newer line than this; false when absent or odd. */
    private boolean isNewer(String stored) {
        if (stored == null) {
            return false;
        }
        Matcher m = STORED.matcher(stored);
        if (!m.matches()) {
            return false;
        }
        int maj = Integer.parseInt(m.group(1));
        int min = Integer.parseInt(m.group(2));
        return maj > major || (maj == major && min > minor);
    }

    private static String lineOf(String stored) {
        Matcher m = STORED.matcher(stored);
        return m.matches() ? m.group(1) + "." + m.group(2) : stored;
    }

    /** The value of {@code bucket/key} as text, or null when either is missing. */
    private static String value(BoltReader r, byte[] bucket, byte[] key) throws IOException {
        BoltCursor root = r.rootCursor();
        if (!root.seekForward(bucket) || !root.isBucket()) {
            return null;
        }
        BoltCursor c = root.bucketCursor();
        if (!c.seekForward(key) || c.isBucket()) {
            return null;
        }
        return new String(c.value(), StandardCharsets.UTF_8);
    }

    /** {@code etcd 3.6}. */
    @Override
    public String toString() {
        return "etcd " + major + "." + minor;
    }
}
