package io.github.jetcdctl.cli.coordination;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.jetcdctl.testing.EtcdBinaries;
import io.github.jetcdctl.testing.EtcdClusterExtension;
import io.github.jetcdctl.testing.Etcdctl;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.LineClusters;
import io.github.jetcdctl.testing.ProcessResult;

/**
 * {@code make-mirror --rev --max-txn-ops} (etcdctl 3.6) side by side with the real etcdctl 3.6: each mirrors the same
 * source history into a destination cluster of its own, so that the destinations' revisions show how the changes
 * were grouped into transactions.
 */
class MakeMirrorFromRevisionGoldenTest {
    @RegisterExtension
    static final EtcdClusterExtension SOURCE = EtcdClusterExtension.ofRelease(EtcdBinaries.V3_6);
    @RegisterExtension
    static final EtcdClusterExtension THEIRS = EtcdClusterExtension.ofRelease(EtcdBinaries.V3_6);
    @RegisterExtension
    static final EtcdClusterExtension OURS = EtcdClusterExtension.ofRelease(EtcdBinaries.V3_6);

    @Test
    void followsTheChangesFromTheRevisionInTransactionsOfAtMostMaxTxnOps() {
        Etcdctl source = Etcdctl.of(SOURCE.cluster().binaries()).withGlobalArgs(SOURCE.connectionFlags());
        Jetcdctl jetcdctl = Jetcdctl.create().forLine("3.6").withGlobalArgs(SOURCE.connectionFlags());
        source.run("put", "mm/before", "not mirrored: older than --rev");
        long from = revisionAfter(source.run("put", "mm/a", "1", "-w", "json")) + 1;
        source.run("put", "mm/b", "2");
        source.runWithStdin(("\nput mm/t1 1\nput mm/t2 2\nput mm/t3 3\nput mm/t4 4\nput mm/t5 5\n\n\n")
                .getBytes(StandardCharsets.UTF_8), "txn");
        source.run("put", "elsewhere", "not mirrored: outside the prefix");
        source.run("del", "mm/a");
        source.run("put", "mm/b", "two");
        List<String> flags = List.of("make-mirror", "--rev=" + from, "--max-txn-ops=2", "--prefix=mm/");
        CompletableFuture<ProcessResult> theirs = CompletableFuture.supplyAsync(() -> source.runFor(
                Duration.ofSeconds(32), with(flags, THEIRS.cluster().clientEndpoints().get(0))));
        CompletableFuture<ProcessResult> ours = CompletableFuture.supplyAsync(() -> jetcdctl.runFor(
                Duration.ofSeconds(32), with(flags, OURS.cluster().clientEndpoints().get(0))));
        ProcessResult expected = theirs.join();
        ProcessResult actual = ours.join();
        // mm/b, the txn's five puts, the delete and mm/b again
        assertEquals("8\n", expected.stdoutText(), "etcdctl's total: " + expected);
        assertArrayEquals(expected.stdout(), actual.stdout(), "total printed at 30 s: " + actual);
        List<String> everything = List.of("get", "", "--from-key", "-w", "json");
        String mirroredByEtcdctl = withoutHeader(THEIRS.etcdctl().run(everything).stdoutText());
        String mirroredByUs = withoutHeader(OURS.etcdctl().run(everything).stdoutText());
        assertEquals(mirroredByEtcdctl, mirroredByUs);
        // without --dest-prefix, etcdctl cuts the prefix off when it starts from --rev
        assertEquals("b\ntwo\nt1\n1\nt2\n2\nt3\n3\nt4\n4\nt5\n5\n",
                OURS.etcdctl().run("get", "", "--from-key").stdoutText());
        // the txn's five puts went in three transactions (2, 2, 1): the destination's revisions show it
        assertEquals(revisionAfter(THEIRS.etcdctl().run("get", "b", "-w", "json")),
                revisionAfter(OURS.etcdctl().run("get", "b", "-w", "json")));
    }

    @Test
    void etcdctl35HasNeitherFlag() {
        for (List<String> args : List.of(List.of("make-mirror", "--rev=3", "127.0.0.1:1"),
                List.of("make-mirror", "127.0.0.1:1", "--max-txn-ops", "1"))) {
            ProcessResult expected = LineClusters.etcdctl(EtcdBinaries.V3_5, EtcdBinaries.V3_5).run(args);
            ProcessResult actual = LineClusters.jetcdctl(EtcdBinaries.V3_5, EtcdBinaries.V3_5).run(args, null);
            assertEquals(expected.exitCode(), actual.exitCode(), actual.toString());
            assertEquals(expected.stderrText().lines().findFirst(), actual.stderrText().lines().findFirst());
        }
        List<String> bad = List.of("make-mirror", "--max-txn-ops=-1", "127.0.0.1:1");
        ProcessResult expected = LineClusters.etcdctl(EtcdBinaries.V3_6, EtcdBinaries.V3_6).run(bad);
        ProcessResult actual = LineClusters.jetcdctl(EtcdBinaries.V3_6, EtcdBinaries.V3_6).run(bad, null);
        assertEquals(expected.exitCode(), actual.exitCode(), actual.toString());
        assertEquals(expected.stderrText().lines().findFirst(), actual.stderrText().lines().findFirst());
    }

    private static String[] with(List<String> flags, String destination) {
        List<String> all = new java.util.ArrayList<>(flags);
        all.add(destination);
        return all.toArray(String[]::new);
    }

    private static long revisionAfter(ProcessResult written) {
        String text = written.stdoutText();
        int at = text.indexOf("\"revision\":");
        if (at < 0) {
            throw new AssertionError("no revision in " + written);
        }
        return Long.parseLong(text.substring(at + 11).split("[,}]")[0]);
    }

    /** The keys with their revisions and versions; the header names the cluster, which differs. */
    private static String withoutHeader(String json) {
        return json.replaceFirst("\"header\":\\{[^}]*\\},", "");
    }
}
