package io.github.jetcdctl.cli.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.jetcdctl.snapshot.KvHash;
import io.github.jetcdctl.snapshot.TestFiles;
import io.github.jetcdctl.testing.EtcdBinaries;
import io.github.jetcdctl.testing.EtcdCluster;
import io.github.jetcdctl.testing.Etcdctl;
import io.github.jetcdctl.testing.Etcdutl;
import io.github.jetcdctl.testing.Files2;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.ProcessResult;

/**
 * {@code hashkv} side by side with etcdutl 3.6.17 (and 3.7.4) on the data directory of a real etcd 3.6 member whose
 * history has puts, deletes, a transaction, a compaction, and a revision at which no key is alive (where etcd hashes
 * the compacted stretch differently): equal at every revision to etcdutl's and to what the live member answered to
 * {@code endpoint hashkv --rev} before it was stopped; the same bytes in every format, the same errors and exit
 * codes; and the same hash from a snapshot file, its gzip form and the data directory itself.
 */
class HashKvGoldenTest {
    static final Jetcdctl JETCDCTL = Jetcdctl.create();
    static final Pattern LIVE_HASH = Pattern.compile("\"hash\":(\\d+),\"compact_revision\":(-?\\d+),"
            + "\"hash_revision\":(\\d+)");

    static EtcdBinaries binaries;
    static Etcdutl etcdutl;
    static EtcdCluster cluster;
    static Path dataDir;
    static Path db;
    static Path snapshot;
    static long compacted;
    static long latest;
    /** The live member's answers to endpoint hashkv --rev, by revision, as etcdutl's json prints them. */
    static final Map<Long, String> LIVE = new LinkedHashMap<>();
    static ProcessResult whileRunning;

    @TempDir
    static Path shared;

    @BeforeAll
    static void makeHistory() throws IOException {
        binaries = EtcdBinaries.forTest(EtcdBinaries.V3_6);
        etcdutl = Etcdutl.of(binaries);
        cluster = EtcdCluster.builder().binaries(binaries).start();
        Etcdctl etcdctl = cluster.member(0).etcdctl();
        for (int i = 1; i <= 5; i++) {
            run(etcdctl, "put", "/pods/p" + i, "v" + i);
        }
        run(etcdctl, "del", "/pods/p2");
        run(etcdctl, "put", "/pods/p1", "v1b");
        runWithStdin(etcdctl, "\nput /pods/x 1\nput /pods/y 2\ndel /pods/p4\n\n\n", "txn");
        run(etcdctl, "put", "/pods/p3", "v3b");
        compacted = revision(etcdctl);
        run(etcdctl, "compaction", "--physical", Long.toString(compacted));
        run(etcdctl, "put", "/pods/p5", "v5b");
        run(etcdctl, "del", "/pods/", "--prefix"); // no key alive at this revision
        run(etcdctl, "put", "/later", "z");
        run(etcdctl, "del", "/later");
        run(etcdctl, "put", "/last", "x");
        latest = revision(etcdctl);
        // at the compaction revision itself the member answers from the hash it cached while compacting
        for (long rev = compacted + 1; rev <= latest; rev++) {
            LIVE.put(rev, liveHash(etcdctl, rev));
        }
        LIVE.put(0L, liveHash(etcdctl, 0));
        run(etcdctl, "snapshot", "save", shared.resolve("snap.db").toString());
        whileRunning = JETCDCTL.run("hashkv", cluster.member(0).dataDir().toString());
        cluster.member(0).stop();
        dataDir = shared.resolve("data");
        Files2.copyTree(cluster.member(0).dataDir(), dataDir);
        db = dataDir.resolve("member/snap/db");
        snapshot = shared.resolve("snap.db");
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static void run(Etcdctl etcdctl, String... args) {
        ProcessResult r = etcdctl.run(args);
        assertEquals(0, r.exitCode(), r.toString());
    }

    private static void runWithStdin(Etcdctl etcdctl, String stdin, String... args) {
        ProcessResult r = etcdctl.runWithStdin(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8), args);
        assertEquals(0, r.exitCode(), r.toString());
    }

