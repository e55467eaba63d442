package io.github.jetcdctl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.jetcdctl.testing.DnsServer;
import io.github.jetcdctl.testing.EtcdClusterExtension;
import io.github.jetcdctl.testing.InstalledJdks.Jdk;
import io.github.jetcdctl.testing.ProcessResult;
import io.github.jetcdctl.testing.ProcessRunner;

/**
 * {@code bin/jetcdctl --discovery-srv} as users run it, on every JDK the launcher may pick, beside etcdctl:
 * both in a mount namespace whose resolv.conf names a dnsmasq that publishes the member (see {@link DnsServer}).
 */
class LauncherDiscoverySrvIT extends LauncherRuns {
    static final String DOMAIN = "launcher.jetcdctl.test";

    @RegisterExtension
    static final EtcdClusterExtension ETCD = EtcdClusterExtension.single();

    static DnsServer dns;
    static Path resolvConf;

    @Override
    EtcdClusterExtension etcd() {
        return ETCD;
    }

    @BeforeAll
    static void publishTheMember() {
        dns = DnsServer.builder()
                .localDomain("jetcdctl.test")
                .host("m0." + DOMAIN, "127.0.0.1")
                .srv("_etcd-client._tcp." + DOMAIN, "m0." + DOMAIN, ETCD.cluster().member(0).clientPort(), 0, 0)
                .start();
        resolvConf = dns.resolvConf();
    }

    @AfterAll
    static void stopDns() {
        if (dns != null) {
            dns.close();
        }
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void putAndGetThroughSrvRecords(Jdk jdk) {
        String key = "launcher/srv/" + jdk.major();
        assertSameThroughDns(jdk, Map.of(), "--discovery-srv", DOMAIN, "put", key, "v");
        assertSameThroughDns(jdk, Map.of(), "-d", DOMAIN, "get", key);
        assertSameThroughDns(jdk, Map.of("ETCDCTL_DISCOVERY_SRV", DOMAIN), "get", key, "--print-value-only");
        ProcessResult none = assertSameThroughDns(jdk, Map.of(), "-d", "nothing.jetcdctl.test", "get", key);
        assertEquals(1, none.exitCode(), none.toString());
    }

    private ProcessResult assertSameThroughDns(Jdk jdk, Map<String, String> env, String... args) {
        Path etcdctl = dns.wrap(List.of(cluster().binaries().etcdctl().toString()), resolvConf);
        Path jetcdctl = dns.wrap(List.of("bash", "-c", "exec \"$JETCDCTL\" \"$@\"", "bash"), resolvConf);
        ProcessResult expected = run(etcdctl, env, args);
        Map<String, String> launcherEnv = launcherEnv(jdk);
        launcherEnv.putAll(env);
        ProcessResult actual = run(jetcdctl, launcherEnv, args);
        assertSameOutput(expected, actual, jdk + ": " + env + " " + String.join(" ", args));
        return actual;
    }

    private static ProcessResult run(Path wrapped, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(wrapped.toString()));
        command.addAll(Arrays.asList(args));
        return ProcessRunner.run(command, null, env, Path.of("/"), Duration.ofSeconds(60), false);
    }
}
