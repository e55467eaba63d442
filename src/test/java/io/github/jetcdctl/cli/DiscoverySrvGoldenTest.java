package io.github.jetcdctl.cli;

import static io.github.jetcdctl.testing.SideBySide.assertSameResult;
import static io.github.jetcdctl.testing.SideBySide.errorLines;
import static io.github.jetcdctl.testing.SideBySide.withoutDurations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.github.jetcdctl.testing.DnsServer;
import io.github.jetcdctl.testing.EtcdBinaries;
import io.github.jetcdctl.testing.EtcdCluster;
import io.github.jetcdctl.testing.EtcdClusterExtension;
import io.github.jetcdctl.testing.ProcessResult;
import io.github.jetcdctl.testing.ProcessRunner;

/**
 * {@code --discovery-srv} side by side with the etcdctl of the clusters' line: a real DNS server (dnsmasq)
 * serves the SRV records, and both tools run as processes whose /etc/resolv.conf names it (see
 * {@link DnsServer}), so each finds the cluster through its own resolver: Go's for etcdctl, JNDI's for jetcdctl.
 * A plaintext cluster is published through {@code _etcd-client}, a mutual-TLS one through
 * {@code _etcd-client-ssl}; its certificate names the SRV target and some of the domains, which shows which name
 * each tool checks it against.
 */
class DiscoverySrvGoldenTest {
    static final String ZONE = "jetcdctl.test";
    static final String PLAIN = "plain." + ZONE;
    static final String TLS = "tls." + ZONE;
    static final String MIXED = "mixed." + ZONE;
    static final String ORDER = "order." + ZONE;
    static final String NAMED = "named." + ZONE;
    static final String UNNAMED_IN_CERT = "elsewhere." + ZONE;
    static final String NOTHING = "nothing." + ZONE;
    static final String NO_SRV = "nosrv." + ZONE;

    @RegisterExtension
    static final EtcdClusterExtension PLAIN_ETCD = EtcdClusterExtension.single();

    @RegisterExtension
    static final EtcdClusterExtension TLS_ETCD = EtcdClusterExtension.of(EtcdCluster.builder().mutualTls(true)
            .serverDnsNames("m0." + TLS, TLS, MIXED, ORDER));

    @TempDir
    static Path dir;

    static DnsServer dns;
    static Path resolvConf;

    @BeforeAll
    static void publishTheClustersInDns() {
        int plainPort = PLAIN_ETCD.cluster().member(0).clientPort();
        int tlsPort = TLS_ETCD.cluster().member(0).clientPort();
        dns = DnsServer.builder()
                .localDomain(ZONE)
                .host("m0." + PLAIN, "127.0.0.1")
                .host("m1." + PLAIN, "127.0.0.1")
                .host("m0." + TLS, "127.0.0.1")
                .srv("_etcd-client._tcp." + PLAIN, "m0." + PLAIN, plainPort, 0, 0)
                .srv("_etcd-client-ssl._tcp." + TLS, "m0." + TLS, tlsPort, 0, 0)
                .srv("_etcd-client-ssl._tcp." + UNNAMED_IN_CERT, "m0." + TLS, tlsPort, 0, 0)
                .srv("_etcd-client-ssl._tcp." + MIXED, "m0." + TLS, tlsPort, 0, 0)
                .srv("_etcd-client._tcp." + MIXED, "m0." + PLAIN, plainPort, 10, 0)
                .srv("_etcd-client._tcp." + MIXED, "m1." + PLAIN, plainPort, 5, 0)
                .srv("_etcd-client._tcp." + ORDER, "m0." + PLAIN, plainPort, 30, 0)
                .srv("_etcd-client._tcp." + ORDER, "m1." + PLAIN, plainPort, 10, 0)
                .srv("_etcd-client._tcp." + ORDER, "m0." + PLAIN, 1, 20, 0)
                .srv("_etcd-client-blue._tcp." + NAMED, "m0." + PLAIN, plainPort, 0, 0)
                .txt("_etcd-client-ssl._tcp." + NO_SRV, "not an SRV record")
                .txt("_etcd-client._tcp." + NO_SRV, "not an SRV record")
                .start();
        resolvConf = dns.resolvConf();
        assertEquals(0, PLAIN_ETCD.etcdctl().run("put", "srv/plain", "one").exitCode());
        assertEquals(0, TLS_ETCD.etcdctl().run("put", "srv/tls", "two").exitCode());
    }

