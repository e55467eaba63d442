package io.github.jetcdctl.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.jetcdctl.snapshot.bbolt.BoltReader;
import io.github.jetcdctl.snapshot.bbolt.BoltWriter;

/**
 * Which etcd line refuses which stored versions, and in which order (etcd 3.6.17 and 3.7.4 checked by hand:
 * schema first, then the cluster version; etcd 3.5 reads neither). Booting the real servers is
 * {@code SnapshotRestoreLinesTest}'s job.
 */
class TargetLineTest {
    @TempDir
    Path dir;

    @Test
    void aLineIsMajorDotMinorWithAnOptionalPatch() {
        assertEquals(Optional.of(new TargetLine(3, 6)), TargetLine.parse("3.6"));
        assertEquals(Optional.of(new TargetLine(3, 7)), TargetLine.parse("3.7.4"));
        for (String bad : new String[] {"", "3", "v3.6", "3.6.", "3.6.1.2", "three"}) {
            assertEquals(Optional.empty(), TargetLine.parse(bad), bad);
        }
    }

    @Test
    void etcdThreeSixRefusesANewerStorageVersionFirstThenANewerClusterVersion() throws IOException {
        Path v37 = db("3.7.0", "3.7.0");
        assertEquals(Optional.of("etcd 3.6 would not boot this snapshot: version \"3.7.0\" is not supported (the"
                + " snapshot comes from etcd 3.7; take the snapshot after \"downgrade enable 3.6\", or restore it for"
                + " a newer etcd)"), refusal("3.6", v37));
        assertEquals(Optional.empty(), refusal("3.7", v37));
        assertEquals(Optional.empty(), refusal("3.5", v37), "etcd 3.5 reads neither version");

        Path migrated = db("3.6.0", "3.7.0");
        assertEquals(Optional.of("etcd 3.6 would not boot this snapshot: invalid downgrade; server version is lower"
                + " than determined cluster version (cluster version 3.7; take the snapshot after \"downgrade enable"
                + " 3.6\", or restore it for a newer etcd)"), refusal("3.6", migrated));

        Path v35 = db(null, "3.5.0");
        assertEquals(Optional.empty(), refusal("3.6", v35));
        assertEquals(Optional.empty(), refusal("3.6", db("3.6.0", "3.6.0")));
        assertEquals(Optional.empty(), refusal("3.6", db("odd", "3.6.0")), "what etcd cannot parse is its business");
    }

    private static Optional<String> refusal(String line, Path db) throws IOException {
        try (BoltReader r = BoltReader.open(db)) {
            return TargetLine.parse(line).orElseThrow().refusal(r);
        }
    }

    /** A db with the buckets a snapshot has; {@code storageVersion} null leaves the key out, as 3.5 does. */
    private Path db(String storageVersion, String clusterVersion) throws IOException {
        Path p = dir.resolve("db-" + storageVersion + "-" + clusterVersion);
        try (BoltWriter w = BoltWriter.create(p, 4096)) {
            w.beginBucket(ascii("cluster"));
            w.put(ascii("clusterVersion"), ascii(clusterVersion));
            w.endBucket();
            w.beginBucket(ascii("key"));
            w.endBucket();
            w.beginBucket(ascii("meta"));
            w.put(ascii("consistent_index"), new byte[8]);
            if (storageVersion != null) {
                w.put(ascii("storageVersion"), ascii(storageVersion));
            }
            w.put(ascii("term"), new byte[8]);
            w.endBucket();
            w.finish(2);
        }
        return p;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
