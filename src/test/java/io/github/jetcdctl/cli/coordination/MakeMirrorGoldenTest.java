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

/** make-mirror side by side with the real etcdctl 3.5, from one single-member cluster to another. */
class MakeMirrorGoldenTest {
    @RegisterExtension
    static final EtcdClusterExtension SOURCE = EtcdClusterExtension.single();
    @RegisterExtension
    static final EtcdClusterExtension DESTINATION = EtcdClusterExtension.single();

    static Etcdctl etcdctl;
    static Jetcdctl jetcdctl;
    static Etcdctl destination;
    static String destinationEndpoint;

    @BeforeAll
    static void clients() {
        etcdctl = SOURCE.etcdctl();
        jetcdctl = Jetcdctl.forCluster(SOURCE.cluster());
        destination = DESTINATION.etcdctl();
        destinationEndpoint = DESTINATION.cluster().clientEndpoints().get(0);
    }

    @Test
    void argumentErrorsMatchEtcdctl() {
        List<List<String>> bad = List.of(
                List.of("make-mirror"),
                List.of("make-mirror", "a", "b"),
                List.of("make-mirror", "--dest-prefix=x/", "--no-dest-prefix", destinationEndpoint));
        for (List<String> args : bad) {
            assertSameResult(etcdctl.run(args), jetcdctl.run(args, null), String.join(" ", args));
        }
    }

    @Test
    void copiesThenFollowsAndPrintsTheTotalEvery30Seconds() {
        for (int i = 1; i <= 3; i++) {
            etcdctl.run("put", "src/" + i, "value " + i);
        }
        CompletableFuture<ProcessResult> theirs = CompletableFuture.supplyAsync(() -> etcdctl.runFor(
                Duration.ofSeconds(33), "make-mirror", "--prefix=src/", "--dest-prefix=a/", destinationEndpoint));
        CompletableFuture<ProcessResult> ours = CompletableFuture.supplyAsync(() -> jetcdctl.runFor(
                Duration.ofSeconds(33), "make-mirror", "--prefix=src/", "--dest-prefix=b/", destinationEndpoint));
        sleep(3000);
        etcdctl.run("put", "src/4", "four");
        etcdctl.run("del", "src/1");
        etcdctl.runWithStdin("\nput src/5 five\nput src/6 six\n\n\n".getBytes(StandardCharsets.UTF_8), "txn");
        etcdctl.run("put", "elsewhere", "not mirrored");
        ProcessResult expected = theirs.join();
        ProcessResult actual = ours.join();
        assertEquals("7\n", expected.stdoutText(), "etcdctl's total: 3 copied, 4 events: " + expected);
        assertArrayEquals(expected.stdout(), actual.stdout(), "total printed at 30 s: " + actual);
        String mirroredByEtcdctl = destination.run("get", "a/", "--prefix").stdoutText();
        String mirroredByUs = destination.run("get", "b/", "--prefix").stdoutText();
        assertEquals(mirroredByEtcdctl.replace("a/", "b/"), mirroredByUs);
        assertEquals("b/2\nvalue 2\nb/3\nvalue 3\nb/4\nfour\nb/5\nfive\nb/6\nsix\n", mirroredByUs);
    }

    @Test
    void noDestPrefixMirrorsToTheRoot() {
        etcdctl.run("put", "np/x", "1");
        etcdctl.run("put", "np/y", "2");
        etcdctl.runFor(Duration.ofSeconds(2), "make-mirror", "--prefix=np/", "--no-dest-prefix", destinationEndpoint);
        String expected = destination.run("get", "", "--from-key").stdoutText();
        destination.run("del", "", "--from-key");
        ProcessResult ours = jetcdctl.runFor(Duration.ofSeconds(2), "make-mirror", "--prefix=np/", "--no-dest-prefix",
                destinationEndpoint);
        assertEquals("", ours.stdoutText());
        assertEquals(expected, destination.run("get", "", "--from-key").stdoutText());
        assertEquals("x\n1\ny\n2\n", expected);
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
