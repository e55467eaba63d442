package io.github.jetcdctl.cli.auth;

import static io.github.jetcdctl.cli.auth.PasswordPromptSide.assertSameIgnoringStty;
import static io.github.jetcdctl.testing.SideBySide.assertSameResult;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.jetcdctl.testing.EtcdClusterExtension;
import io.github.jetcdctl.testing.Etcdctl;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.ProcessResult;

/**
 * With authentication on (its own cluster: enabling auth changes it for good), every way of passing
 * credentials side by side with etcdctl 3.5: flags, ETCDCTL_USER/ETCDCTL_PASSWORD, the password prompt,
 * and the failures (no user, permission denied, wrong password).
 */
class AuthEnabledGoldenTest {
    @RegisterExtension
    static final EtcdClusterExtension ETCD = EtcdClusterExtension.single();

    static final List<String> FORMATS = List.of("simple", "json", "fields", "protobuf", "table");

    static Etcdctl etcdctl;
    static Jetcdctl jetcdctl;

    @BeforeAll
    static void enableAuthentication() {
        etcdctl = ETCD.etcdctl();
        jetcdctl = Jetcdctl.forCluster(ETCD.cluster());
        run("put", "/app/x", "1");
        run("put", "secret", "s");
        run("user", "add", "root:rootpw");
        run("role", "add", "app");
        run("role", "grant-permission", "app", "readwrite", "/app/", "--prefix");
        run("user", "add", "alice:alicepw");
        run("user", "grant-role", "alice", "app");
        run("auth", "enable");
    }

    @Test
    void credentialFlagsAndFailuresMatchEtcdctl() {
        List<List<String>> cases = List.of(
                List.of("get", "/app/x"),
                List.of("--user=alice:alicepw", "get", "/app/x"),
                List.of("--user=alice:alicepw", "get", "/app/", "--prefix", "-w", "json"),
                List.of("--user=alice:alicepw", "get", "secret"),
                List.of("--user=alice:alicepw", "put", "secret", "no"),
                List.of("--user=alice:alicepw", "user", "list"),
                List.of("--user=alice:wrong", "get", "/app/x"),
                List.of("--user=nobody:pw", "get", "/app/x"),
                List.of("--user=alice", "--password=alicepw", "get", "/app/x"),
                List.of("--user=alice", "--password=wrong", "get", "/app/x"),
                List.of("--user=alice:alicepw", "--password=alicepw", "get", "/app/x"),
                List.of("--user=alice:", "get", "/app/x"),
                List.of("--user=root:rootpw", "get", "secret"),
                List.of("--user=root:rootpw", "member", "list", "-w", "table"),
                List.of("--user=root:rootpw", "auth", "enable"),
                List.of("--user=root:rootpw", "role", "get", "root"),
                List.of("--user=root:rootpw", "user", "get", "root", "--detail"),
                List.of("--user=root:wrong", "auth", "disable"),
                List.of("--user=alice:alicepw", "auth", "disable"),
                List.of("auth", "status"),
                List.of("user", "list"),
                List.of("role", "add", "x"),
                List.of("--user=alice:alicepw", "role", "add", "x"));
        for (List<String> args : cases) {
            assertSameResult(etcdctl.run(args), jetcdctl.run(args, null), String.join(" ", args));
        }
    }

    @Test
    void authStatusMatchesEtcdctlInEveryFormat() {
        for (String format : FORMATS) {
            List<String> args = List.of("--user=root:rootpw", "auth", "status", "-w", format);
            assertSameResult(etcdctl.run(args), jetcdctl.run(args, null), String.join(" ", args));
        }
    }

    @Test
    void environmentCredentialsMatchEtcdctl() {
        List<Map<String, String>> environments = List.of(
                Map.of("ETCDCTL_USER", "alice:alicepw"),
                Map.of("ETCDCTL_USER", "alice", "ETCDCTL_PASSWORD", "alicepw"),
                Map.of("ETCDCTL_USER", "alice", "ETCDCTL_PASSWORD", "wrong"),
                Map.of("ETCDCTL_USER", "alice:wrong"),
                Map.of("ETCDCTL_PASSWORD", "alicepw"));
        for (Map<String, String> env : environments) {
            List<String> args = List.of("get", "/app/x");
            Jetcdctl ours = jetcdctl;
            for (Map.Entry<String, String> e : env.entrySet()) {
                ours = ours.withEnv(e.getKey(), e.getValue());
            }
            assertSameResult(etcdctl.run(args, null, env), ours.run(args, null), "get with " + env);
        }
    }

    /** Without a terminal the password is the first line of stdin; an empty one means no login. */
    @Test
    void passwordPromptWithoutTerminalMatchesEtcdctl() {
        for (String stdin : List.of("alicepw\n", "  alicepw \n", "wrong\n", "\n", "")) {
            for (List<String> args : List.of(
                    List.of("--user=alice", "get", "/app/x"),
                    List.of("--user=alice", "get", "/app/x", "-w", "yaml"))) {
                ProcessResult expected = etcdctl.run(args, bytes(stdin), Map.of());
                assertSameIgnoringStty(expected, jetcdctl.run(args, bytes(stdin)),
                        String.join(" ", args) + " with stdin " + stdin);
            }
        }
        List<String> args = List.of("get", "/app/x");
        Map<String, String> env = Map.of("ETCDCTL_USER", "alice");
        assertSameIgnoringStty(etcdctl.run(args, bytes("alicepw\n"), env),
                jetcdctl.withEnv("ETCDCTL_USER", "alice").run(args, bytes("alicepw\n")), "ETCDCTL_USER prompt");
    }

    private static void run(String... args) {
        ProcessResult result = etcdctl.run(args);
        if (!result.succeeded()) {
            throw new IllegalStateException("setup failed: " + String.join(" ", args) + "\n" + result);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
