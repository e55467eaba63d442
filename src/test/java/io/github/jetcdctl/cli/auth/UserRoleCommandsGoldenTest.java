package io.github.jetcdctl.cli.auth;

import static io.github.jetcdctl.cli.auth.PasswordPromptSide.assertSameIgnoringStty;
import static io.github.jetcdctl.testing.SideBySide.assertSameResult;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
 * user, role and auth status side by side with the real etcdctl 3.5 while authentication is off: every
 * output format, the password sources, and the error paths. A mutation is run by etcdctl, undone, then
 * run by jetcdctl (auth changes leave the key-value revision alone, so even the headers match).
 */
class UserRoleCommandsGoldenTest {
    @RegisterExtension
    static final EtcdClusterExtension ETCD = EtcdClusterExtension.single();

    static final List<String> FORMATS = List.of("simple", "json", "fields", "protobuf", "table");

    static Etcdctl etcdctl;
    static Jetcdctl jetcdctl;

    @BeforeAll
    static void createUsersAndRoles() {
        etcdctl = ETCD.etcdctl();
        jetcdctl = Jetcdctl.forCluster(ETCD.cluster());
        run("role", "add", "app");
        run("role", "grant-permission", "app", "readwrite", "/app/", "--prefix");
        run("role", "grant-permission", "app", "read", "config");
        run("role", "grant-permission", "app", "write", "a", "c");
        run("role", "grant-permission", "app", "READ", "from", "--from-key");
        run("role", "grant-permission", "app", "Write", "", "--prefix");
        run("role", "grant-permission", "app", "read", "q\"uote\u00e9", "--prefix");
        run("role", "add", "empty");
        run("user", "add", "alice:alicepw");
        run("user", "grant-role", "alice", "app");
        run("user", "grant-role", "alice", "empty");
        run("user", "add", "bob", "--new-user-password=bobpw");
    }

    @Test
    void readsMatchEtcdctlInEveryFormat() {
        List<List<String>> reads = List.of(
                List.of("role", "get", "app"),
                List.of("role", "get", "empty"),
                List.of("role", "list"),
                List.of("user", "get", "alice"),
                List.of("user", "get", "bob"),
                List.of("user", "get", "alice", "--detail"),
                List.of("user", "get", "bob", "--detail"),
                List.of("user", "list"),
                List.of("auth", "status"));
        for (List<String> read : reads) {
            for (String format : FORMATS) {
                List<String> args = new ArrayList<>(read);
                args.add("-w");
                args.add(format);
                assertSameResult(etcdctl.run(args), jetcdctl.run(args, null), String.join(" ", args));
            }
        }
    }

    @Test
    void mutationsMatchEtcdctlInEveryFormat() {
        for (String format : FORMATS) {
            String user = "u-" + format;
            String role = "r-" + format;
            assertSameMutation(List.of("role", "add", role, "-w", format), List.of("role", "delete", role));
            for (List<String> grant : List.of(
                    List.of("readwrite", "k"),
                    List.of("read", "a", "b"),
                    List.of("write", "p/", "--prefix"),
                    List.of("read", "f", "--from-key"),
                    List.of("read", "", "--from-key"))) {
                List<String> args = new ArrayList<>(List.of("role", "grant-permission", role));
                args.addAll(grant);
                List<String> revoke = new ArrayList<>(List.of("role", "revoke-permission", role));
                revoke.addAll(grant.subList(1, grant.size()));
                args.addAll(List.of("-w", format));
                assertSameMutation(args, revoke);
                List<String> revokeWithFormat = new ArrayList<>(revoke);
                revokeWithFormat.addAll(List.of("-w", format));
                assertSameMutation(revokeWithFormat, args.subList(0, args.size() - 2));
            }
            assertSameMutation(List.of("role", "delete", role, "-w", format), List.of("role", "add", role));

            assertSameMutation(List.of("user", "add", user + ":pw", "-w", format), List.of("user", "delete", user));
            assertSameMutation(List.of("user", "grant-role", user, "app", "-w", format),
                    List.of("user", "revoke-role", user, "app"));
            assertSameMutation(List.of("user", "revoke-role", user, "app", "-w", format),
                    List.of("user", "grant-role", user, "app"));
            assertSameResult(etcdctl.run(List.of("user", "passwd", user, "--interactive=false", "-w", format),
                            bytes("newpw\n"), Map.of()),
                    jetcdctl.run(List.of("user", "passwd", user, "--interactive=false", "-w", format), bytes("newpw\n")),
                    "user passwd -w " + format);
            assertSameMutation(List.of("user", "delete", user, "-w", format), List.of("user", "add", user + ":pw"));
        }
    }

