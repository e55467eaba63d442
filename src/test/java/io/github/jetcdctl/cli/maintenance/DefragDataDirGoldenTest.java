package io.github.jetcdctl.cli.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.protobuf.ByteString;

import io.etcd.jetcd.api.CompactionRequest;
import io.etcd.jetcd.api.DeleteRangeRequest;
import io.etcd.jetcd.api.KVGrpc;
import io.etcd.jetcd.api.LeaseGrantRequest;
import io.etcd.jetcd.api.LeaseGrpc;
import io.etcd.jetcd.api.PutRequest;
import io.etcd.jetcd.api.RequestOp;
import io.etcd.jetcd.api.TxnRequest;
import io.github.jetcdctl.client.ClientFactory;
import io.github.jetcdctl.client.ConnectionSettings;
import io.github.jetcdctl.client.EtcdConnection;
import io.github.jetcdctl.testing.EtcdBinaries;
import io.github.jetcdctl.testing.EtcdCluster;
import io.github.jetcdctl.testing.Etcdctl;
import io.github.jetcdctl.testing.Etcdutl;
import io.github.jetcdctl.testing.Files2;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.ProcessResult;

/**
 * {@code defrag --data-dir} against the etcdutl of the line under test on the data directory of a real member that
 * saw many puts, deletes and a compaction (so its db has free pages): the same log lines, a file no larger than
 * etcdutl's with the same snapshot status, and a member that boots from it with the same keys, revision and
 * hashkv. Then the bad inputs, each one Error line with etcdutl's exit code and the db left as it was. etcdctl has
 * the flag in 3.5 only (etcdctl 3.6 dropped it; jetcdctl keeps it on every line): what jetcdctl shares with etcdctl
 * there is compared with etcdctl 3.5.16 whatever the line.
 */
class DefragDataDirGoldenTest {
    static final EtcdBinaries BINARIES = EtcdBinaries.find();
    static final Etcdutl ETCDUTL = Etcdutl.of(BINARIES);
    static final EtcdBinaries BINARIES_3_5 = EtcdBinaries.find(EtcdBinaries.V3_5);
    /** The last etcdctl with {@code defrag --data-dir}. */
    static final Etcdctl ETCDCTL_3_5 = Etcdctl.of(BINARIES_3_5);
    static final Jetcdctl JETCDCTL = Jetcdctl.create();
    /** bbolt's own lines, which etcdutl 3.6 and later add around each open of the db (README: left out). */
    static final Pattern BBOLT_LINE = Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT[^\\t]+\\tinfo\\tbbolt\\t.*");
    /** zap console line: time, level, caller, message, fields. */
    static final Pattern LOG_LINE =
            Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT[^\\t]+\\tinfo\\t([^\\t]+)\\t([^\\t]+)\\t(\\{.*})$");
    /** One field of a log line's flat JSON object: a quoted string without escapes, or an integer. */
    static final Pattern FIELD = Pattern.compile("\"([^\"]+)\": (\"[^\"]*\"|-?\\d+)");

    static EtcdCluster cluster;
    /** A stopped copy of the member's data directory, with free pages in its db. */
    static Path pristine;
    static String keysBefore;
    static String hashKvBefore;

    @TempDir
    static Path shared;
    @TempDir
    Path dir;

