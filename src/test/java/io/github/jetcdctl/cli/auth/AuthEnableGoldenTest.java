package io.github.jetcdctl.cli.auth;

import static io.github.jetcdctl.testing.SideBySide.assertSameResult;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.jetcdctl.testing.EtcdClusterExtension;
import io.github.jetcdctl.testing.Etcdctl;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.ProcessResult;

/**
 * auth enable and disable side by side with etcdctl 3.5, each test on a fresh cluster: enabling creates
 * role root when user root lacks it, and the output ignores --write-out.
 */
class AuthEnableGoldenTest {
    @RegisterExtension
    final EtcdClusterExtension etcd = EtcdClusterExtension.single();

    @Test
    void enableCreatesTheRootRoleAndDisableTurnsAuthOffLikeEtcdctl() {
        Etcdctl etcdctl = etcd.etcdctl();
        Jetcdctl jetcdctl = Jetcdctl.forCluster(etcd.cluster());
        assertSameResult(etcdctl.run("auth", "enable"), jetcdctl.run("auth", "enable"), "auth enable without root");
        run(etcdctl, "user", "add", "root:rootpw");
        for (String format : List.of("simple", "json", "fields", "protobuf", "table")) {
            ProcessResult expectedEnable = etcdctl.run("auth", "enable", "-w", format);
            ProcessResult expectedStatus = etcdctl.run("--user=root:rootpw", "auth", "status");
            ProcessResult expectedRoot = etcdctl.run("--user=root:rootpw", "user", "get", "root");
            ProcessResult expectedDisable = etcdctl.run("--user=root:rootpw", "auth", "disable", "-w", format);
            resetRoot(etcdctl);

            ProcessResult actualEnable = jetcdctl.run("auth", "enable", "-w", format);
            ProcessResult actualStatus = jetcdctl.run("--user=root:rootpw", "auth", "status");
            ProcessResult actualRoot = jetcdctl.run("--user=root:rootpw", "user", "get", "root");
            ProcessResult actualDisable = jetcdctl.run("--user=root:rootpw", "auth", "disable", "-w", format);
            resetRoot(etcdctl);

            assertSameResult(expectedEnable, actualEnable, "auth enable -w " + format);
            assertSameResult(expectedStatus, withAuthRevisionOf(expectedStatus, actualStatus), "auth status");
            assertSameResult(expectedRoot, actualRoot, "user get root after enable");
            assertSameResult(expectedDisable, actualDisable, "auth disable -w " + format);
        }
    }

    /** Back to a root user without the root role, so the next enable creates it again. */
    private static void resetRoot(Etcdctl etcdctl) {
        run(etcdctl, "user", "delete", "root");
        run(etcdctl, "role", "delete", "root");
        run(etcdctl, "user", "add", "root:rootpw");
    }

    /** Every auth change bumps the auth revision, so the second run reports a later one. */
    private static ProcessResult withAuthRevisionOf(ProcessResult expected, ProcessResult actual) {
        String revision = expected.stdoutText().replaceAll("(?s).*AuthRevision: (\\d+).*", "$1");
        return actual.withStdout(actual.stdoutText().replaceAll("AuthRevision: \\d+", "AuthRevision: " + revision)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void run(Etcdctl etcdctl, String... args) {
        ProcessResult result = etcdctl.run(args);
        if (!result.succeeded()) {
            throw new IllegalStateException("setup failed: " + String.join(" ", args) + "\n" + result);
        }
    }
}
