package io.github.jetcdctl.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.github.jetcdctl.k8s.StoredObjects;
import io.github.jetcdctl.testing.EtcdClusterExtension;
import io.github.jetcdctl.testing.Etcdctl;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.ProcessResult;

/**
 * get --from against a real etcd: Kubernetes objects as the API server stores them, updated and deleted, then
 * the same get run live and against a snapshot, a gzip backup (the file and its directory) and the running
 * member's data dir gives the same bytes in every format (for a file, the header's cluster and member IDs aside:
 * only a data dir's WAL records them).
 */
class OfflineGetTest {
    @RegisterExtension
    static final EtcdClusterExtension ETCD = EtcdClusterExtension.single();
    static final Pattern REVISION = Pattern.compile("\"revision\":(\\d+)");

    @TempDir
    static Path dir;
    static Jetcdctl jetcdctl;
    static Etcdctl etcdctl;
    static Path snapshot;
    static Path backups;
    static long beforeDeletes;

    @BeforeAll
    static void storeChangeAndBackUp() throws IOException {
        jetcdctl = Jetcdctl.forCluster(ETCD.cluster());
        etcdctl = ETCD.etcdctl();
        for (String name : List.of("settings", "flags", "routes")) {
            put("/registry/configmaps/team/" + name,
                    StoredObjects.envelope("v1", "ConfigMap", StoredObjects.configMap("team", name)));
        }
        put("/registry/deployments/team/api",
                StoredObjects.envelope("apps/v1", "Deployment", StoredObjects.deployment("team", "api")));
        put("/registry/pods/team/web-0", StoredObjects.envelope("v1", "Pod", StoredObjects.pod("team", "web-0")));
        put("plain/a", "one".getBytes());
        put("plain/b", new byte[] {0, 1, (byte) 0xff, '\n'});
        put("plain/a", "two".getBytes());
        beforeDeletes = revision();
        etcdctl.run("del", "/registry/configmaps/team/flags");
        put("plain/c", "three".getBytes());
        snapshot = dir.resolve("snap.db");
        assertTrue(jetcdctl.run("snapshot", "save", snapshot.toString()).succeeded());
        backups = dir.resolve("backups");
        Files.createDirectories(backups);
        Backups.take(jetcdctl, backups, "gzip");
    }

    static void put(String key, byte[] value) {
        ProcessResult put = etcdctl.runWithStdin(value, "put", key);
        assertTrue(put.succeeded(), put.toString());
    }

    static long revision() {
        return revisionOf(etcdctl);
    }

    /** The cluster's current revision. */
    static long revisionOf(Etcdctl etcdctl) {
        Matcher m = REVISION.matcher(etcdctl.run("get", "x", "-w", "json").stdoutText());
        assertTrue(m.find());
        return Long.parseLong(m.group(1));
    }

    /** The sources --from reads, all holding the cluster's present data. */
    static List<String> sources() throws IOException {
        List<String> all = new ArrayList<>();
        all.add(snapshot.toString());
        all.add(backups.toString());
        all.add(backupFile().toString());
        all.add(ETCD.cluster().member(0).dataDir().toString());
        return all;
    }

    static void assertSameAsLive(List<String> args) throws IOException {
        ProcessResult live = jetcdctl.run(args.toArray(String[]::new));
        assertTrue(live.succeeded(), live.toString());
        for (String from : sources()) {
            List<String> offline = new ArrayList<>(args);
            offline.add("--from");
            offline.add(from);
            ProcessResult read = jetcdctl.run(offline.toArray(String[]::new));
            assertEquals(0, read.exitCode(), read.toString());
            // a data dir's WAL names its member and cluster; a file does not
            boolean dataDir = from.equals(ETCD.cluster().member(0).dataDir().toString());
            assertEquals(dataDir ? live.stdoutText() : withoutMemberIds(live.stdoutText()),
                    dataDir ? read.stdoutText() : withoutMemberIds(read.stdoutText()), String.join(" ", offline));
            assertEquals("", read.stderrText());
        }
    }

    static Path backupFile() throws IOException {
        try (var files = Files.list(backups)) {
            return files.filter(f -> f.toString().endsWith(".db.gz")).findFirst().orElseThrow();
        }
    }

    /** Only the live server knows its cluster and member IDs. */
    static String withoutMemberIds(String output) {
        return output.replaceAll("\"cluster_id\":\\d+,\"member_id\":\\d+,", "")
                .replaceAll("(?m)^\"(ClusterID|MemberID)\" : \\d+\n", "");
    }

    @Test
    void aPrefixReadsTheSameInEveryFormat() throws IOException {
        for (String format : List.of("simple", "json", "fields")) {
            assertSameAsLive(List.of("get", "/registry/", "--prefix", "-w", format));
            assertSameAsLive(List.of("get", "plain/", "--prefix", "-w", format));
        }
    }