    private static long revision(Etcdctl etcdctl) {
        ProcessResult r = etcdctl.run("get", "/no-such-key", "-w", "json");
        Matcher m = Pattern.compile("\"revision\":(\\d+)").matcher(r.stdoutText());
        assertTrue(m.find(), r.toString());
        return Long.parseLong(m.group(1));
    }

    /** {@code endpoint hashkv --rev} of the live member, rewritten as etcdutl hashkv's json line. */
    private static String liveHash(Etcdctl etcdctl, long rev) {
        ProcessResult r = etcdctl.run("endpoint", "hashkv", "--rev", Long.toString(rev), "-w", "json");
        Matcher m = LIVE_HASH.matcher(r.stdoutText());
        assertTrue(m.find(), r.toString());
        return "{\"hash\":" + m.group(1) + ",\"hashRevision\":" + m.group(3) + ",\"compactRevision\":" + m.group(2)
                + "}\n";
    }

    @Test
    void equalsEtcdutlAndTheLiveMemberAtEveryRevision() {
        assertTrue(latest >= compacted + 5, "history too short: " + compacted + ".." + latest);
        List<String> mismatches = new ArrayList<>();
        for (long rev = compacted; rev <= latest; rev++) {
            ProcessResult expected = etcdutl.run("hashkv", db.toString(), "--rev", Long.toString(rev), "-w", "json");
            ProcessResult actual = JETCDCTL.run("hashkv", db.toString(), "--rev", Long.toString(rev), "-w", "json");
            assertEquals(0, expected.exitCode(), expected.toString());
            assertEquals(expected, actual, "at revision " + rev);
            if (LIVE.containsKey(rev) && !LIVE.get(rev).equals(actual.stdoutText())) {
                mismatches.add(rev + ": live " + LIVE.get(rev) + " ours " + actual.stdoutText());
            }
        }
        assertEquals(List.of(), mismatches);
        ProcessResult latestHash = JETCDCTL.run("hashkv", db.toString(), "-w", "json");
        assertEquals(LIVE.get(0L), latestHash.stdoutText());
        assertEquals(etcdutl.run("hashkv", db.toString(), "-w", "json"), latestHash);
        // the revision at which nothing is alive, and the compacted stretch, are in the history
        assertTrue(latestHash.stdoutText().contains("\"compactRevision\":" + compacted + "}"), latestHash.toString());
    }

    @Test
    void printsEveryFormatAsEtcdutlDoes() {
        for (String format : List.of("simple", "json", "fields", "table", "protobuf", "bogus")) {
            ProcessResult expected = etcdutl.run("hashkv", db.toString(), "-w", format);
            ProcessResult actual = JETCDCTL.run("hashkv", db.toString(), "-w", format);
            assertEquals(expected, actual, "-w " + format);
        }
        // etcdutl 3.7 draws its table with box-drawing characters; we keep 3.5's and 3.6's ASCII table
        Etcdutl etcdutl37 = Etcdutl.of(EtcdBinaries.forTest(EtcdBinaries.V3_7));
        for (String format : List.of("simple", "json", "fields")) {
            assertEquals(etcdutl37.run("hashkv", db.toString(), "-w", format),
                    JETCDCTL.run("hashkv", db.toString(), "-w", format), "etcdutl 3.7 -w " + format);
        }
    }

    @Test
    void refusesRevisionsOutsideTheHistoryAsEtcdutlDoes() {
        for (long rev : new long[] {compacted - 1, 1, latest + 1, latest + 1000}) {
            ProcessResult expected = etcdutl.run("hashkv", db.toString(), "--rev", Long.toString(rev));
            ProcessResult actual = JETCDCTL.run("hashkv", db.toString(), "--rev", Long.toString(rev));
            assertEquals(1, expected.exitCode(), expected.toString());
            assertEquals(expected, actual, "--rev " + rev);
        }
        // a negative revision hashes nothing but the bucket name, for both
        assertEquals(etcdutl.run("hashkv", db.toString(), "--rev", "-3"),
                JETCDCTL.run("hashkv", db.toString(), "--rev", "-3"));
    }