    @Test
    void revokeMessagesNameTheRangeAsEtcdctlDoes() {
        run("role", "add", "revokes");
        for (List<String> range : List.of(
                List.of("single"),
                List.of("a", "z"),
                List.of("from", "--from-key"),
                List.of("pre/", "--prefix"),
                List.of("", "--prefix"),
                List.of("", "--from-key"),
                List.of(""),
                List.of("\u00e9t\u00e9", "--prefix"))) {
            List<String> grant = new ArrayList<>(List.of("role", "grant-permission", "revokes", "readwrite"));
            grant.addAll(range);
            List<String> revoke = new ArrayList<>(List.of("role", "revoke-permission", "revokes"));
            revoke.addAll(range);
            run(grant.toArray(String[]::new));
            assertSameResult(etcdctl.run(List.of("role", "get", "revokes")), jetcdctl.run(List.of("role", "get",
                    "revokes"), null), "role get after " + String.join(" ", grant));
            ProcessResult expected = etcdctl.run(revoke);
            run(grant.toArray(String[]::new));
            assertSameResult(expected, jetcdctl.run(revoke, null), String.join(" ", revoke));
        }
    }

    @Test
    void passwordsFromStdinMatchEtcdctl() {
        List<String> inputs = List.of("pw\npw\n", "  pw  \npw\r\n", "pw\nother\n", "\n", "", "pw");
        int n = 0;
        for (String input : inputs) {
            String user = "prompted" + n++;
            List<String> args = List.of("user", "add", user);
            ProcessResult expected = etcdctl.run(args, bytes(input), Map.of());
            if (expected.succeeded()) {
                run("user", "delete", user);
            }
            assertSameIgnoringStty(expected, jetcdctl.run(args, bytes(input)), "user add with stdin " + input);
            if (expected.succeeded()) {
                run("user", "delete", user);
            }
        }
        for (String input : List.of("word\n", " a b\n", "\npw\n", "", "tab\tsep")) {
            String user = "piped" + n++;
            List<String> args = List.of("user", "add", user, "--interactive=false");
            ProcessResult expected = etcdctl.run(args, bytes(input), Map.of());
            run("user", "delete", user);
            assertSameResult(expected, jetcdctl.run(args, bytes(input)), "user add --interactive=false " + input);
            run("user", "delete", user);
        }
        ProcessResult expected = etcdctl.run(List.of("user", "passwd", "bob"), bytes("x\nx\n"), Map.of());
        assertSameIgnoringStty(expected, jetcdctl.run(List.of("user", "passwd", "bob"), bytes("x\nx\n")),
                "user passwd prompt");
        expected = etcdctl.run(List.of("user", "passwd", "bob"), bytes("x\ny\n"), Map.of());
        assertSameIgnoringStty(expected, jetcdctl.run(List.of("user", "passwd", "bob"), bytes("x\ny\n")),
                "user passwd mismatch");
    }

    @Test
    void userAddPasswordSourcesMatchEtcdctl() {
        for (List<String> add : List.of(
                List.of("user", "add", "nopw", "--no-password"),
                List.of("user", "add", "flagpw", "--new-user-password=secret"),
                List.of("user", "add", "colon:in:password"),
                List.of("user", "add", "emptypw:"),
                List.of("user", "add", "name:with", "--new-user-password=flagwins"))) {
            String user = add.get(2).startsWith("name:") ? "name:with" : add.get(2).split(":")[0];
            ProcessResult expected = etcdctl.run(add);
            run("user", "delete", user);
            assertSameResult(expected, jetcdctl.run(add, null), String.join(" ", add));
            assertSameResult(etcdctl.run("user", "get", user, "-w", "json"),
                    jetcdctl.run("user", "get", user, "-w", "json"), "user get after " + String.join(" ", add));
            run("user", "delete", user);
        }
    }

