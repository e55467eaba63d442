package io.github.jetcdctl.cli.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.github.jetcdctl.cli.ContextOverlay;
import io.github.jetcdctl.cli.GlobalFlag;
import io.github.jetcdctl.testing.EtcdClusterExtension;
import io.github.jetcdctl.testing.EtcdBinaries;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.ProcessResult;

/** Named contexts on a plaintext member: the file, the commands, and where a context sits among flag and env. */
class ContextsTest {
    @RegisterExtension
    static final EtcdClusterExtension ETCD = EtcdClusterExtension.single();

    @TempDir
    Path home;
    Jetcdctl jetcdctl;
    Path configFile;

    @BeforeAll
    static void loadData() {
        ETCD.etcdctl().run("put", "ctx/a", "1");
    }

    @BeforeEach
    void isolatedConfigDir() {
        jetcdctl = Jetcdctl.create().withEnv("XDG_CONFIG_HOME", home.resolve("config").toString());
        configFile = home.resolve("config/jetcdctl/config.yaml");
    }

    private ProcessResult ok(Jetcdctl runner, String... args) {
        ProcessResult result = runner.run(args);
        assertEquals(0, result.exitCode(), result.toString());
        return result;
    }

    @Test
    void withoutAConfigFileNothingChangesAndEtcdctlContextDrawsNoWarning() {
        ProcessResult debug = ok(jetcdctl, "--endpoints=" + ETCD.endpointsFlag(), "--debug", "get", "ctx/a");
        assertFalse(debug.stderrText().contains("CONTEXT"), debug.stderrText());
        assertFalse(Files.exists(configFile));
        ProcessResult missing = jetcdctl.withEnv("ETCDCTL_CONTEXT", "prod").run("--endpoints=" + ETCD.endpointsFlag(),
                "get", "ctx/a");
        assertEquals(1, missing.exitCode(), missing.toString());
        assertEquals("Error: context \"prod\" not found in " + configFile + "\n", missing.stderrText());
    }