    @Test
    void badArgumentsFailWithEtcdutlsFirstLineAndExitCode() {
        Path missing = shared.resolve("no-such.db");
        assertEquals(etcdutl.run("hashkv", missing.toString()), JETCDCTL.run("hashkv", missing.toString()));
        for (List<String> args : List.of(List.of("hashkv"), List.of("hashkv", db.toString(), db.toString()),
                List.of("hashkv", db.toString(), "--rev", "x"))) {
            ProcessResult expected = etcdutl.run(args);
            ProcessResult actual = JETCDCTL.run(args.toArray(String[]::new));
            assertEquals(expected.exitCode(), actual.exitCode(), args.toString());
            assertEquals("", actual.stdoutText());
            // etcdutl adds its usage; we print a --help hint instead
            assertEquals(expected.stderrText().lines().findFirst(), actual.stderrText().lines().findFirst());
        }
        Path junk = shared.resolve("junk.db");
        try {
            Files.writeString(junk, "not a bbolt file, but longer than nothing at all\n".repeat(200));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ProcessResult panics = etcdutl.run("hashkv", junk.toString());
        ProcessResult ours = JETCDCTL.run("hashkv", junk.toString());
        assertEquals(2, panics.exitCode(), panics.toString());
        assertEquals(2, ours.exitCode(), ours.toString());
        assertTrue(ours.stderrText().startsWith("Error: failed to open database: "), ours.toString());
    }

    @Test
    void hashesSnapshotFilesTheirGzipFormAndDataDirectoriesAlike() throws IOException {
        ProcessResult expected = etcdutl.run("hashkv", snapshot.toString());
        assertEquals(0, expected.exitCode(), expected.toString());
        assertEquals(expected, JETCDCTL.run("hashkv", snapshot.toString()));
        Path gzip = shared.resolve("snap.db.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzip))) {
            Files.copy(snapshot, out);
        }
        assertEquals(expected, JETCDCTL.run("hashkv", gzip.toString()));
        // the snapshot was taken after the last write: the same history as the data directory's db
        assertEquals(etcdutl.run("hashkv", db.toString()), JETCDCTL.run("hashkv", dataDir.toString()));
        assertEquals(expected, JETCDCTL.run("hashkv", dataDir.toString()));
        // the domain class others call, on the db and at a revision
        KvHash.Result result = KvHash.compute(dataDir, compacted + 2);
        assertEquals(etcdutl.run("hashkv", db.toString(), "--rev", Long.toString(compacted + 2), "-w", "simple")
                .stdoutText(), result.hash() + ", " + result.hashRevision() + ", " + result.compactRevision() + "\n");
    }

    /**
     * The test vectors (made by etcd 3.4 and 3.5, with leases; two never compacted) against etcdutl 3.7.4: etcdutl
     * 3.6.17 panics on a db with leased keys ("no lessor to attach lease").
     */
    @Test
    void equalsEtcdutl37OnTheSnapshotTestVectors() throws IOException {
        Etcdutl etcdutl37 = Etcdutl.of(EtcdBinaries.forTest(EtcdBinaries.V3_7));
        for (String name : List.of("A.db", "B.db", "C.db", "A1-etcdctl-3.4.23.db")) {
            // etcdutl opens the file for writing: give it a copy
            Path copy = shared.resolve("vector-" + name);
            Files.copy(TestFiles.snapshot(name), copy,
                    StandardCopyOption.REPLACE_EXISTING);
            ProcessResult expected = etcdutl37.run("hashkv", copy.toString(), "-w", "json");
            assertEquals(0, expected.exitCode(), expected.toString());
            assertEquals(expected, JETCDCTL.run("hashkv", TestFiles.snapshot(name)
                    .toString(), "-w", "json"), name);
        }
        Path b = TestFiles.snapshot("B.db");
        Path copy = shared.resolve("vector-B.db");
        for (String rev : List.of("2629", "2630", "2700", "2779")) {
            assertEquals(etcdutl37.run("hashkv", copy.toString(), "--rev", rev),
                    JETCDCTL.run("hashkv", b.toString(), "--rev", rev), "B.db at " + rev);
        }
    }

    @Test
    void refusedTheDbOfTheRunningMember() {
        assertEquals(1, whileRunning.exitCode(), whileRunning.toString());
        assertEquals("", whileRunning.stdoutText());
        assertTrue(whileRunning.stderrText().matches("(?s)Error: process \\d+ \\(etcd\\) holds a lock on .*member/snap/db: "
                + "stop it first, or use endpoint hashkv on the running member\n"), whileRunning.toString());
    }
}