    @Test
    void aDataDirGivesTheMembersOwnProtobufBytes() {
        ProcessResult live = jetcdctl.run("get", "/registry/", "--prefix", "-w", "protobuf");
        ProcessResult read = jetcdctl.run("get", "/registry/", "--prefix", "-w", "protobuf", "--from",
                ETCD.cluster().member(0).dataDir().toString());
        assertEquals(0, read.exitCode(), read.toString());
        assertTrue(live.stdout().length > 100);
        java.util.HexFormat hex = java.util.HexFormat.of();
        assertEquals(hex.formatHex(live.stdout()), hex.formatHex(read.stdout()));
    }

    @Test
    void keysOnlyCountOnlyLimitAndSortReadTheSame() throws IOException {
        assertSameAsLive(List.of("get", "", "--prefix", "--keys-only"));
        assertSameAsLive(List.of("get", "", "--from-key", "--count-only", "-w", "fields"));
        assertSameAsLive(List.of("get", "plain/", "--prefix", "--limit", "2", "-w", "json"));
        assertSameAsLive(List.of("get", "plain/", "--prefix", "--sort-by", "MODIFY", "--order", "DESCEND"));
        assertSameAsLive(List.of("get", "plain/a", "plain/c", "--print-value-only"));
        assertSameAsLive(List.of("get", "plain/a", "-w", "json", "--hex"));
    }

    @Test
    void anEarlierRevisionShowsWhatWasDeletedSince() throws IOException {
        String rev = Long.toString(beforeDeletes);
        assertSameAsLive(List.of("get", "/registry/configmaps/team/", "--prefix", "--rev", rev, "--keys-only"));
        assertSameAsLive(List.of("get", "plain/a", "--rev", "2", "-w", "json"));
        ProcessResult past = jetcdctl.run("get", "/registry/configmaps/team/flags", "--rev", rev, "--keys-only",
                "--from", snapshot.toString());
        assertEquals("/registry/configmaps/team/flags\n\n", past.stdoutText());
    }

    @Test
    void decodedObjectsReadTheSame() throws IOException {
        assertSameAsLive(List.of("get", "/registry/", "--prefix", "--decode=k8s"));
        assertSameAsLive(List.of("get", "/registry/", "--prefix", "--decode=k8s", "--decode-output", "json"));
    }

    @Test
    void aFutureRevisionIsRefusedAsTheServerRefusesIt() {
        ProcessResult future = jetcdctl.run("get", "plain/a", "--rev", "100000", "--from", snapshot.toString());
        assertEquals(1, future.exitCode());
        assertEquals("Error: etcdserver: mvcc: required revision is a future revision\n", future.stderrText());
    }

    @Test
    void valuesPastTheMemoryBudgetAreReadAgainInPasses() throws IOException {
        try (OfflineDb db = OfflineDb.open(snapshot)) {
            var request = io.etcd.jetcd.api.RangeRequest.newBuilder()
                    .setKey(com.google.protobuf.ByteString.copyFromUtf8("/registry/"))
                    .setRangeEnd(com.google.protobuf.ByteString.copyFromUtf8("/registry0")).build();
            List<io.etcd.jetcd.api.KeyValue> whole = new ArrayList<>();
            new OfflineRange(db).range(request).kvs().forEach(whole::add);
            List<io.etcd.jetcd.api.KeyValue> inPasses = new ArrayList<>();
            new OfflineRange(db, 1).range(request).kvs().forEach(inPasses::add);
            assertEquals(4, whole.size());
            assertEquals(whole, inPasses);
        }
    }

    @Test
    void aDamagedOrTruncatedFileIsOneClearError() throws IOException {
        byte[] bytes = Files.readAllBytes(snapshot);
        Path truncated = dir.resolve("truncated.db");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Path garbage = dir.resolve("garbage.db");
        Files.write(garbage, new byte[10000]);
        Path gzip = dir.resolve("cut.db.gz");
        byte[] compressed = Files.readAllBytes(backupFile());
        Files.write(gzip, java.util.Arrays.copyOf(compressed, compressed.length / 2));
        for (Path damaged : List.of(truncated, garbage, gzip, dir.resolve("missing.db"))) {
            ProcessResult read = jetcdctl.run("get", "", "--prefix", "--from", damaged.toString());
            assertEquals(1, read.exitCode(), read.toString());
            String err = read.stderrText();
            assertTrue(err.startsWith("Error: ") && err.endsWith("\n") && err.indexOf('\n') == err.length() - 1,
                    err);
            assertTrue(err.contains(damaged.toString()), err);
            assertFalse(err.contains("Exception"), err);
        }
    }
}