    @Test
    void addWritesAPrivateFileAndUseSelectsTheContext() throws Exception {
        ProcessResult add = ok(jetcdctl, "context", "add", "local", "--endpoints=" + ETCD.endpointsFlag(),
                "--dial-timeout=3s");
        assertEquals("Context local saved to " + configFile + "\n", add.stdoutText());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(configFile)));
        assertEquals("rwx------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(configFile.getParent())));
        String yaml = Files.readString(configFile);
        assertTrue(yaml.contains("  local:\n    endpoints:\n    - " + ETCD.endpointsFlag() + "\n    dial-timeout: 3s\n"),
                yaml);

        assertEquals(1, jetcdctl.run("--endpoints=127.0.0.1:1", "--dial-timeout=1s", "get", "ctx/a").exitCode());
        assertEquals("Using context local\n", ok(jetcdctl, "context", "use", "local").stdoutText());
        assertEquals("ctx/a\n1\n", ok(jetcdctl, "get", "ctx/a").stdoutText());
        // An empty --context selects none: back to etcdctl's default endpoint, where nothing listens.
        assertEquals(1, jetcdctl.run("--context=", "--dial-timeout=1s", "get", "ctx/a").exitCode());

        assertEquals("Using no context\n", ok(jetcdctl, "context", "use", "--none").stdoutText());
        assertEquals("ctx/a\n1\n", ok(jetcdctl, "--context=local", "get", "ctx/a").stdoutText());
        assertEquals("ctx/a\n1\n", ok(jetcdctl.withEnv("ETCDCTL_CONTEXT", "local"), "get", "ctx/a").stdoutText());
    }

    /**
     * flag > ETCDCTL_* > context > default, setting by setting, as --debug shows them (a flag and its variable
     * together stay fatal, as in etcdctl).
     */
    @Test
    void precedenceIsFlagThenEnvironmentThenContextThenDefault() {
        ok(jetcdctl, "context", "add", "p", "--endpoints=" + ETCD.endpointsFlag(), "--dial-timeout=7s",
                "--command-timeout=9s", "--keepalive-time=3s", "--insecure-skip-tls-verify");
        ProcessResult debug = ok(jetcdctl.withEnv("ETCDCTL_CONTEXT", "p").withEnv("ETCDCTL_COMMAND_TIMEOUT", "11s"),
                "--keepalive-time=4s", "--debug", "get", "ctx/a");
        String dump = debug.stderrText();
        assertTrue(dump.contains("ETCDCTL_CONTEXT=p\n"), dump);
        assertTrue(dump.contains("ETCDCTL_ENDPOINTS=[" + ETCD.endpointsFlag() + "]\n"), "context: " + dump);
        assertTrue(dump.contains("ETCDCTL_DIAL_TIMEOUT=7s\n"), "context: " + dump);
        assertTrue(dump.contains("ETCDCTL_INSECURE_SKIP_TLS_VERIFY=true\n"), "context: " + dump);
        assertTrue(dump.contains("ETCDCTL_COMMAND_TIMEOUT=11s\n"), "environment over context: " + dump);
        assertTrue(dump.contains("ETCDCTL_KEEPALIVE_TIME=4s\n"), "flag over context: " + dump);
        assertTrue(dump.contains("ETCDCTL_KEEPALIVE_TIMEOUT=6s\n"), "default: " + dump);
        assertEquals("ctx/a\n1\n", debug.stdoutText());

        ProcessResult envEndpoint = jetcdctl.withEnv("ETCDCTL_CONTEXT", "p").withEnv("ETCDCTL_ENDPOINTS", "127.0.0.1:1")
                .withEnv("ETCDCTL_DIAL_TIMEOUT", "1s").run("get", "ctx/a");
        assertEquals("Error: context deadline exceeded\n", envEndpoint.stderrText(), "env endpoints win");
    }

    @Test
    void contextAndEnvironmentTogetherFollowEtcdctlsConflictRule() {
        ok(jetcdctl, "context", "add", "p", "--endpoints=" + ETCD.endpointsFlag());
        ProcessResult both = jetcdctl.withEnv("ETCDCTL_CONTEXT", "p").run("--context=p", "get", "ctx/a");
        assertEquals(1, both.exitCode());
        assertTrue(both.stderrText().contains("\"environment-variable\":\"ETCDCTL_CONTEXT\""), both.toString());
    }

    @Test
    void aUserFromTheContextComesWithItsPasswordFile() throws Exception {
        Path secret = home.resolve("secret");
        Files.writeString(secret, "s3cret\n");
        ok(jetcdctl, "context", "add", "auth", "--endpoints=" + ETCD.endpointsFlag(), "--user=alice",
                "--password-file=" + secret);
        assertFalse(Files.readString(configFile).contains("s3cret"));
        // Auth is not enabled on this member, so the login is skipped; --debug shows what was resolved.
        String dump = ok(jetcdctl, "--context=auth", "--debug", "get", "ctx/a").stderrText();
        assertTrue(dump.contains("ETCDCTL_USER=alice\n") && dump.contains("ETCDCTL_PASSWORD=********\n"), dump);
        String flagUser = ok(jetcdctl, "--context=auth", "--user=bob:pw", "--debug", "get", "ctx/a").stderrText();
        assertTrue(flagUser.contains("ETCDCTL_USER=bob:********\n") && flagUser.contains("ETCDCTL_PASSWORD=\n"),
                flagUser);

        ProcessResult clear = jetcdctl.run("context", "add", "bad", "--user=alice:pw");
        assertEquals(128, clear.exitCode());
        assertEquals("Error: a context keeps no clear-text password: give it with --password-file\n",
                clear.stderrText());
    }

    @Test
    void listShowAndRemoveInEveryFormat() {
        // b's endpoints refuse connections: it is saved without a line, with a note; a reaches the test cluster,
        // whose line it records
        String line = EtcdBinaries.lineOf(ETCD.cluster().version());
        ProcessResult unreachable = ok(jetcdctl, "context", "add", "b", "--endpoints=127.0.0.1:1,127.0.0.1:2",
                "--user=root");
        assertTrue(unreachable.stderrText().startsWith("note: the cluster did not answer ("), unreachable.toString());
        ok(jetcdctl, "context", "add", "a", "--endpoints=" + ETCD.endpointsFlag());
        ok(jetcdctl, "context", "use", "b");
        assertEquals("a\nb\n", ok(jetcdctl, "context", "list").stdoutText());
        assertEquals("{\"current\":\"b\",\"contexts\":[{\"name\":\"a\",\"endpoints\":[\"" + ETCD.endpointsFlag()
                + "\"],\"compat\":\"" + line + "\"},{\"name\":\"b\",\"endpoints\":[\"127.0.0.1:1\",\"127.0.0.1:2\"],"
                + "\"user\":\"root\"}]}\n",
                ok(jetcdctl, "context", "list", "-w", "json").stdoutText());
        String table = ok(jetcdctl, "context", "list", "-w", "table").stdoutText();
        assertTrue(table.startsWith("+---------+------+"), table);
        assertTrue(table.contains("|       * |    b | 127.0.0.1:1,127.0.0.1:2 | root |             |        |"), table);
        assertTrue(table.contains("|    a | ")
                && table.contains(ETCD.endpointsFlag() + " |      |             |    " + line + " |"), table);
        assertEquals("name: b\nendpoints: 127.0.0.1:1,127.0.0.1:2\nuser: root\n",
                ok(jetcdctl, "context", "show").stdoutText());
        assertEquals("name: a\nendpoints: " + ETCD.endpointsFlag() + "\ncompat: " + line + "\n",
                ok(jetcdctl.withEnv("ETCDCTL_CONTEXT", "a"), "context", "show").stdoutText());
        assertEquals(4, jetcdctl.run("context", "list", "-w", "fields").exitCode());

        assertEquals("Context b removed\n", ok(jetcdctl, "context", "remove", "b").stdoutText());
        assertEquals("a\n", ok(jetcdctl, "context", "list").stdoutText());
        ProcessResult none = jetcdctl.run("context", "show");
        assertEquals(1, none.exitCode());
        assertEquals("Error: no context is selected; name one, or select one with 'jetcdctl context use NAME'\n",
                none.stderrText());
        ProcessResult gone = jetcdctl.run("context", "remove", "b");
        assertEquals("Error: context \"b\" not found in " + configFile + "\n", gone.stderrText());
    }

    @Test
    void addRefusesToOverwriteWithoutReplaceAndRejectsBadNames() {
        ok(jetcdctl, "context", "add", "a", "--endpoints=127.0.0.1:1");
        ProcessResult again = jetcdctl.run("context", "add", "a", "--endpoints=127.0.0.1:2");
        assertEquals("Error: context \"a\" already exists; add --replace to replace it\n", again.stderrText());
        ok(jetcdctl, "context", "add", "a", "--endpoints=127.0.0.1:2", "--replace");
        assertEquals("name: a\nendpoints: 127.0.0.1:2\n", ok(jetcdctl, "context", "show", "a").stdoutText());
        ok(jetcdctl, "context", "add", "a", "--endpoints=127.0.0.1:2", "--replace", "--compat=3.7");
        assertEquals("name: a\nendpoints: 127.0.0.1:2\ncompat: 3.7\n", ok(jetcdctl, "context", "show", "a").stdoutText());
        assertEquals(1, jetcdctl.run("context", "add", "bad name", "--endpoints=x:1").exitCode());
        assertEquals(128, jetcdctl.run("context", "add", "empty").exitCode());
    }

    @Test
    void aBrokenConfigFileIsAOneLineError() throws Exception {
        Files.createDirectories(configFile.getParent());
        Files.writeString(configFile, "contexts:\n  a:\n    password: hunter2\n");
        ProcessResult clear = jetcdctl.run("--endpoints=" + ETCD.endpointsFlag(), "get", "ctx/a");
        assertEquals(1, clear.exitCode());
        assertEquals("Error: " + configFile + ": context \"a\": passwords are not kept in clear text; "
                + "use password-file\n", clear.stderrText());
        Files.writeString(configFile, "contexts: [\n");
        ProcessResult yaml = jetcdctl.run("context", "list");
        assertEquals(1, yaml.exitCode());
        assertTrue(yaml.stderrText().startsWith("Error: " + configFile + ": not valid YAML: "), yaml.toString());
        assertEquals(1, yaml.stderrText().split("\n").length, yaml.toString());
        Files.writeString(configFile, "current-context: a\ncontexts:\n  a:\n    dial-timeout: soon\n");
        ProcessResult invalid = jetcdctl.run("get", "ctx/a");
        assertEquals("Error: context \"a\": invalid dial-timeout \"soon\" in " + configFile + "\n",
                invalid.stderrText());
    }

    @Test
    void everyContextSettingIsAGlobalFlagOrThePasswordFile() {
        for (String setting : io.github.jetcdctl.config.NamedContext.SETTINGS) {
            // the line is --compat, an option of jetcdctl's own, recorded by context add from the cluster
            if (!setting.equals("password-file") && !setting.equals("compat")) {
                GlobalFlag flag = ContextOverlay.flagFor(setting).orElseThrow();
                assertTrue(ContextAddCommand.CONNECTION_FLAGS.contains(flag), setting);
            }
        }
        assertEquals(io.github.jetcdctl.config.NamedContext.SETTINGS.size() - 2,
                ContextAddCommand.CONNECTION_FLAGS.size());
    }
}