    @BeforeAll
    static void makeFragmentedMember() throws Exception {
        cluster = EtcdCluster.single();
        ConnectionSettings settings = new ConnectionSettings(List.of(cluster.member(0).clientEndpoint()),
                Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(20), true,
                false, "", "", "", "", "");
        Random random = new Random(15);
        try (EtcdConnection etcd = ClientFactory.connect(settings)) {
            KVGrpc.KVBlockingStub kv = etcd.stub(KVGrpc::newBlockingStub);
            long lease = etcd.stub(LeaseGrpc::newBlockingStub)
                    .leaseGrant(LeaseGrantRequest.newBuilder().setTTL(3600).build()).getID();
            for (int round = 0; round < 4; round++) {
                for (int first = 0; first < 600; first += 100) {
                    TxnRequest.Builder txn = TxnRequest.newBuilder();
                    for (int i = first; i < first + 100; i++) {
                        byte[] value = new byte[200 + random.nextInt(1500)];
                        random.nextBytes(value);
                        txn.addSuccess(RequestOp.newBuilder().setRequestPut(PutRequest.newBuilder()
                                .setKey(ByteString.copyFromUtf8(pod(i)))
                                .setValue(ByteString.copyFrom(value)).setLease(i % 50 == 0 ? lease : 0)));
                    }
                    kv.txn(txn.build());
                }
                for (int i = round % 2; i < 600; i += 2) {
                    kv.deleteRange(DeleteRangeRequest.newBuilder().setKey(ByteString.copyFromUtf8(pod(i))).build());
                }
            }
            long revision = kv.put(PutRequest.newBuilder().setKey(ByteString.copyFromUtf8("/last"))
                    .setValue(ByteString.copyFromUtf8("x")).build()).getHeader().getRevision();
            kv.compact(CompactionRequest.newBuilder().setRevision(revision - 100).setPhysical(true).build());
        }
        keysBefore = keysAndRevision(cluster.member(0).etcdctl());
        hashKvBefore = hashKv(cluster.member(0).etcdctl());
        assertTrue(keysBefore.contains("\"Count\" : 301\n"), keysBefore); // the even pods and /last
        assertTrue(hashKvBefore.matches(".* compact_revision=[1-9]\\d+ .*"), hashKvBefore);
        cluster.member(0).stop();
        pristine = shared.resolve("pristine");
        Files2.copyTree(cluster.member(0).dataDir(), pristine);
    }