    @AfterAll
    static void stopDns() {
        if (dns != null) {
            dns.close();
        }
    }

    @Test
    void plainEndpointsFromSrvRecordsServePutAndGet() {
        assertSame(List.of("--discovery-srv", PLAIN), "put", "srv/plain/put", "1");
        assertSame(List.of("-d", PLAIN), "get", "srv/plain/put");
        assertSame(List.of("--discovery-srv=" + PLAIN), "get", "srv/", "--prefix", "--keys-only");
        // with records, --endpoints is not used: a dead one changes nothing
        assertSame(List.of("--endpoints=127.0.0.1:1", "--discovery-srv", PLAIN), "get", "srv/plain",
                "--print-value-only");
    }

    /** By default each member's certificate is checked against its SRV target (without the root dot). */
    @Test
    void aMutualTlsClusterIsFoundThroughItsSslRecords() {
        List<String> flags = withTls("--discovery-srv", TLS);
        assertSame(flags, "put", "srv/tls/put", "2");
        assertSame(flags, "get", "srv/tls", "--prefix");
        assertSame(withTls("--discovery-srv", UNNAMED_IN_CERT), "get", "srv/tls", "--print-value-only");
    }

    /**
     * With --insecure-discovery=false, etcdctl 3.5 checks every certificate against the domain; from 3.6 (whose gRPC
     * sets each endpoint's host in place of the domain) against its SRV target, as without the flag.
     */
    @Test
    void withoutInsecureDiscoveryTheCertificateMustNameTheDomainIn35() {
        assertSame(withTls("--discovery-srv", TLS, "--insecure-discovery=false"), "get", "srv/tls");
        ProcessResult unnamed = assertSame(withTls("--discovery-srv", UNNAMED_IN_CERT, "--insecure-discovery=false",
                "--command-timeout=1s"), "get", "srv/tls");
        assertEquals(line().equals("3.5") ? 1 : 0, unnamed.exitCode(), unnamed.toString());
    }

    @Test
    void insecureDiscoveryFalseDropsHttpEndpointsWithALineEach() {
        ProcessResult result = assertSame(withTls("--discovery-srv", MIXED, "--insecure-discovery=false"),
                "get", "srv/tls", "--print-value-only");
        // the lowest priority first
        assertEquals("ignoring discovered insecure endpoint \"http://m1." + PLAIN + ".:" + plainPort() + "\"\n"
                + "ignoring discovered insecure endpoint \"http://m0." + PLAIN + ".:" + plainPort() + "\"\n",
                result.stderrText());
    }

    /** When every discovered endpoint is dropped, --endpoints is used, still checked against the domain. */
    @Test
    void whenNothingIsLeftTheEndpointsFlagIsUsed() {
        ProcessResult result = assertSame(withTls("--discovery-srv", ORDER, "--insecure-discovery=false",
                "--endpoints=" + TLS_ETCD.cluster().clientEndpoints().get(0)), "get", "srv/tls",
                "--print-value-only");
        assertTrue(result.stderrText().startsWith("ignoring discovered insecure endpoint \"http://m1." + PLAIN
                + ".:" + plainPort() + "\"\n"), result.toString());
    }

    @Test
    void aServiceNameSelectsOtherRecords() {
        assertSame(List.of("--discovery-srv", NAMED, "--discovery-srv-name", "blue"), "get", "srv/plain");
        assertSame(List.of("--discovery-srv", NAMED, "--discovery-srv-name=green"), "get", "srv/plain");
        assertSame(List.of("--discovery-srv", NAMED), "get", "srv/plain");
    }

    @Test
    void aDomainWithoutRecordsIsAnErrorNamingBothLookups() {
        ProcessResult none = assertSame(List.of("--discovery-srv", NOTHING), "get", "k");
        assertEquals(1, none.exitCode());
        assertEquals("Error: dns lookup errors: lookup _etcd-client-ssl._tcp." + NOTHING + " on " + dns.address()
                + ":53: no such host and lookup _etcd-client._tcp." + NOTHING + " on " + dns.address()
                + ":53: no such host\n", none.stderrText());
        assertSame(List.of("--discovery-srv", NO_SRV), "get", "k");
        assertSame(List.of("--discovery-srv", NOTHING + "."), "get", "k");
        assertSame(List.of("--discovery-srv", "not a domain"), "get", "k");
        // the lookup comes before the TLS flags are checked
        assertSame(List.of("--discovery-srv", NOTHING, "--cacert="), "get", "k");
    }