    @Test
    void errorsMatchEtcdctl() {
        List<List<String>> bad = List.of(
                List.of("user", "add", "alice:x"),
                List.of("user", "add", ":x"),
                List.of("user", "add"),
                List.of("user", "add", "a", "b"),
                List.of("user", "delete"),
                List.of("user", "delete", "nobody"),
                List.of("user", "get"),
                List.of("user", "get", "nobody"),
                List.of("user", "get", "nobody", "--detail"),
                List.of("user", "list", "x"),
                List.of("user", "passwd"),
                List.of("user", "passwd", "nobody", "--interactive=false"),
                List.of("user", "grant-role", "alice"),
                List.of("user", "grant-role", "alice", "nope"),
                List.of("user", "grant-role", "nobody", "app"),
                List.of("user", "grant-role", "alice", "app"),
                List.of("user", "revoke-role", "alice"),
                List.of("user", "revoke-role", "bob", "app"),
                List.of("role", "add"),
                List.of("role", "add", "app"),
                List.of("role", "delete"),
                List.of("role", "delete", "nope"),
                List.of("role", "get"),
                List.of("role", "get", "nope"),
                List.of("role", "list", "x"),
                List.of("role", "grant-permission", "app", "read"),
                List.of("role", "grant-permission", "app", "bogus", "k"),
                List.of("role", "grant-permission", "nope", "read", "k"),
                List.of("role", "grant-permission", "app", "read", "k", "e", "--prefix"),
                List.of("role", "grant-permission", "app", "read", "k", "e", "--from-key"),
                List.of("role", "grant-permission", "app", "read", "k", "--from-key", "--prefix"),
                List.of("role", "grant-permission", "app", "read", "", "--from-key", "--prefix"),
                List.of("role", "revoke-permission", "app"),
                List.of("role", "revoke-permission", "app", "not-granted"),
                List.of("role", "revoke-permission", "nope", "k"),
                List.of("role", "revoke-permission", "app", "k", "e", "--prefix"),
                List.of("role", "get", "app", "-w", "yaml"),
                List.of("auth", "status", "x"),
                List.of("auth", "enable", "x"),
                List.of("auth", "disable", "x"),
                List.of("auth", "enable"),
                List.of("auth", "enable", "-w", "json"),
                List.of("auth", "disable"));
        for (List<String> args : bad) {
            assertSameResult(etcdctl.run(args), jetcdctl.run(args, null), String.join(" ", args));
        }
    }

    @Test
    void credentialsAreHarmlessWhileAuthIsOff() {
        for (String user : List.of("--user=alice:alicepw", "--user=alice:wrong", "--user=alice:")) {
            List<String> args = List.of(user, "role", "list");
            assertSameResult(etcdctl.run(args), jetcdctl.run(args, null), String.join(" ", args));
        }
    }

    @Test
    void debugOutputHidesPasswordsUnlikeEtcdctl() {
        List<String> args = List.of("--debug", "--user=alice:user-secret", "--password=flag-secret", "role", "list");
        ProcessResult etcdctlDebug = etcdctl.run(args);
        ProcessResult ours = jetcdctl.withEnv("ETCDCTL_COMMAND_TIMEOUT", "5s").run(args, null);
        assertEquals(true, etcdctlDebug.stderrText().contains("ETCDCTL_PASSWORD=flag-secret"),
                "etcdctl 3.5 prints the password with --debug");
        assertEquals(false, ours.stderrText().contains("secret"), ours.stderrText());
        assertEquals(true, ours.stderrText().contains("ETCDCTL_PASSWORD=********\n"), ours.stderrText());
        assertEquals(true, ours.stderrText().contains("ETCDCTL_USER=alice:********\n"), ours.stderrText());
        assertEquals(etcdctlDebug.stdoutText(), ours.stdoutText());
    }

    /** Leaves the cluster as after {@code args}: etcdctl runs it, {@code undo} reverts, jetcdctl runs it. */
    private static void assertSameMutation(List<String> args, List<String> undo) {
        ProcessResult expected = etcdctl.run(args);
        etcdctl.run(undo);
        ProcessResult actual = jetcdctl.run(args, null);
        assertSameResult(expected, actual, String.join(" ", args));
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
