package io.github.jetcdctl.cli.coordination;

import static io.github.jetcdctl.testing.SideBySide.assertSameResult;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.jetcdctl.testing.EtcdClusterExtension;
import io.github.jetcdctl.testing.Etcdctl;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.ProcessResult;
import io.github.jetcdctl.testing.SideBySide;

/** lock and elect side by side with the real etcdctl 3.5; lease IDs and revisions differ run to run. */
class LockElectGoldenTest {
    @RegisterExtension
    static final EtcdClusterExtension ETCD = EtcdClusterExtension.single();

    static Etcdctl etcdctl;
    static Jetcdctl jetcdctl;

    @BeforeAll
    static void clients() {
        etcdctl = ETCD.etcdctl();
        jetcdctl = Jetcdctl.forCluster(ETCD.cluster());
    }

    @Test
    void argumentErrorsMatchEtcdctl() {
        List<List<String>> bad = List.of(
                List.of("lock"),
                List.of("elect"),
                List.of("elect", "e"),
                List.of("elect", "e", "p", "-l"),
                List.of("elect", "a", "b", "c"));
        for (List<String> args : bad) {
            assertSameResult(etcdctl.run(args), jetcdctl.run(args, null), String.join(" ", args));
        }
    }

    @Test
    void lockRunsTheCommandAndExitsWithItsStatus() {
        List<List<String>> commands = List.of(
                List.of("lock", "mylock", "--", "sh", "-c",
                        "echo ${ETCD_LOCK_KEY%/*}; echo \"$ETCD_LOCK_REV\" | grep -c '^[0-9][0-9]*$'"),
                List.of("lock", "mylock", "--", "sh", "-c", "echo out; echo err >&2; exit 7"),
                List.of("lock", "mylock", "--", "/nonexistent/cmd"),
                List.of("lock", "--ttl=5", "mylock", "true"),
                List.of("lock", "mylock", "--", "sh", "-c", "kill -TERM $$"),
                List.of("lock", "mylock", "--", "sh", "-c", "kill -KILL $$"));
        for (List<String> args : commands) {
            assertSameResult(etcdctl.run(args), jetcdctl.run(args, null), String.join(" ", args));
        }
        assertEquals("", etcdctl.run("get", "mylock", "--prefix").stdoutText(), "every lock was released");
    }

    @Test
    void lockAndCampaignPrintTheirKeyAndHoldUntilInterrupted() {
        for (String format : List.of("simple", "fields", "json")) {
            for (List<String> args : List.of(List.of("lock", "held", "-w", format),
                    List.of("elect", "office", "candidate-1", "-w", format))) {
                CompletableFuture<ProcessResult> theirs = CompletableFuture.supplyAsync(
                        () -> etcdctl.runFor(Duration.ofSeconds(2), args.toArray(String[]::new)));
                ProcessResult theirResult = theirs.join();
                ProcessResult ours = jetcdctl.runFor(Duration.ofSeconds(2), args.toArray(String[]::new));
                assertSameResult(normalized(theirResult), normalized(ours), String.join(" ", args));
                assertEquals("", etcdctl.run("get", args.get(1), "--prefix").stdoutText(), "released: " + args);
            }
        }
    }

    @Test
    void observerPrintsEachLeaderAsEtcdctlDoes() {
        for (String format : List.of("simple", "fields", "json", "protobuf")) {
            List<String> args = List.of("elect", "-l", "watched-" + format, "-w", format);
            CompletableFuture<ProcessResult> theirs = CompletableFuture.supplyAsync(
                    () -> etcdctl.runFor(Duration.ofSeconds(6), args.toArray(String[]::new)));
            CompletableFuture<ProcessResult> ours = CompletableFuture.supplyAsync(
                    () -> jetcdctl.runFor(Duration.ofSeconds(6), args.toArray(String[]::new)));
            sleep(1500);
            etcdctl.runFor(Duration.ofSeconds(2), "elect", "watched-" + format, "first");
            etcdctl.runFor(Duration.ofSeconds(1), "elect", "watched-" + format, "second");
            ProcessResult expected = theirs.join();
            ProcessResult actual = ours.join();
            assertArrayEquals(expected.stdout(), actual.stdout(), format + "\n" + expected + "\n" + actual);
            assertEquals(SideBySide.errorLines(expected), SideBySide.errorLines(actual));
            assertEquals(0, expected.exitCode());
            assertEquals(0, actual.exitCode());
        }
    }

    /** Lease IDs (in keys and fields), revisions and base64 keys differ between two runs. */
    private static ProcessResult normalized(ProcessResult r) {
        // A lock key ends in its lease ID as unpadded hex, so its length varies from run to run.
        String text = r.stdoutText()
                .replaceAll("/[0-9a-f]{8,16}(?![0-9a-f])", "/LEASE")
                .replaceAll("[0-9a-f]{16}", "LEASE")
                .replaceAll("\"key\":\"[^\"]*\"", "\"key\":\"K\"")
                .replaceAll("\\d+", "N");
        return r.withStdout(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
