package io.github.jetcdctl.cli.watch;

import static io.github.jetcdctl.testing.SideBySide.assertSameResult;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.jetcdctl.testing.EtcdClusterExtension;
import io.github.jetcdctl.testing.Etcdctl;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.ProcessResult;
import io.github.jetcdctl.testing.ProcessRunner;
import io.github.jetcdctl.testing.ScriptedInput;
import io.github.jetcdctl.testing.SideBySide;

/**
 * watch side by side with the real etcdctl of the cluster's line: history replay (--rev) in every format and mode, live
 * events from puts made while both watch, exec mode, interactive mode, and the error paths.
 */
class WatchCommandGoldenTest {
    @RegisterExtension
    static final EtcdClusterExtension ETCD = EtcdClusterExtension.single();

    static final Duration WATCH_TIME = Duration.ofMillis(2500);
    static final Pattern REVISION = Pattern.compile("\"revision\":(\\d+)");

    static Etcdctl etcdctl;
    static Jetcdctl jetcdctl;
    /** The revision of the first event of the replayed history. */
    static long firstRevision;

    @BeforeAll
    static void loadHistory() {
        etcdctl = ETCD.etcdctl();
        jetcdctl = Jetcdctl.forCluster(ETCD.cluster());
        etcdctl.run("put", "old/x", "1");
        long compacted = revisionOf(etcdctl.run("put", "old/x", "2", "-w", "json"));
        etcdctl.run("compaction", Long.toString(compacted));
        firstRevision = revisionOf(etcdctl.run("put", "w/a", "1", "-w", "json"));
        etcdctl.run("put", "w/a", "2");
        etcdctl.run("put", "w/b", "x y");
        etcdctl.run("del", "w/a");
        etcdctl.runWithStdin("multi\nline\n".getBytes(StandardCharsets.UTF_8), "put", "w/c");
        etcdctl.runWithStdin(new byte[] {'k', 1, (byte) 0xff}, "put", "w/bin");
        etcdctl.run("put", "w/html", "<a href=\"x\">&amp;</a> \u00e9\u2713");
        etcdctl.run("put", "other", "not watched");
        etcdctl.run("put", "w/a", "again");
    }

    @Test
    void historyReplayMatchesEtcdctlInEveryFormat() {
        String rev = "--rev=" + firstRevision;
        List<List<String>> watches = List.of(
                List.of("watch", "--prefix", "w/", rev),
                List.of("watch", "w/a", rev, "--prev-kv"),
                List.of("watch", "w/a", "w/c", rev),
                List.of("watch", "", "--prefix", rev, "--prev-kv"),
                List.of("watch", "w/", "--prefix", rev, "--hex"));
        List<List<String>> all = new ArrayList<>();
        for (List<String> watch : watches) {
            for (String format : List.of("simple", "json", "fields", "protobuf")) {
                List<String> args = new ArrayList<>(watch);
                args.add("-w=" + format);
                all.add(args);
            }
        }
        assertSameWatchesInParallel(all);
    }

    @Test
    void liveEventsMatchEtcdctl() {
        List<String> formats = List.of("simple", "json", "fields", "protobuf");
        List<CompletableFuture<ProcessResult[]>> runs = new ArrayList<>();
        for (String format : formats) {
            runs.add(CompletableFuture.supplyAsync(() -> bothFor(Duration.ofSeconds(5),
                    List.of("watch", "--prefix", "live/", "--prev-kv", "-w", format))));
        }
        sleep(Duration.ofMillis(2500));
        etcdctl.run("put", "live/a", "1");
        etcdctl.run("put", "live/a", "2");
        etcdctl.runWithStdin("\nput live/x 1\nput live/y 2\n\n\n".getBytes(StandardCharsets.UTF_8), "txn");
        etcdctl.run("del", "live/", "--prefix");
        for (int i = 0; i < formats.size(); i++) {
            ProcessResult[] both = runs.get(i).join();
            assertSameWatch(both[0], both[1], "live watch -w " + formats.get(i));
            assertTrue(both[1].stdout().length > 0, "live events were printed");
        }
    }