    @Test
    void environmentVariablesWorkAsTheFlags() {
        assertSame(List.of(), Map.of("ETCDCTL_DISCOVERY_SRV", PLAIN), "get", "srv/plain");
        assertSame(List.of(), Map.of("ETCDCTL_DISCOVERY_SRV", NAMED, "ETCDCTL_DISCOVERY_SRV_NAME", "blue"),
                "get", "srv/plain");
        assertSame(withTls(), Map.of("ETCDCTL_DISCOVERY_SRV", MIXED, "ETCDCTL_INSECURE_DISCOVERY", "false"),
                "get", "srv/tls");
    }

    /**
     * A named context can keep the domain (and a service name) instead of endpoints; an --endpoints flag or
     * variable sets the context's domain aside, where etcdctl's rule would have the domain win over it.
     */
    @Test
    void aContextKeepsTheDomain() {
        Map<String, String> config = Map.of("XDG_CONFIG_HOME", dir.resolve("config").toString());
        ProcessResult added = jetcdctl(List.of("context", "add", "srv", "-d", NAMED, "--discovery-srv-name", "blue"),
                config, resolvConf);
        assertEquals(0, added.exitCode(), added.toString());
        ProcessResult expected = etcdctl(List.of("-d", NAMED, "--discovery-srv-name", "blue", "get", "srv/plain"),
                Map.of(), resolvConf);
        assertEquals("srv/plain\none\n", expected.stdoutText(), expected.toString());
        assertSameResult(expected, jetcdctl(List.of("--context", "srv", "get", "srv/plain"), config, resolvConf),
                "the context's domain and service name");
        ProcessResult table = jetcdctl(List.of("context", "list", "-w", "table"), config, resolvConf);
        // 3.7 draws the table's borders with box-drawing characters
        assertTrue(table.stdoutText().replace('\u2502', '|').contains("|  srv | srv:" + NAMED + " |"),
                table.toString());

        Map<String, String> deadEndpoint = new LinkedHashMap<>(config);
        deadEndpoint.put("ETCDCTL_ENDPOINTS", "127.0.0.1:1");
        deadEndpoint.put("ETCDCTL_DIAL_TIMEOUT", "300ms");
        ProcessResult endpointsWin = jetcdctl(List.of("--context", "srv", "get", "srv/plain"), deadEndpoint,
                resolvConf);
        assertEquals("Error: context deadline exceeded\n", endpointsWin.stderrText(), endpointsWin.toString());
        String plainEndpoint = PLAIN_ETCD.cluster().clientEndpoints().get(0);
        ProcessResult flagWins = jetcdctl(List.of("--context", "srv", "--endpoints=" + plainEndpoint,
                "get", "srv/plain", "--print-value-only"), config, resolvConf);
        assertEquals("one\n", flagWins.stdoutText(), flagWins.toString());
        // a domain on the command line replaces the context's, service name and all (blue has no records here)
        ProcessResult domainFlag = jetcdctl(List.of("--context", "srv", "-d", PLAIN, "get", "srv/plain",
                "--print-value-only"), config, resolvConf);
        assertEquals("one\n", domainFlag.stdoutText(), domainFlag.toString());
    }

