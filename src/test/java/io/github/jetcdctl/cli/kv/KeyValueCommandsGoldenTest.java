package io.github.jetcdctl.cli.kv;

import static io.github.jetcdctl.testing.SideBySide.assertSameResult;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.jetcdctl.testing.EtcdClusterExtension;
import io.github.jetcdctl.testing.Etcdctl;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.ProcessResult;

/**
 * get, put and del side by side with the real etcdctl 3.5 on one single-member cluster: every output
 * format, with and without --hex, and the error paths.
 */
class KeyValueCommandsGoldenTest {
    @RegisterExtension
    static final EtcdClusterExtension ETCD = EtcdClusterExtension.single();

    static final List<String> FORMATS = List.of("simple", "json", "fields", "protobuf", "table");

    static Etcdctl etcdctl;
    static Jetcdctl jetcdctl;

    @BeforeAll
    static void loadData() {
        etcdctl = ETCD.etcdctl();
        jetcdctl = Jetcdctl.forCluster(ETCD.cluster());
        etcdctl.run("put", "kv/a", "1");
        etcdctl.run("put", "kv/b", "two words");
        etcdctl.runWithStdin("multi\nline\n".getBytes(StandardCharsets.UTF_8), "put", "kv/c");
        etcdctl.run("put", "kv/html", "<a href=\"x\">&amp;</a>");
        etcdctl.run("put", "kv/utf8", "\u00e9\u2713 \u00fcn\u00ef");
        etcdctl.runWithStdin(new byte[] {0, 1, 2, (byte) 0xff, '\n', 0x7f}, "put", "kv/binary");
        etcdctl.run("put", "kv/a", "1-updated");
        etcdctl.run("put", "other", "x");
    }

    @Test
    void readsMatchEtcdctlInEveryFormat() {
        List<List<String>> reads = List.of(
                List.of("get", "kv/a"),
                List.of("get", "missing"),
                List.of("get", "kv/", "--prefix"),
                List.of("get", "", "--prefix"),
                List.of("get", "kv/b", "--from-key"),
                List.of("get", "kv/a", "kv/c"),
                List.of("get", "kv/", "--prefix", "--keys-only"),
                List.of("get", "kv/", "--prefix", "--limit=2"),
                List.of("get", "kv/", "--prefix", "--sort-by=MODIFY", "--order=DESCEND"),
                List.of("get", "kv/", "--prefix", "--order=descend"),
                List.of("get", "kv/", "--prefix", "--sort-by=value"),
                List.of("get", "kv/a", "--rev=2"),
                List.of("get", "kv/", "--prefix", "--consistency=s"),
                List.of("get", "kv/", "--prefix", "--count-only"),
                List.of("get", "kv/", "--prefix", "--print-value-only"));
        for (List<String> read : reads) {
            for (String format : FORMATS) {
                for (boolean hex : new boolean[] {false, true}) {
                    List<String> args = new ArrayList<>(read);
                    args.add("-w");
                    args.add(format);
                    if (hex) {
                        args.add("--hex");
                    }
                    assertSameResult(etcdctl.run(args), jetcdctl.run(args, null), String.join(" ", args));
                }
            }
        }
    }

    @Test
    void argumentErrorsMatchEtcdctl() {
        List<List<String>> bad = List.of(
                List.of("get"),
                List.of("get", "a", "--prefix", "--from-key"),
                List.of("get", "a", "--keys-only", "--count-only"),
                List.of("get", "a", "--consistency=x"),
                List.of("get", "a", "b", "--prefix"),
                List.of("get", "a", "--order=up"),
                List.of("get", "a", "--sort-by=size"),
                List.of("get", "kv/a", "-w", "bogus"),
                List.of("get", "kv/a", "--rev=1000000"),
                List.of("put"),
                List.of("put", "k", "v", "--ignore-value"),
                List.of("put", "k", "v", "--lease=zz"),
                List.of("put", "k", "v", "--lease=8000000000000000"),
                List.of("put", "", "v"),
                List.of("put", "kv/missing", "--ignore-value"),
                List.of("del"),
                List.of("del", "a", "b", "c"),
                List.of("del", "a", "--prefix", "--from-key"),
                List.of("del", "a", "b", "--prefix"));
        for (List<String> args : bad) {
            assertSameResult(etcdctl.run(args), jetcdctl.run(args, null), String.join(" ", args));
        }
    }