    @Test
    void execModeRunsTheCommandOncePerEventWithQuotedVariables() {
        String rev = "--rev=" + firstRevision;
        assertSameWatchesInParallel(List.of(
                List.of("watch", "w/", "--prefix", rev, "--", "sh", "-c", "echo \"$ETCD_WATCH_KEY\""),
                List.of("watch", "--prefix", "w/", rev, "-w", "json", "--", "sh", "-c",
                        "echo \"REV=$ETCD_WATCH_REVISION TYPE=$ETCD_WATCH_EVENT_TYPE KEY=$ETCD_WATCH_KEY "
                                + "VALUE=$ETCD_WATCH_VALUE\"")));
        ProcessResult ours = jetcdctl.runFor(WATCH_TIME, "watch", "w/", "--prefix", "--rev=" + firstRevision, "--",
                "sh", "-c", "echo \"$ETCD_WATCH_KEY\"");
        List<String> keyLines = ours.stdoutText().lines().filter(line -> line.startsWith("\"")).toList();
        assertEquals(List.of("\"w/a\"", "\"w/a\"", "\"w/b\"", "\"w/a\"", "\"w/c\"", "\"w/bin\"", "\"w/html\"",
                "\"w/a\""), keyLines, "one run per event, in order");
    }

    @Test
    void failingExecCommandEndsTheWatchAsEtcdctlDoes() {
        List<String> args = List.of("watch", "w/a", "--rev=" + firstRevision, "--", "sh", "-c", "exit 3");
        assertSameResult(etcdctl.run(args), jetcdctl.run(args, null), String.join(" ", args));
        List<String> missing = List.of("watch", "w/a", "--rev=" + firstRevision, "--", "/nonexistent/cmd");
        assertSameResult(etcdctl.run(missing), jetcdctl.run(missing, null), String.join(" ", missing));
    }

    @Test
    void environmentKeyAndRangeEnd() {
        Etcdctl etcdctlWithKey = etcdctl.withEnv(WatchCommand.KEY_VARIABLE, "w/a");
        Jetcdctl jetcdctlWithKey = jetcdctl.withEnv(WatchCommand.KEY_VARIABLE, "w/a");
        String rev = "--rev=" + firstRevision;
        assertSameWatch(etcdctlWithKey.runFor(WATCH_TIME, "watch", rev, "--", "echo", "hi"),
                jetcdctlWithKey.runFor(WATCH_TIME, "watch", rev, "--", "echo", "hi"), "env key with exec");
        assertSameWatch(etcdctlWithKey.runFor(WATCH_TIME, "watch", rev),
                jetcdctlWithKey.runFor(WATCH_TIME, "watch", rev), "env key");
        Etcdctl etcdctlWithRange = etcdctlWithKey.withEnv(WatchCommand.RANGE_END_VARIABLE, "w/c");
        Jetcdctl jetcdctlWithRange = jetcdctlWithKey.withEnv(WatchCommand.RANGE_END_VARIABLE, "w/c");
        assertSameWatch(etcdctlWithRange.runFor(WATCH_TIME, "watch", rev, "-w", "json"),
                jetcdctlWithRange.runFor(WATCH_TIME, "watch", rev, "-w", "json"), "env key and range end");
        for (List<String> args : List.of(List.of("watch", "w/a"), List.of("watch", "w/a", "--", "echo", "1"))) {
            assertSameResult(etcdctlWithKey.run(args), jetcdctlWithKey.run(args, null), "env key and " + args);
        }
        assertSameResult(etcdctl.withEnv(WatchCommand.RANGE_END_VARIABLE, "z").run("watch", "a"),
                jetcdctl.withEnv(WatchCommand.RANGE_END_VARIABLE, "z").run("watch", "a"), "range end without key");
    }

    @Test
    void argumentErrorsMatchEtcdctl() {
        List<List<String>> bad = List.of(
                List.of("watch"),
                List.of("watch", "a", "b", "--prefix"),
                List.of("watch", "a", "--"),
                List.of("watch", "--prefix"),
                List.of("watch", "w/a", "--rev=" + firstRevision, "-w", "table"),
                List.of("watch", "w/a", "--rev=1", "-w", "json"),
                List.of("watch", "w/a", "--rev=1"));
        for (List<String> args : bad) {
            assertSameResult(etcdctl.run(args), jetcdctl.run(args, null), String.join(" ", args));
        }
    }

