package io.github.jetcdctl.cli.cluster;

import static io.github.jetcdctl.testing.SideBySide.assertSameResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.jetcdctl.testing.EtcdBinaries;
import io.github.jetcdctl.testing.EtcdCluster;
import io.github.jetcdctl.testing.Etcdctl;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.ProcessResult;

/**
 * {@code endpoint status} and {@code endpoint hashkv}, whose output changed in etcdctl 3.6 and 3.7, in every
 * format: jetcdctl with each {@code --compat} line against the real etcdctl of that line, each against a
 * server of every line (3.5.16, 3.6.17, 3.7.4), so that a newer client against an older server and an older
 * client against a newer one are both covered.
 */
class EndpointOutputPerLineGoldenTest {
    private static final Map<String, EtcdCluster> SERVERS = new LinkedHashMap<>();
    private static final List<String> FORMATS = List.of("simple", "json", "fields", "table", "protobuf");

    @BeforeAll
    static void startOneServerPerLine() {
        for (String release : EtcdBinaries.LINE_RELEASES) {
            EtcdBinaries binaries = EtcdBinaries.forTest(release);
            EtcdCluster cluster = EtcdCluster.builder().binaries(binaries).start();
            SERVERS.put(release, cluster);
            cluster.etcdctl().run("put", "k", "v");
        }
    }

    @AfterAll
    static void stopServers() {
        SERVERS.values().forEach(EtcdCluster::close);
        SERVERS.clear();
    }

    @Test
    void everyLineMatchesItsEtcdctlAgainstEveryServer() {
        for (EtcdCluster server : SERVERS.values()) {
            for (String client : EtcdBinaries.LINE_RELEASES) {
                Etcdctl etcdctl = Etcdctl.of(EtcdBinaries.forTest(client)).withGlobalArgs(server.connectionFlags());
                Jetcdctl jetcdctl = Jetcdctl.create().forLine(EtcdBinaries.lineOf(client))
                        .withGlobalArgs(server.connectionFlags());
                for (String command : List.of("endpoint status", "endpoint hashkv", "endpoint hashkv --rev=2")) {
                    for (String format : FORMATS) {
                        for (String hex : List.of("--hex=false", "--hex")) {
                            List<String> args = new ArrayList<>(List.of(command.split(" ")));
                            args.add("-w");
                            args.add(format);
                            args.add(hex);
                            assertSameResult(etcdctl.run(args), jetcdctl.run(args, null),
                                    "etcdctl " + client + " against etcd " + server.version() + ": " + args);
                        }
                    }
                }
            }
        }
    }

    /** With no setting jetcdctl prints what etcdctl 3.6 prints, whatever the server's line. */
    @Test
    void theDefaultLineIsEtcdctl36() {
        EtcdCluster newest = SERVERS.get(EtcdBinaries.V3_7);
        Etcdctl etcdctl36 = Etcdctl.of(EtcdBinaries.forTest(EtcdBinaries.V3_6)).withGlobalArgs(newest.connectionFlags());
        Jetcdctl jetcdctl = Jetcdctl.create().withDefaultLine().withGlobalArgs(newest.connectionFlags());
        List<String> args = List.of("endpoint", "status", "-w", "table");
        ProcessResult expected = etcdctl36.run(args);
        assertTrue(expected.stdoutText().contains("STORAGE VERSION"), expected.toString());
        assertSameResult(expected, jetcdctl.run(args, null), "default line against etcd 3.7");
    }

    @Test
    void anUnknownLineIsOneClearError() {
        EtcdCluster any = SERVERS.values().iterator().next();
        ProcessResult flag = Jetcdctl.create().withGlobalArgs(any.connectionFlags())
                .run("endpoint", "status", "--compat=3.8");
        assertEquals(1, flag.exitCode(), flag.toString());
        assertEquals("", flag.stdoutText());
        assertTrue(flag.stderrText().startsWith("Error: invalid argument \"3.8\" for \"--compat\" flag: "
                + "unknown etcdctl line \"3.8\" (use 3.5, 3.6, 3.7)\n"), flag.stderrText());

        ProcessResult variable = Jetcdctl.create().forLine("4").withGlobalArgs(any.connectionFlags())
                .run("endpoint", "status");
        assertEquals(1, variable.exitCode(), variable.toString());
        assertEquals("Error: ETCDCTL_COMPAT: unknown etcdctl line \"4\" (use 3.5, 3.6, 3.7)\n",
                variable.stderrText());
    }
}
