package io.github.jetcdctl.cli;

import static io.github.jetcdctl.testing.SideBySide.assertSameResult;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.jetcdctl.testing.EtcdBinaries;
import io.github.jetcdctl.testing.Etcdctl;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.LineClusters;
import io.github.jetcdctl.testing.ProcessResult;
import io.github.jetcdctl.testing.SideBySide;

/**
 * The day-2 commands whose words changed between etcdctl lines, each line against the real etcdctl of that line
 * and a server of the same line: key-value formats (the fields header and lease IDs), a range delete without
 * {@code --range}, defrag, snapshot save, and member add/list of a learner.
 */
class DayTwoPerLineGoldenTest {
    static List<String> releases() {
        return EtcdBinaries.LINE_RELEASES;
    }

    @ParameterizedTest
    @MethodSource("releases")
    void keyValueCommandsInEveryFormat(String release) {
        Etcdctl etcdctl = LineClusters.etcdctl(release, release);
        Jetcdctl jetcdctl = LineClusters.jetcdctl(release, release);
        ProcessResult lease = etcdctl.run("lease", "grant", "600");
        String leaseId = lease.stdoutText().split(" ")[1];
        etcdctl.run("put", "daytwo/a", "1", "--lease=" + leaseId);
        etcdctl.run("put", "daytwo/b", "2");
        for (String format : List.of("simple", "json", "fields", "protobuf")) {
            for (String hex : List.of("--hex=false", "--hex")) {
                for (List<String> command : List.of(List.of("get", "daytwo/", "--prefix"),
                        List.of("member", "list"), List.of("lease", "list"), List.of("alarm", "list"))) {
                    List<String> args = new java.util.ArrayList<>(command);
                    args.addAll(List.of("-w", format, hex));
                    assertSameResult(etcdctl.run(args), jetcdctl.run(args, null), release + " " + args);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("releases")
    void aRangeDeleteWithoutTheRangeFlag(String release) {
        Etcdctl etcdctl = LineClusters.etcdctl(release, release);
        Jetcdctl jetcdctl = LineClusters.jetcdctl(release, release);
        for (String key : List.of("daytwo-del/a", "daytwo-del/b", "daytwo-del/c")) {
            etcdctl.run("put", key, "x");
        }
        ProcessResult expected = etcdctl.run("del", "daytwo-del/a", "daytwo-del/b");
        etcdctl.run("put", "daytwo-del/a", "x");
        ProcessResult actual = jetcdctl.run("del", "daytwo-del/a", "daytwo-del/b");
        assertSameResult(expected, actual, release + " del KEY END");
    }

    @ParameterizedTest
    @MethodSource("releases")
    void defragSaysHowLongEachMemberTookFrom36On(String release) {
        ProcessResult expected = LineClusters.etcdctl(release, release).run("defrag");
        ProcessResult actual = LineClusters.jetcdctl(release, release).run("defrag");
        assertEquals(expected.exitCode(), actual.exitCode());
        assertEquals(withoutDuration(expected.stdoutText()), withoutDuration(actual.stdoutText()));
        assertEquals(SideBySide.errorLines(expected), SideBySide.errorLines(actual));
    }

    @ParameterizedTest
    @MethodSource("releases")
    void snapshotSaveNamesTheServerVersionFrom36On(String release, @TempDir Path dir) throws Exception {
        ProcessResult expected = LineClusters.etcdctl(release, release)
                .run("snapshot", "save", dir.resolve("etcdctl.db").toString());
        ProcessResult actual = LineClusters.jetcdctl(release, release)
                .run("snapshot", "save", dir.resolve("etcdctl.db").toString() + ".j");
        assertEquals(expected.exitCode(), actual.exitCode(), actual.toString());
        assertEquals(expected.stdoutText().replace("etcdctl.db", "etcdctl.db.j"), actual.stdoutText());
        assertEquals(List.of(), SideBySide.errorLines(actual).stream().filter(l -> !l.isEmpty()).toList());
        assertEquals(true, Files.size(dir.resolve("etcdctl.db.j")) > 0);
        ProcessResult noArgument = LineClusters.jetcdctl(release, release).run("snapshot", "save");
        assertSameResult(LineClusters.etcdctl(release, release).run("snapshot", "save"), noArgument,
                release + " snapshot save without a file");
    }

    /** A cluster takes one learner at a time: each tool adds one in turn, and both list the same state. */
    @Test
    void aLearnerIsAddedAsLearnerFrom36On() {
        for (String release : EtcdBinaries.LINE_RELEASES) {
            Etcdctl etcdctl = LineClusters.etcdctl(release, release);
            Jetcdctl jetcdctl = LineClusters.jetcdctl(release, release);
            ProcessResult expected = etcdctl.run("member", "add", "learner-e", "--learner",
                    "--peer-urls=http://127.0.0.1:1");
            assertEquals(0, expected.exitCode(), expected.toString());
            try {
                for (List<String> args : List.of(List.of("member", "list", "-w", "json", "--hex"),
                        List.of("member", "list", "-w", "table"))) {
                    assertSameResult(etcdctl.run(args), jetcdctl.run(args, null), release + " " + args);
                }
            } finally {
                etcdctl.run("member", "remove", expected.stdoutText().split(" +")[1]);
            }
            ProcessResult actual = jetcdctl.run("member", "add", "learner-j", "--learner",
                    "--peer-urls=http://127.0.0.1:2");
            assertEquals(0, actual.exitCode(), actual.toString());
            etcdctl.run("member", "remove", actual.stdoutText().split(" +")[1]);
            assertEquals(firstWordsOf(expected), firstWordsOf(actual), release);
        }
    }

    @Test
    void memberListConsistencyFrom36On() {
        for (String release : List.of(EtcdBinaries.V3_6, EtcdBinaries.V3_7)) {
            for (List<String> args : List.of(List.of("member", "list", "--consistency", "s", "-w", "json"),
                    List.of("member", "list", "--consistency=l", "-w", "table"))) {
                assertSameResult(LineClusters.etcdctl(release, release).run(args),
                        LineClusters.jetcdctl(release, release).run(args, null), release + " " + args);
            }
            ProcessResult bad = LineClusters.jetcdctl(release, release).run("member", "list", "--consistency", "x");
            assertEquals(4, bad.exitCode(), bad.toString());
            // etcdctl names get's default ("l") here; jetcdctl names the value given
            assertEquals("Error: unknown consistency flag \"x\"\n", bad.stderrText());
        }
        ProcessResult old = LineClusters.jetcdctl(EtcdBinaries.V3_5, EtcdBinaries.V3_5)
                .run("member", "list", "--consistency", "s");
        assertEquals(1, old.exitCode(), old.toString());
        assertEquals("Error: unknown flag: --consistency", old.stderrText().lines().findFirst().orElse(""));
    }

    /**
     * {@code get --stream} (etcdctl 3.7) over RangeStream in chunks, equal to etcdctl 3.7's; against a 3.6 server,
     * which has no RangeStream, jetcdctl reads the range the usual way (etcdctl fails) with the same bytes.
     */
    @Test
    void getStreamFrom37On() {
        Etcdctl etcdctl37 = LineClusters.etcdctl(EtcdBinaries.V3_7, EtcdBinaries.V3_7);
        String value = "v".repeat(4096);
        for (int i = 0; i < 300; i++) {
            etcdctl37.run("put", String.format("daytwo-stream/%03d", i), value);
        }
        for (String format : List.of("simple", "json", "fields", "protobuf")) {
            for (List<String> args : List.of(List.of("get", "daytwo-stream/", "--prefix", "--stream", "-w", format),
                    List.of("get", "daytwo-stream/", "--prefix", "--stream", "--limit=7", "-w", format),
                    List.of("get", "daytwo-stream/1", "--stream", "-w", format))) {
                assertSameResult(etcdctl37.run(args),
                        LineClusters.jetcdctl(EtcdBinaries.V3_7, EtcdBinaries.V3_7).run(args, null), "3.7 " + args);
            }
        }
        Etcdctl etcdctl36 = LineClusters.etcdctl(EtcdBinaries.V3_7, EtcdBinaries.V3_6);
        etcdctl36.run("put", "daytwo-stream/a", "1");
        etcdctl36.run("put", "daytwo-stream/b", "2");
        ProcessResult withoutStream = etcdctl36.run("get", "daytwo-stream/", "--prefix", "-w", "json");
        ProcessResult fallback = LineClusters.jetcdctl(EtcdBinaries.V3_7, EtcdBinaries.V3_6)
                .run("get", "daytwo-stream/", "--prefix", "--stream", "-w", "json");
        assertSameResult(withoutStream, fallback, "--stream against etcd 3.6");
        ProcessResult on36 = LineClusters.jetcdctl(EtcdBinaries.V3_6, EtcdBinaries.V3_6)
                .run("get", "daytwo-stream/", "--prefix", "--stream");
        assertEquals(1, on36.exitCode(), on36.toString());
        assertEquals("Error: unknown flag: --stream", on36.stderrText().lines().findFirst().orElse(""));
    }

    /** "Member ID added as learner to cluster ID", without the random member ID. */
    private static String firstWordsOf(ProcessResult added) {
        String first = added.stdoutText().lines().findFirst().orElse("");
        return first.replaceFirst("^Member +[0-9a-f]+ ", "Member ID ");
    }

    private static String withoutDuration(String text) {
        return text.replaceAll("took [0-9.]+(ns|µs|ms|s|m)+", "took D");
    }
}
