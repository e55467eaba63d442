package io.github.jetcdctl.cli.kv;

import static io.github.jetcdctl.testing.SideBySide.assertSameResult;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.jetcdctl.testing.Etcdctl;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.LineClusters;
import io.github.jetcdctl.testing.ProcessResult;

/**
 * get's {@code --min-mod-rev}, {@code --max-mod-rev}, {@code --min-create-rev} and {@code --max-create-rev}, which
 * etcdctl 3.6 added, against etcdctl 3.6 and 3.7, on their own and in a txn get line: a bound of 0 or less is none,
 * a minimum above its maximum is refused.
 */
class GetRevisionBoundsPerLineGoldenTest {
    private static final Pattern REVISION = Pattern.compile("\"revision\":(\\d+)");

    @ParameterizedTest
    @ValueSource(strings = {"3.6.17", "3.7.4"})
    void revisionBoundsSelectAsEtcdctlDoes(String release) {
        Etcdctl etcdctl = LineClusters.etcdctl(release, release);
        Jetcdctl jetcdctl = LineClusters.jetcdctl(release, release);
        long first = revisionOf(etcdctl.run("put", "bounds/a", "1", "-w", "json"));
        etcdctl.run("put", "bounds/b", "2");
        long last = revisionOf(etcdctl.run("put", "bounds/a", "3", "-w", "json"));
        List<List<String>> bounds = List.of(
                List.of("--min-mod-rev=" + last),
                List.of("--max-mod-rev=" + (last - 1)),
                List.of("--min-create-rev=" + (first + 1)),
                List.of("--max-create-rev=" + first),
                List.of("--min-mod-rev=-3", "--max-mod-rev=0"),
                List.of("--min-create-rev=" + last, "--max-create-rev=" + first),
                List.of("--min-mod-rev=" + last, "--max-mod-rev=" + first));
        for (List<String> bound : bounds) {
            List<String> get = new ArrayList<>(List.of("get", "bounds/", "--prefix"));
            get.addAll(bound);
            assertSameResult(etcdctl.run(get), jetcdctl.run(get, null), release + " " + get);
            byte[] txn = ("\n" + String.join(" ", get) + "\n\n\n").getBytes(StandardCharsets.UTF_8);
            assertSameResult(etcdctl.runWithStdin(txn, "txn"), jetcdctl.runWithStdin(txn, "txn"),
                    release + " txn " + get);
        }
    }

    private static long revisionOf(ProcessResult put) {
        Matcher m = REVISION.matcher(put.stdoutText());
        if (!m.find()) {
            throw new AssertionError(put.toString());
        }
        return Long.parseLong(m.group(1));
    }
}