    /**
     * A flag parse error: etcdctl's first stderr line and exit code, the flag named as it was typed (pflag says
     * {@code 'd' in -d} for a shorthand). etcdctl also prints the usage on stdout and the error twice; jetcdctl
     * prints the error once with a pointer to --help (see the README's differences).
     */
    @Test
    void flagErrorsNameTheFlagAsTyped() {
        List<List<String>> bad = List.of(
                List.of("get", "kv/a", "--bogus"),
                List.of("get", "kv/a", "-Z"),
                List.of("get", "kv/a", "-d"),
                List.of("get", "kv/a", "--discovery-srv"),
                List.of("get", "kv/a", "-w"),
                List.of("get", "kv/a", "--write-out"),
                List.of("get", "kv/a", "--limit"),
                List.of("get", "kv/a", "--limit=x"),
                List.of("--command-timeout=soon", "get", "kv/a"));
        for (List<String> args : bad) {
            ProcessResult expected = etcdctl.run(args);
            ProcessResult actual = jetcdctl.run(args, null);
            String what = String.join(" ", args) + "\n== etcdctl ==\n" + expected + "\n== jetcdctl ==\n" + actual;
            assertEquals(expected.exitCode(), actual.exitCode(), what);
            assertEquals(expected.stderrText().lines().findFirst(), actual.stderrText().lines().findFirst(), what);
            assertEquals("", actual.stdoutText(), what);
        }
    }

    /** pflag lets a flag be given twice: the last value wins, and list flags such as --endpoints add up. */
    @Test
    void aRepeatedFlagTakesItsLastValue() {
        List<List<String>> repeated = List.of(
                List.of("-w", "json", "-w", "simple", "get", "kv/a"),
                List.of("get", "kv/", "--prefix", "--limit=1", "--limit=3", "--keys-only"),
                List.of("get", "kv/", "--prefix", "--order=ASCEND", "--order", "DESCEND"),
                List.of("--hex", "--hex=false", "get", "kv/b"));
        for (List<String> args : repeated) {
            assertSameResult(etcdctl.run(args), jetcdctl.run(args, null), String.join(" ", args));
        }
    }

    @Test
    void putMatchesEtcdctlUpToTheRevision() {
        for (String format : FORMATS) {
            for (String flag : new String[] {"--prev-kv=false", "--prev-kv"}) {
                String key = "put/" + format;
                etcdctl.run("del", key);
                etcdctl.run("put", key, "old");
                ProcessResult expected = etcdctl.run("put", key, "new", flag, "-w", format);
                etcdctl.run("del", key);
                etcdctl.run("put", key, "old");
                ProcessResult actual = jetcdctl.run("put", key, "new", flag, "-w", format);
                assertSameModuloRevisions(expected, actual, "put -w " + format + " " + flag);
            }
        }
    }

    @Test
    void putReadsTheValueFromStdinByteForByte() {
        byte[] value = {'a', 0, (byte) 0xfe, '\n', '\n'};
        ProcessResult put = jetcdctl.runWithStdin(value, "put", "stdin/key");
        assertEquals("OK\n", put.stdoutText());
        ProcessResult expected = etcdctl.run("get", "stdin/key", "-w", "json");
        assertSameResult(expected, jetcdctl.run("get", "stdin/key", "-w", "json"), "value read from stdin");
    }

    @Test
    void delMatchesEtcdctlUpToTheRevision() {
        for (String format : FORMATS) {
            for (String flag : new String[] {"--prev-kv=false", "--prev-kv"}) {
                String prefix = "del/" + format + "/";
                etcdctl.run("put", prefix + "1", "v1");
                etcdctl.run("put", prefix + "2", "v2");
                ProcessResult expected = etcdctl.run("del", prefix, "--prefix", flag, "-w", format);
                etcdctl.run("put", prefix + "1", "v1");
                etcdctl.run("put", prefix + "2", "v2");
                ProcessResult actual = jetcdctl.run("del", prefix, "--prefix", flag, "-w", format);
                assertSameModuloRevisions(expected, actual, "del -w " + format + " " + flag);
            }
        }
    }

    @Test
    void delWithARangeEndPrintsEtcdctl35sNotice() {
        assertSameResult(etcdctl.run("del", "nothing/a", "nothing/b"), jetcdctl.run("del", "nothing/a", "nothing/b"),
                "del with range end");
        assertSameResult(etcdctl.run("del", "nothing/a", "nothing/b", "--range"),
                jetcdctl.run("del", "nothing/a", "nothing/b", "--range"), "del --range");
    }

    /** Mutations bump the revision, so the two runs differ there and only there (text formats). */
    private static void assertSameModuloRevisions(ProcessResult expected, ProcessResult actual, String what) {
        if (what.contains("protobuf")) {
            assertEquals(expected.exitCode(), actual.exitCode(), what);
            return;
        }
        assertSameResult(withoutRevisions(expected), withoutRevisions(actual), what);
    }

    private static final Pattern REVISIONS = Pattern.compile(
            "(\"(?:revision|create_revision|mod_revision|Revision|CreateRevision|ModRevision|PrevCreateRevision"
                    + "|PrevModRevision)\"\\s?:\\s?)\\d+");

    private static ProcessResult withoutRevisions(ProcessResult r) {
        Matcher m = REVISIONS.matcher(r.stdoutText());
        return r.withStdout(m.replaceAll("$1N").getBytes(StandardCharsets.UTF_8));
    }
}
