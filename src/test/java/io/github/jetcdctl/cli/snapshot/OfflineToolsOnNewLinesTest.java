package io.github.jetcdctl.cli.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.jetcdctl.testing.EtcdBinaries;
import io.github.jetcdctl.testing.EtcdCluster;
import io.github.jetcdctl.testing.Etcdctl;
import io.github.jetcdctl.testing.Etcdutl;
import io.github.jetcdctl.testing.Files2;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.ProcessResult;

/**
 * {@code backup}, {@code snapshot status} and {@code defrag --data-dir} on etcd 3.6 and 3.7 members: the backup of
 * a running server reads back as that line's etcdutl reads it, and a stopped member defragmented by jetcdctl boots
 * with the same {@code endpoint hashkv}, its db no larger than that line's etcdutl makes it.
 */
class OfflineToolsOnNewLinesTest {
    static final Jetcdctl JETCDCTL = Jetcdctl.create();
    static final Pattern HASH_AND_REVISION = Pattern.compile("\"hash\":(\\d+),\"revision\":(\\d+)");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "etcd {0}")
    @ValueSource(strings = {EtcdBinaries.V3_6, EtcdBinaries.V3_7})
    void backupThenDefragOfAStoppedMember(String release) throws IOException {
        EtcdBinaries binaries = EtcdBinaries.forTest(release);
        try (EtcdCluster cluster = EtcdCluster.builder().binaries(binaries).start()) {
            Etcdctl etcdctl = cluster.etcdctl();
            String value = "x".repeat(2048);
            for (int i = 0; i < 150; i++) {
                run(etcdctl, "put", "/frag/" + i, value);
            }
            run(etcdctl, "del", "/frag/1", "--prefix");
            String revision = run(etcdctl, "get", "/frag/0", "-w", "json").stdoutText()
                    .replaceAll("(?s).*\"revision\":(\\d+).*", "$1");
            run(etcdctl, "compaction", revision);

            Path backups = Files.createDirectories(dir.resolve("backups"));
            // the first connection of this JVM loads gRPC's classes: on a busy machine that outlasts 2 s
            ProcessResult backup = JETCDCTL.run(List.of("--endpoints=" + cluster.endpointsFlag(),
                    "--dial-timeout=20s", "--command-timeout=60s", "backup", backups.toString()), null);
            assertEquals(0, backup.exitCode(), backup.toString());
            Path file;
            try (Stream<Path> files = Files.list(backups)) {
                file = files.filter(p -> p.getFileName().toString().endsWith(".db")).findFirst().orElseThrow();
            }
            assertTrue(backup.stdoutText().contains("\"revision\":" + revision), backup.stdoutText());
            assertEquals(hashAndRevision(Etcdutl.of(binaries).run("snapshot", "status", file.toString(), "-w",
                    "json")), hashAndRevision(JETCDCTL.run("snapshot", "status", file.toString(), "-w", "json")));

            String hashBefore = hashKv(etcdctl);
            EtcdCluster.Member member = cluster.member(0);
            member.stop();
            Path theirs = dir.resolve("theirs");
            Files2.copyTree(member.dataDir(), theirs);
            ProcessResult ours = JETCDCTL.run("defrag", "--data-dir", member.dataDir().toString());
            assertEquals(0, ours.exitCode(), ours.toString());
            ProcessResult etcdutl = Etcdutl.of(binaries).run("defrag", "--data-dir", theirs.toString());
            assertEquals(0, etcdutl.exitCode(), etcdutl.toString());
            long ourSize = Files.size(member.dataDir().resolve("member/snap/db"));
            long theirSize = Files.size(theirs.resolve("member/snap/db"));
            assertTrue(ourSize <= theirSize, "jetcdctl's db " + ourSize + " bytes, etcdutl's " + theirSize);

            member.start();
            assertEquals(hashBefore, hashKv(etcdctl));
        }
    }

    /** Hash, revision and compact revision of the whole history, without the header's term. */
    private static String hashKv(Etcdctl etcdctl) {
        return run(etcdctl, "endpoint", "hashkv", "-w", "json").stdoutText().replaceAll("\"raft_term\":\\d+", "");
    }

    private static String hashAndRevision(ProcessResult status) {
        assertEquals(0, status.exitCode(), status.toString());
        Matcher m = HASH_AND_REVISION.matcher(status.stdoutText());
        assertTrue(m.find(), status.stdoutText());
        return m.group();
    }

    private static ProcessResult run(Etcdctl etcdctl, String... args) {
        ProcessResult r = etcdctl.run(args);
        assertEquals(0, r.exitCode(), String.join(" ", args) + "\n" + r);
        return r;
    }
}