    /**
     * endpoint status builds its client from the domain first, then visits --endpoints; endpoint health visits
     * them too, but in 3.5 without looking the domain up (from 3.6 a failed lookup fails it); with --cluster both
     * list the members through the domain.
     */
    @Test
    void endpointCommandsUseTheDomainAsEtcdctlDoes() {
        String plainEndpoint = PLAIN_ETCD.cluster().clientEndpoints().get(0);
        ProcessResult health = assertSameExitAndLineCount(List.of("--discovery-srv", NOTHING,
                "--endpoints=" + plainEndpoint), "endpoint", "health");
        assertEquals(line().equals("3.5") ? 0 : 1, health.exitCode(), health.toString());
        assertSameExitAndLineCount(List.of("--discovery-srv", PLAIN, "--endpoints=" + plainEndpoint),
                "endpoint", "health");
        assertSame(List.of("--discovery-srv", NOTHING, "--endpoints=" + plainEndpoint), "endpoint", "status");
        assertSame(List.of("--discovery-srv", PLAIN, "--endpoints=" + plainEndpoint), "endpoint", "status",
                "-w", "table");
        assertSame(List.of("--discovery-srv", PLAIN), "endpoint", "status", "--cluster", "-w", "table");
        assertSame(List.of("--discovery-srv", PLAIN), "endpoint", "hashkv", "--cluster");
        assertSameExitAndLineCount(List.of("--discovery-srv", PLAIN), "endpoint", "health", "--cluster");
        assertSame(List.of("--discovery-srv", PLAIN, "--endpoints=" + plainEndpoint), "defrag");
        assertSame(List.of("--discovery-srv", PLAIN), "defrag", "--cluster");
        assertSame(List.of("--discovery-srv", PLAIN), "member", "list");
    }

    @Test
    void snapshotSaveUsesTheOneDiscoveredEndpoint() {
        Path theirs = dir.resolve("theirs.db");
        Path ours = dir.resolve("ours.db");
        ProcessResult expected = etcdctl(List.of("-d", PLAIN, "snapshot", "save", theirs.toString()), Map.of(),
                resolvConf);
        ProcessResult actual = jetcdctl(List.of("-d", PLAIN, "snapshot", "save", ours.toString()), Map.of(),
                resolvConf);
        assertEquals(0, expected.exitCode(), expected.toString());
        assertEquals(expected.stdoutText().replace(theirs.toString(), ours.toString()), actual.stdoutText());
        assertEquals(0, actual.exitCode(), actual.toString());
        assertSame(List.of("-d", MIXED), "snapshot", "save", dir.resolve("never.db").toString());
    }

    /** The resolver settings etcdctl's Go resolver honours: several servers in turn, and the search list. */
    @Test
    void resolvConfServersAndSearchListAreHonoured() {
        String dead = DnsServer.silentAddress();
        Path deadFirst = dns.resolvConf("nameserver " + dead + "\nnameserver " + dns.address() + "\n");
        assertSame(List.of("-d", PLAIN), Map.of(), deadFirst, "get", "srv/plain");
        assertSame(List.of("-d", NOTHING), Map.of(), deadFirst, "get", "srv/plain");
        Path search = dns.resolvConf("nameserver " + dns.address() + "\nsearch " + ZONE + "\noptions ndots:3\n");
        assertSame(List.of("-d", "plain"), Map.of(), search, "get", "srv/plain");
        assertSame(List.of("-d", "nothing"), Map.of(), search, "get", "srv/plain");
    }

    /**
     * A server that says the name has no SRV record is believed: the next server is not asked. With
     * {@code options rotate} the second lookup (the http one) starts at the next server, which knows the record.
     */
    @Test
    void theFirstServerThatKnowsTheNameDecidesAndRotateTakesTurns() {
        // it knows the member's address, though: with rotate, glibc may ask it for that (for jetcdctl's JVM)
        try (DnsServer unaware = DnsServer.builder().localDomain(ZONE).host("m0." + PLAIN, "127.0.0.1")
                .txt("_etcd-client._tcp." + PLAIN, "not an SRV record").start()) {
            String servers = "nameserver " + unaware.address() + "\nnameserver " + dns.address() + "\n";
            ProcessResult believed = assertSame(List.of("-d", PLAIN), Map.of(), dns.resolvConf(servers),
                    "get", "srv/plain");
            assertTrue(believed.stderrText().contains(" on " + unaware.address() + ":53: no such host\n"),
                    believed.toString());
            ProcessResult rotated = assertSame(List.of("-d", PLAIN), Map.of(),
                    dns.resolvConf(servers + "options rotate\n"), "get", "srv/plain", "--print-value-only");
            assertEquals("one\n", rotated.stdoutText());
        }
    }