    private static String pod(int i) {
        return String.format("/registry/pods/ns%d/pod-%04d", i % 7, i);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void defragmentsAsEtcdutlDoesIntoAFileNoLargerThanItsAndTheMemberBootsFromIt() throws Exception {
        Path theirs = copyOfPristine("etcdutl");
        Path ours = copyOfPristine("jetcdctl");
        ProcessResult expected = ETCDUTL.run("defrag", "--data-dir", theirs.toString());
        ProcessResult actual = JETCDCTL.run("defrag", "--data-dir", ours.toString());
        assertEquals(0, expected.exitCode(), expected.toString());
        assertEquals(0, actual.exitCode(), actual.toString());
        assertEquals("", expected.stdoutText());
        assertEquals("", actual.stdoutText());
        List<String> theirLog = withoutBboltLines(lines(expected));
        List<String> ourLog = lines(actual);
        assertEquals(shapeOf(theirLog, theirs), shapeOf(ourLog, ours));
        // the first line reports the db before, which both tools read the same way
        assertEquals(fields(theirLog.get(0), theirs), fields(ourLog.get(0), ours));
        Map<String, String> theirAfter = fields(theirLog.get(1), theirs);
        Map<String, String> ourAfter = fields(ourLog.get(1), ours);
        for (String size : List.of("current-db-size-bytes", "current-db-size-in-use-bytes")) {
            assertTrue(Long.parseLong(ourAfter.get(size)) <= Long.parseLong(theirAfter.get(size)),
                    ourAfter + " vs " + theirAfter);
        }

        Path ourDb = ours.resolve("member/snap/db");
        Path theirDb = theirs.resolve("member/snap/db");
        assertTrue(Files.size(ourDb) <= Files.size(theirDb), Files.size(ourDb) + " > " + Files.size(theirDb));
        assertTrue(Files.size(ourDb) < Files.size(pristine.resolve("member/snap/db")) / 2, "nothing was freed");
        // etcdutl's status of both: the same hash, revision and key count (and those of the db before)
        assertEquals(status(theirDb), status(ourDb));
        assertEquals(status(pristine.resolve("member/snap/db")), status(ourDb));
        assertEquals(List.of("db"), listing(ours.resolve("member/snap")));

        // the member boots from our db with the same keys, revision and hash
        EtcdCluster.Member member = cluster.member(0);
        Files2.deleteRecursively(member.dataDir());
        Files2.copyTree(ours, member.dataDir());
        member.start();
        try {
            assertEquals(keysBefore, keysAndRevision(member.etcdctl()));
            assertEquals(hashKvBefore, hashKv(member.etcdctl()));
            // and keeps working: a write after the defrag lands in a full page
            assertEquals(0, member.etcdctl().run("put", "/after-defrag", "v").exitCode());
        } finally {
            member.stop();
        }
    }

    /** etcdctl 3.5 prints a deprecation notice and a blank line, then etcdutl 3.5's very lines; we print no notice. */
    @Test
    void etcdctl35RunsEtcdutlsDefragAfterANoticeThatJetcdctlLeavesOut() {
        Path viaEtcdutl = copyOfPristine("etcdutl-3.5");
        Path viaEtcdctl = copyOfPristine("etcdctl-3.5");
        Path ours = copyOfPristine("jetcdctl-3.5");
        ProcessResult etcdutl = Etcdutl.of(BINARIES_3_5).run("defrag", "--data-dir", viaEtcdutl.toString());
        ProcessResult deprecated = ETCDCTL_3_5.run("defrag", "--data-dir", viaEtcdctl.toString());
        ProcessResult actual = JETCDCTL.forLine("3.5").run("defrag", "--data-dir", ours.toString());
        assertEquals(0, etcdutl.exitCode(), etcdutl.toString());
        assertEquals(0, deprecated.exitCode(), deprecated.toString());
        assertEquals(0, actual.exitCode(), actual.toString());
        assertEquals("", deprecated.stdoutText());
        assertEquals("", actual.stdoutText());
        List<String> etcdctlLines = lines(deprecated);
        assertEquals("Use `etcdutl defrag` instead. The --data-dir is going to be decomissioned in v3.6.",
                etcdctlLines.get(0));
        List<String> etcdutlShape = shapeOf(lines(etcdutl), viaEtcdutl);
        assertEquals(etcdutlShape, shapeOf(etcdctlLines.subList(1, etcdctlLines.size()), viaEtcdctl));
        assertEquals(etcdutlShape, shapeOf(lines(actual), ours));
    }

    @Test
    void keepsTheModeAndOwnerOfTheDbAndIgnoresConnectionFlagsAndVariables() throws IOException {
        Path ours = copyOfPristine("mode");
        Path db = ours.resolve("member/snap/db");
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r-----"));
        // etcd often runs as its own user while an operator defragments as root
        var users = db.getFileSystem().getUserPrincipalLookupService();
        boolean root = "root".equals(Files.getOwner(db).getName());
        if (root) {
            Files.setOwner(db, users.lookupPrincipalByName("nobody"));
            Files.getFileAttributeView(db, java.nio.file.attribute.PosixFileAttributeView.class)
                    .setGroup(users.lookupPrincipalByGroupName("nogroup"));
        }
        var ownerBefore = Files.getOwner(db);
        Object groupBefore = Files.getAttribute(db, "posix:group");
        // as etcdctl, the offline form reads no ETCDCTL_* variable, endpoint or output format
        ProcessResult actual = JETCDCTL.withEnv("ETCDCTL_ENDPOINTS", "bogus:1").withEnv("ETCDCTL_BOGUS", "1")
                .withEnv("ETCDCTL_DIAL_TIMEOUT", "x").run("defrag", "--data-dir=" + ours, "-w", "json",
                        "--endpoints=foo:1", "--cluster", "extra");
        ProcessResult expected = ETCDCTL_3_5.run(List.of("defrag", "--data-dir=" + copyOfPristine("mode-etcdctl"), "-w",
                "json", "--endpoints=foo:1", "--cluster", "extra"), null, java.util.Map.of("ETCDCTL_ENDPOINTS",
                "bogus:1", "ETCDCTL_BOGUS", "1", "ETCDCTL_DIAL_TIMEOUT", "x"));
        assertEquals(expected.exitCode(), actual.exitCode(), actual.toString());
        assertEquals(expected.stdoutText(), actual.stdoutText());
        assertEquals(2, lines(actual).size(), actual.toString());
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(db)));
        assertEquals(ownerBefore, Files.getOwner(db));
        assertEquals(groupBefore, Files.getAttribute(db, "posix:group"));
        assertTrue(!root || "nobody".equals(ownerBefore.getName()), ownerBefore.toString());
    }

    /** A db linked from another disk is rewritten there; the link stays (a plain rename would replace it). */
    @Test
    void aSymbolicallyLinkedDbIsRewrittenWhereItIs() throws IOException {
        Path ours = copyOfPristine("linked");
        Path elsewhere = Files.createDirectories(dir.resolve("other-disk")).resolve("db");
        Files.move(ours.resolve("member/snap/db"), elsewhere);
        Files.createSymbolicLink(ours.resolve("member/snap/db"), elsewhere);
        ProcessResult actual = JETCDCTL.run("defrag", "--data-dir", ours.toString());
        assertEquals(0, actual.exitCode(), actual.toString());
        assertTrue(Files.isSymbolicLink(ours.resolve("member/snap/db")));
        assertTrue(Files.size(elsewhere) < Files.size(pristine.resolve("member/snap/db")));
        assertEquals(status(pristine.resolve("member/snap/db")), status(elsewhere));
        assertEquals(List.of("db"), listing(elsewhere.getParent()));
    }

    /** Each bad input: etcdutl's exit code, one Error line, the db byte for byte as it was, no temporary file. */
    @Test
    void badInputsGiveOneLineAndEtcdutlsExitCodeAndLeaveTheDbAlone() throws IOException {
        byte[] good = Files.readAllBytes(pristine.resolve("member/snap/db"));
        byte[] random = new byte[65536];
        new Random(3).nextBytes(random);
        byte[] bothMetasBad = good.clone();
        bothMetasBad[40] ^= 1;
        bothMetasBad[4096 + 40] ^= 1;
        // the root page names another page: found during the copy, once the temporary file exists
        byte[] rootPageBad = good.clone();
        java.nio.ByteBuffer le = java.nio.ByteBuffer.wrap(good).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int meta = le.getLong(64) > le.getLong(4096 + 64) ? 0 : 4096;
        long root = le.getLong(meta + 32);
        rootPageBad[(int) (root * 4096)] ^= 1;
        List<BadInput> cases = List.of(
                new BadInput("missing directory", null, "open %s/member/snap/db: no such file or directory"),
                new BadInput("directory without member", new byte[0], "open %s/member/snap/db: no such file or "
                        + "directory"),
                new BadInput("random bytes", random, "invalid database"),
                new BadInput("truncated", Arrays.copyOf(good, 40_000), "truncated"),
                new BadInput("shorter than a page", Arrays.copyOf(good, 100), "invalid database"),
                new BadInput("both meta pages damaged", bothMetasBad, "checksum error"),
                new BadInput("root page damaged", rootPageBad, "page " + root + ": header identifies it as page "
                        + (root ^ 1)));
        for (BadInput bad : cases) {
            Path theirs = bad.create(dir.resolve("theirs-" + bad.name.replace(' ', '-')));
            Path ours = bad.create(dir.resolve("ours-" + bad.name.replace(' ', '-')));
            ProcessResult expected = ETCDUTL.run("defrag", "--data-dir", theirs.toString());
            ProcessResult actual = JETCDCTL.run("defrag", "--data-dir", ours.toString());
            assertEquals(expected.exitCode(), actual.exitCode(), bad.name + "\n" + expected + "\n" + actual);
            assertEquals("", actual.stdoutText());
            List<String> error = lines(actual);
            assertEquals(1, error.size(), bad.name + ": " + actual);
            bad.assertUntouched(ours);
            if (expected.exitCode() == 1) {
                // etcdutl's own Error line (3.6 and later look for the db first), word for word
                assertEquals(lines(expected), List.of(error.get(0).replace(ours.toString(), theirs.toString())),
                        bad.name);
                continue;
            }
            // etcdutl panics: we say why in one line
            assertTrue(error.get(0).startsWith("Error: Failed to defragment etcd data[" + ours + "] (failed to open "
                    + "database: "), error.get(0));
            assertTrue(error.get(0).contains(bad.expectedReason.replace("%s", ours.toString())), error.get(0));
        }
    }

    /**
     * Where etcdutl "succeeds" by creating a db (a member/snap directory without one in 3.5, or an empty db file,
     * both of which bbolt initialises as a new, empty database), we refuse: an empty db is never what was meant.
     * etcdutl 3.6 and later refuse a missing db themselves, and we say what they say.
     */
    @Test
    void aMissingOrEmptyDbIsNotCreated() throws IOException {
        Path noDb = dir.resolve("no-db");
        Files.createDirectories(noDb.resolve("member/snap"));
        Path theirNoDb = dir.resolve("their-no-db");
        Files.createDirectories(theirNoDb.resolve("member/snap"));
        ProcessResult expected = ETCDUTL.run("defrag", "--data-dir", theirNoDb.toString());
        ProcessResult actual = JETCDCTL.run("defrag", "--data-dir", noDb.toString());
        if (expected.exitCode() == 0) {
            assertEquals(List.of("db"), listing(theirNoDb.resolve("member/snap")), expected.toString());
            assertEquals(2, actual.exitCode(), actual.toString());
            assertEquals(List.of("Error: Failed to defragment etcd data[" + noDb + "] (failed to open database: open "
                    + noDb + "/member/snap/db: no such file or directory)"), lines(actual));
        } else {
            assertEquals(expected.exitCode(), actual.exitCode(), expected + "\n" + actual);
            assertEquals(expected.stdoutText(), actual.stdoutText());
            assertEquals(lines(expected), List.of(lines(actual).get(0).replace(noDb.toString(),
                    theirNoDb.toString())), actual.toString());
            assertEquals(1, lines(actual).size(), actual.toString());
        }
        assertEquals(List.of(), listing(noDb.resolve("member/snap")));

        Path emptyDb = dir.resolve("empty-db");
        Files.createDirectories(emptyDb.resolve("member/snap"));
        Files.write(emptyDb.resolve("member/snap/db"), new byte[0]);
        actual = JETCDCTL.run("defrag", "--data-dir", emptyDb.toString());
        assertEquals(2, actual.exitCode(), actual.toString());
        assertEquals(List.of("db"), listing(emptyDb.resolve("member/snap")));
        assertEquals(0, Files.size(emptyDb.resolve("member/snap/db")));
    }

    @Test
    void aRunningMembersDbIsRefusedAtOnce() throws IOException {
        Path live = copyOfPristine("live");
        EtcdCluster.Member member = cluster.member(0);
        Files2.deleteRecursively(member.dataDir());
        Files2.copyTree(live, member.dataDir());
        member.start();
        try {
            Path db = member.dataDir().resolve("member/snap/db");
            Object inode = Files.getAttribute(db, "unix:ino");
            ProcessResult actual = JETCDCTL.run("defrag", "--data-dir", member.dataDir().toString());
            assertEquals(1, actual.exitCode(), actual.toString());
            assertEquals(List.of("Error: Failed to defragment etcd data[" + member.dataDir() + "] (process "
                    + member.pid() + " (etcd) holds a lock on " + db + ": stop it first, or omit --data-dir to "
                    + "defragment a running member)"), lines(actual));
            assertEquals(inode, Files.getAttribute(db, "unix:ino"));
            assertEquals(List.of("db"), listing(db.getParent()));
        } finally {
            member.stop();
        }
    }

    private record BadInput(String name, byte[] db, String expectedReason) {
        /** null: no directory at all; empty: a directory with nothing in it; else a member with this db. */
        Path create(Path dataDir) throws IOException {
            if (db == null) {
                return dataDir;
            }
            Files.createDirectories(dataDir);
            if (db.length > 0) {
                Files.createDirectories(dataDir.resolve("member/snap"));
                Files.write(dataDir.resolve("member/snap/db"), db);
            }
            return dataDir;
        }

        void assertUntouched(Path dataDir) throws IOException {
            if (db == null) {
                assertTrue(Files.notExists(dataDir), name + ": " + dataDir + " was created");
            } else if (db.length == 0) {
                assertEquals(List.of(), listing(dataDir), name);
            } else {
                assertEquals(-1, Arrays.mismatch(db, Files.readAllBytes(dataDir.resolve("member/snap/db"))), name);
                assertEquals(List.of("db"), listing(dataDir.resolve("member/snap")), name);
            }
        }
    }

    private Path copyOfPristine(String name) {
        Path copy = shared.resolve(name + "-" + System.nanoTime());
        Files2.copyTree(pristine, copy);
        return copy;
    }

    /** Every key with its revisions, version, lease and value, the revision and count; not the raft term. */
    private static String keysAndRevision(Etcdctl etcdctl) {
        return withoutRaftTerm(etcdctl.run("get", "", "--prefix", "-w", "fields"));
    }

    /** {@code hash=… compact_revision=… revision=…} from {@code endpoint hashkv -w json}. */
    private static String hashKv(Etcdctl etcdctl) {
        ProcessResult r = etcdctl.run("endpoint", "hashkv", "-w", "json");
        assertEquals(0, r.exitCode(), r.toString());
        StringBuilder values = new StringBuilder();
        for (String name : List.of("hash", "compact_revision", "revision")) {
            Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(r.stdoutText());
            assertTrue(m.find(), name + " in " + r.stdoutText());
            values.append(name).append('=').append(m.group(1)).append(' ');
        }
        return values.toString().trim();
    }

    private static String withoutRaftTerm(ProcessResult r) {
        assertEquals(0, r.exitCode(), r.toString());
        String text = r.stdoutText().replaceAll("(?m)^\"RaftTerm\" : \\d+\n", "");
        assertTrue(text.contains("\"Revision\" : "), text);
        return text;
    }

    /** etcdutl's status without the size: {@code {"hash":…,"revision":…,"totalKey":…}}. */
    private static String status(Path db) {
        ProcessResult r = ETCDUTL.run("snapshot", "status", db.toString(), "-w", "json");
        assertEquals(0, r.exitCode(), r.toString());
        return r.stdoutText().replaceAll(",\"totalSize\":\\d+", "");
    }

    private static List<String> withoutBboltLines(List<String> log) {
        return log.stream().filter(line -> !BBOLT_LINE.matcher(line).matches()).toList();
    }

    private static List<String> lines(ProcessResult r) {
        return Arrays.stream(r.stderrText().split("\n")).filter(l -> !l.isEmpty()).toList();
    }

    /** Caller, message and field names of each log line, with the data directory replaced. */
    private static List<String> shapeOf(List<String> log, Path dataDir) {
        List<String> shape = new ArrayList<>();
        for (String line : log) {
            Matcher m = LOG_LINE.matcher(line);
            assertTrue(m.matches(), line);
            Map<String, String> fields = fields(line, dataDir);
            shape.add(m.group(1) + " " + m.group(2) + " " + fields.keySet() + " " + fields.get("path"));
        }
        return shape;
    }

    private static Map<String, String> fields(String line, Path dataDir) {
        Matcher m = LOG_LINE.matcher(line);
        assertTrue(m.matches(), line);
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher field = FIELD.matcher(m.group(3).replace(dataDir.toString(), "DIR"));
        while (field.find()) {
            fields.put(field.group(1), field.group(2));
        }
        return fields;
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