    @Test
    void interactiveModeMatchesEtcdctl() {
        String rev = "--rev " + firstRevision;
        ScriptedInput input = new ScriptedInput()
                .type("watch w/a " + rev + "\n")
                .pause(Duration.ofMillis(1000))
                .type("watch --prefix w/ " + rev + " --prev-kv\n")
                .pause(Duration.ofMillis(1000))
                .type("bogus x\n\nwatch\nwatch a b --prefix\n")
                .pause(Duration.ofMillis(500))
                .type("progress\n")
                .pause(Duration.ofMillis(1000));
        for (String format : List.of("simple", "json")) {
            assertSameInteractive(input, List.of("watch", "-i", "-w", format), "interactive -w " + format);
        }
        ScriptedInput exec = new ScriptedInput()
                .type("watch w/b " + rev + " -- sh -c \"echo \\\"$ETCD_WATCH_VALUE\\\"\"\n")
                .pause(Duration.ofMillis(1500));
        assertSameInteractive(exec, List.of("watch", "-i"), "interactive exec");
        ScriptedInput badFlag = new ScriptedInput().type("watch a --bogus\n").pause(Duration.ofMillis(500));
        assertSameInteractive(badFlag, List.of("watch", "-i"), "interactive bad flag");
        ScriptedInput noCommand = new ScriptedInput().type("watch a --\n").pause(Duration.ofMillis(500));
        assertSameInteractive(noCommand, List.of("watch", "-i"), "interactive separator without command");
    }

    private static void assertSameInteractive(ScriptedInput input, List<String> args, String what) {
        CompletableFuture<ProcessResult> theirs = CompletableFuture.supplyAsync(() -> {
            List<String> command = new ArrayList<>(List.of(etcdctl.binary().toString()));
            command.addAll(etcdctl.globalArgs());
            command.addAll(args);
            StringBuilder shell = new StringBuilder(input.shellProducer()).append(" |");
            for (String word : command) {
                shell.append(" '").append(word.replace("'", "'\\''")).append("'");
            }
            return ProcessRunner.run(List.of("sh", "-c", shell.toString()), null, etcdctl.environment(), null,
                    Duration.ofSeconds(30), false);
        });
        ProcessResult ours = jetcdctl.runFor(Duration.ofSeconds(30), input.stream(), args);
        assertSameResult(progressInAnyOrder(theirs.join()), progressInAnyOrder(ours), what);
    }

    /**
     * Each watcher prints its own responses (etcdctl: one goroutine per watcher), so after a {@code progress} request
     * the watchers' "progress notify" lines and responses interleave in either order, in etcdctl as in ours: from the
     * first progress line on, compare the lines as a sorted list.
     */
    private static ProcessResult progressInAnyOrder(ProcessResult result) {
        String out = result.stdoutText();
        int first = out.indexOf("progress notify: ");
        if (first < 0) {
            return result;
        }
        List<String> tail = new ArrayList<>(List.of(out.substring(first).split("\n", -1)));
        java.util.Collections.sort(tail);
        return result.withStdout((out.substring(0, first) + String.join("\n", tail))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void assertSameWatchesInParallel(List<List<String>> all) {
        List<CompletableFuture<ProcessResult[]>> runs = new ArrayList<>();
        for (List<String> args : all) {
            runs.add(CompletableFuture.supplyAsync(() -> bothFor(WATCH_TIME, args)));
        }
        for (int i = 0; i < all.size(); i++) {
            ProcessResult[] both = runs.get(i).join();
            assertSameWatch(both[0], both[1], String.join(" ", all.get(i)));
        }
    }

    private static ProcessResult[] bothFor(Duration duration, List<String> args) {
        CompletableFuture<ProcessResult> theirs = CompletableFuture.supplyAsync(
                () -> etcdctl.runFor(duration, args.toArray(String[]::new)));
        ProcessResult ours = jetcdctl.runFor(duration, args.toArray(String[]::new));
        return new ProcessResult[] {theirs.join(), ours};
    }

    /** Both ran until stopped: same bytes and error lines; etcdctl died by the signal, we were interrupted. */
    private static void assertSameWatch(ProcessResult expected, ProcessResult actual, String what) {
        String context = what + "\n== etcdctl ==\n" + expected + "\n== jetcdctl ==\n" + actual;
        assertArrayEquals(expected.stdout(), actual.stdout(), "stdout of " + context);
        assertEquals(SideBySide.errorLines(expected), SideBySide.errorLines(actual), "stderr of " + context);
        assertEquals(143, expected.exitCode(), "etcdctl was still watching: " + context);
        assertEquals(130, actual.exitCode(), "jetcdctl was still watching: " + context);
    }

    private static long revisionOf(ProcessResult json) {
        Matcher m = REVISION.matcher(json.stdoutText());
        assertTrue(m.find(), json.toString());
        return Long.parseLong(m.group(1));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