    /** etcdctl names its local socket in a network error, which jetcdctl cannot know: compared up to there. */
    @Test
    void anUnreachableDnsServerFailsLikeEtcdctl() {
        String dead = DnsServer.silentAddress();
        Path deadOnly = dns.resolvConf("nameserver " + dead + "\noptions timeout:1 attempts:1\n");
        List<String> args = List.of("-d", PLAIN, "get", "k");
        ProcessResult expected = etcdctl(args, Map.of(), deadOnly);
        ProcessResult actual = jetcdctl(args, Map.of(), deadOnly);
        assertEquals(expected.exitCode(), actual.exitCode(), actual.toString());
        String prefix = "Error: dns lookup errors: lookup _etcd-client-ssl._tcp." + PLAIN + " on " + dead + ":53: ";
        assertTrue(expected.stderrText().startsWith(prefix), expected.toString());
        assertTrue(actual.stderrText().startsWith(prefix), actual.toString());
        assertTrue(actual.stderrText().endsWith("connection refused\n"), actual.toString());
    }

    // ------------------------------------------------------------------------------------------------------------

    /** The etcdctl line of the oracle and of both clusters. */
    private static String line() {
        return EtcdBinaries.lineOf(PLAIN_ETCD.cluster().version());
    }

    private static int plainPort() {
        return PLAIN_ETCD.cluster().member(0).clientPort();
    }

    private static List<String> withTls(String... flags) {
        List<String> all = new ArrayList<>(TLS_ETCD.cluster().tlsFlags());
        all.addAll(Arrays.asList(flags));
        return all;
    }

    private static ProcessResult assertSame(List<String> flags, String... args) {
        return assertSame(flags, Map.of(), resolvConf, args);
    }

    private static ProcessResult assertSame(List<String> flags, Map<String, String> env, String... args) {
        return assertSame(flags, env, resolvConf, args);
    }

    /** Runs both tools with the same words and environment under {@code conf}; returns jetcdctl's result. */
    private static ProcessResult assertSame(List<String> flags, Map<String, String> env, Path conf,
            String... args) {
        List<String> all = new ArrayList<>(flags);
        all.addAll(Arrays.asList(args));
        // from 3.6 defrag says how long each member took
        ProcessResult expected = withoutDurations(etcdctl(all, env, conf));
        ProcessResult actual = withoutDurations(jetcdctl(all, env, conf));
        assertSameResult(expected, actual, env + " " + String.join(" ", all) + "\n== DNS log ==\n" + dns.log());
        return actual;
    }

    /** For output with timings in it: the exit code, the number of lines and the error lines must match. */
    private static ProcessResult assertSameExitAndLineCount(List<String> flags, String... args) {
        List<String> all = new ArrayList<>(flags);
        all.addAll(Arrays.asList(args));
        ProcessResult expected = etcdctl(all, Map.of(), resolvConf);
        ProcessResult actual = jetcdctl(all, Map.of(), resolvConf);
        String what = String.join(" ", all) + "\n== etcdctl ==\n" + expected + "\n== jetcdctl ==\n" + actual;
        assertEquals(expected.exitCode(), actual.exitCode(), what);
        assertEquals(expected.stdoutText().lines().count(), actual.stdoutText().lines().count(), what);
        assertEquals(errorLines(expected), errorLines(actual), what);
        return actual;
    }

    private static ProcessResult etcdctl(List<String> args, Map<String, String> env, Path conf) {
        Path etcdctl = dns.wrap(List.of(PLAIN_ETCD.cluster().binaries().etcdctl().toString()), conf);
        return run(etcdctl, args, oracleEnvironment(env));
    }

    /** jetcdctl's entry point in a JVM of its own, since only a new process can get its own resolv.conf. */
    private static ProcessResult jetcdctl(List<String> args, Map<String, String> env, Path conf) {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path jetcdctl = dns.wrap(List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), "io.github.jetcdctl.Main"), conf);
        Map<String, String> all = oracleEnvironment(env);
        all.put("ETCDCTL_COMPAT", line());
        return run(jetcdctl, args, all);
    }

    /** {@code env} with what the oracle always sets ({@code ETCDCTL_API=3} before 3.6), given to both tools. */
    private static Map<String, String> oracleEnvironment(Map<String, String> env) {
        Map<String, String> all = new LinkedHashMap<>(PLAIN_ETCD.etcdctl().environment());
        all.putAll(env);
        return all;
    }

    private static ProcessResult run(Path wrapped, List<String> args, Map<String, String> env) {
        List<String> command = new ArrayList<>();
        command.add(wrapped.toString());
        command.addAll(args);
        return ProcessRunner.run(command, null, env, dir, Duration.ofSeconds(60), false);
    }
}
