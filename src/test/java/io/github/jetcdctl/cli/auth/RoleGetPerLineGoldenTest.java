package io.github.jetcdctl.cli.auth;

import static io.github.jetcdctl.testing.SideBySide.assertSameResult;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.jetcdctl.testing.EtcdBinaries;
import io.github.jetcdctl.testing.Etcdctl;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.LineClusters;
import io.github.jetcdctl.testing.ProcessResult;

/**
 * {@code role get} on each line against that line's etcdctl and server: the range of all keys ({@code ""} with
 * {@code --prefix} or {@code --from-key}, also what the server sends for root) is {@code [, <open ended>} plus
 * {@code (prefix )} in 3.5 only; other prefixes are named on every line.
 */
class RoleGetPerLineGoldenTest {
    @ParameterizedTest
    @MethodSource(EtcdBinaries.EACH_LINE)
    void permissionRangesAreNamedAsTheLinesEtcdctlNamesThem(String release) {
        Etcdctl etcdctl = LineClusters.etcdctl(release, release);
        Jetcdctl jetcdctl = LineClusters.jetcdctl(release, release);
        String role = "roleget-per-line";
        etcdctl.run("role", "delete", role);
        assertEquals(0, etcdctl.run("role", "add", role).exitCode());
        for (List<String> grant : List.of(
                List.of("readwrite", "", "--prefix"),
                List.of("read", "", "--from-key"),
                List.of("write", "p/", "--prefix"),
                List.of("read", "a", "b"),
                List.of("read", "from", "--from-key"),
                List.of("write", "single"))) {
            List<String> args = new ArrayList<>(List.of("role", "grant-permission", role));
            args.addAll(grant);
            ProcessResult granted = etcdctl.run(args);
            assertEquals(0, granted.exitCode(), granted.toString());
            for (String format : List.of("simple", "json")) {
                List<String> get = List.of("role", "get", role, "-w", format);
                assertSameResult(etcdctl.run(get), jetcdctl.run(get, null), release + " " + get + " after " + grant);
            }
        }
    }
}
