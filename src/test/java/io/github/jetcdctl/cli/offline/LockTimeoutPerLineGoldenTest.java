package io.github.jetcdctl.cli.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.jetcdctl.snapshot.LockHolders;
import io.github.jetcdctl.snapshot.TestFiles;
import io.github.jetcdctl.testing.EtcdBinaries;
import io.github.jetcdctl.testing.Etcdutl;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.ProcessResult;

/**
 * etcdutl 3.7's {@code --timeout}: how long hashkv, migrate and defrag wait for a db that another process holds. Both
 * tools wait for a lock that is let go, and give the same answer after it; before 3.7 the flag is etcdutl's unknown
 * flag. A lock still held at the end of the wait is refused with jetcdctl's own error where etcdutl panics.
 */
class LockTimeoutPerLineGoldenTest {
    @Test
    void bothToolsWaitForALockThatIsLetGo(@TempDir Path dir) throws Exception {
        Etcdutl etcdutl = Etcdutl.of(EtcdBinaries.forTest(EtcdBinaries.V3_7));
        Jetcdctl jetcdctl = Jetcdctl.create().forLine("3.7");
        Path theirs = TestFiles.write(dir, "theirs.db", TestFiles.bytes("B.db"));
        Path ours = TestFiles.write(dir, "ours.db", TestFiles.bytes("B.db"));
        ProcessResult expected = whileHeld(theirs, () -> etcdutl.run("hashkv", theirs.toString(), "--timeout=60s"));
        ProcessResult actual = whileHeld(ours, () -> jetcdctl.run("hashkv", ours.toString(), "--timeout=60s"));
        assertEquals(0, expected.exitCode(), expected.toString());
        assertEquals(expected.exitCode(), actual.exitCode(), actual.toString());
        assertEquals(expected.stdoutText(), actual.stdoutText());
        assertEquals("", actual.stderrText());
    }

    /** etcdutl 3.7 has the flag on every command; those that open no member's db take it and do as without. */
    @Test
    void snapshotStatusTakesItOn37(@TempDir Path dir) throws IOException {
        Path db = TestFiles.write(dir, "status.db", TestFiles.bytes("C.db"));
        for (String format : List.of("simple", "json")) {
            List<String> args = List.of("snapshot", "status", db.toString(), "--timeout=3s", "-w", format);
            ProcessResult expected = Etcdutl.of(EtcdBinaries.forTest(EtcdBinaries.V3_7)).run(args);
            ProcessResult actual = Jetcdctl.create().forLine("3.7").run(args, null);
            assertEquals(0, expected.exitCode(), expected.toString());
            assertEquals(expected.exitCode(), actual.exitCode(), actual.toString());
            assertEquals(expected.stdoutText(), actual.stdoutText());
        }
    }

    @Test
    void aLockStillHeldAfterTheTimeoutIsRefused(@TempDir Path dir) throws Exception {
        Path db = TestFiles.write(dir, "held.db", TestFiles.bytes("A.db"));
        Process holder = hold(db);
        try {
            ProcessResult refused = Jetcdctl.create().forLine("3.7").run("hashkv", db.toString(), "--timeout=200ms");
            assertEquals(1, refused.exitCode(), refused.toString());
            assertTrue(refused.stderrText().matches("Error: process \\d+ \\(flock\\) holds a lock on .*held\\.db: stop "
                    + "it first, or use endpoint hashkv on the running member\n"), refused.toString());
        } finally {
            holder.destroy();
            holder.waitFor();
        }
    }

    @Test
    void linesBefore37DoNotHaveTheFlag(@TempDir Path dir) throws IOException {
        Path db = TestFiles.write(dir, "a.db", TestFiles.bytes("A.db"));
        Path dataDir = Files.createDirectories(dir.resolve("member-dir/member/snap")).getParent().getParent();
        Files.copy(db, dataDir.resolve("member/snap/db"));
        List<List<String>> onEveryLine = List.of(List.of("snapshot", "status", db.toString(), "--timeout=1s"),
                List.of("defrag", "--data-dir", dataDir.toString(), "--timeout=1s"));
        List<List<String>> from36 = List.of(List.of("hashkv", db.toString(), "--timeout", "1s"),
                List.of("migrate", "--data-dir", dataDir.toString(), "--target-version=3.6", "--timeout=1s"));
        for (String release : List.of(EtcdBinaries.V3_5, EtcdBinaries.V3_6)) {
            Etcdutl etcdutl = Etcdutl.of(EtcdBinaries.forTest(release));
            Jetcdctl jetcdctl = Jetcdctl.create().forLine(EtcdBinaries.lineOf(release));
            for (List<String> args : release.equals(EtcdBinaries.V3_5) ? onEveryLine
                    : java.util.stream.Stream.concat(onEveryLine.stream(), from36.stream()).toList()) {
                ProcessResult expected = etcdutl.run(args);
                ProcessResult actual = jetcdctl.run(args, null);
                assertEquals(1, expected.exitCode(), expected.toString());
                assertEquals("Error: unknown flag: --timeout", expected.stderrText().lines().findFirst().orElse(""));
                assertEquals(expected.exitCode(), actual.exitCode(), release + " " + args + "\n" + actual);
                assertEquals(expected.stderrText().lines().findFirst(), actual.stderrText().lines().findFirst());
            }
        }
        // etcdctl's defrag (without --data-dir) has no --timeout on any line
        ProcessResult online = Jetcdctl.create().forLine("3.7").run("defrag", "--timeout=1s");
        assertEquals(1, online.exitCode(), online.toString());
        assertEquals("Error: unknown flag: --timeout", online.stderrText().lines().findFirst().orElse(""));
    }

    /**
     * Runs {@code tool} while another process holds {@code db}'s flock, and lets go of the lock only once the tool
     * has had a second to finish: it must still be waiting then.
     */
    private static ProcessResult whileHeld(Path db, Supplier<ProcessResult> tool) throws Exception {
        Process holder = hold(db);
        try {
            CompletableFuture<ProcessResult> run = CompletableFuture.supplyAsync(tool);
            Thread.sleep(1000);
            assertFalse(run.isDone(), () -> "finished while the lock was held: " + run.join());
            holder.getOutputStream().close(); // cat ends, flock lets go
            return run.join();
        } finally {
            holder.destroy();
            holder.waitFor();
        }
    }

    /** {@code flock DB cat}: holds an exclusive flock, as bbolt does, until its standard input closes. */
    private static Process hold(Path db) throws IOException, InterruptedException {
        Process holder = new ProcessBuilder("flock", "--exclusive", db.toString(), "cat")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
        while (LockHolders.find(db).isEmpty()) {
            if (!holder.isAlive()) {
                throw new IllegalStateException("flock ended: " + holder.exitValue());
            }
            Thread.sleep(20);
        }
        return holder;
    }
}
