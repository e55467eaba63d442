package io.github.jetcdctl.cli.cluster;

import static io.github.jetcdctl.testing.SideBySide.assertSameResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.jetcdctl.testing.EtcdBinaries;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.LineClusters;
import io.github.jetcdctl.testing.ProcessResult;

/**
 * {@code endpoint status} and {@code endpoint hashkv}, whose output changed in etcdctl 3.6 and 3.7, in every
 * format: jetcdctl with each {@code --compat} line against the real etcdctl of that line, each against a
 * server of every line (3.5.16, 3.6.17, 3.7.4), so that a newer client against an older server and an older
 * client against a newer one are both covered.
 */
class EndpointOutputPerLineGoldenTest {
    private static final List<String> FORMATS = List.of("simple", "json", "fields", "table", "protobuf");

    @Test
    void everyLineMatchesItsEtcdctlAgainstEveryServer() throws InterruptedException {
        for (String server : EtcdBinaries.LINE_RELEASES) {
            LineClusters.etcdctl(server, server).run("put", "endpoint-lines/k", "v");
            // the db grows when the backend commits the put, within its 100 ms batch interval: let it settle
            Thread.sleep(500);
            for (String client : EtcdBinaries.LINE_RELEASES) {
                for (String command : List.of("endpoint status", "endpoint hashkv", "endpoint hashkv --rev=2")) {
                    for (String format : FORMATS) {
                        for (String hex : List.of("--hex=false", "--hex")) {
                            List<String> args = new ArrayList<>(List.of(command.split(" ")));
                            args.addAll(List.of("-w", format, hex));
                            assertSameResult(LineClusters.etcdctl(client, server).run(args),
                                    LineClusters.jetcdctl(client, server).run(args, null),
                                    "etcdctl " + client + " against etcd " + server + ": " + args);
                        }
                    }
                }
            }
        }
    }

    /** With no setting jetcdctl prints what etcdctl 3.6 prints, whatever the server's line. */
    @Test
    void theDefaultLineIsEtcdctl36() {
        List<String> args = List.of("endpoint", "status", "-w", "table");
        ProcessResult expected = LineClusters.etcdctl(EtcdBinaries.V3_6, EtcdBinaries.V3_7).run(args);
        assertTrue(expected.stdoutText().contains("STORAGE VERSION"), expected.toString());
        Jetcdctl jetcdctl = LineClusters.jetcdctl(EtcdBinaries.V3_6, EtcdBinaries.V3_7).withDefaultLine();
        assertSameResult(expected, jetcdctl.run(args, null), "default line against etcd 3.7");
    }

    @Test
    void anUnknownLineIsOneClearError() {
        Jetcdctl jetcdctl = LineClusters.jetcdctl(EtcdBinaries.V3_5, EtcdBinaries.V3_5);
        ProcessResult flag = jetcdctl.run("endpoint", "status", "--compat=3.8");
        assertEquals(1, flag.exitCode(), flag.toString());
        assertEquals("", flag.stdoutText());
        assertTrue(flag.stderrText().startsWith("Error: invalid argument \"3.8\" for \"--compat\" flag: "
                + "unknown etcdctl line \"3.8\" (use 3.5, 3.6, 3.7)\n"), flag.stderrText());

        ProcessResult variable = jetcdctl.forLine("4").run("endpoint", "status");
        assertEquals(1, variable.exitCode(), variable.toString());
        assertEquals("Error: ETCDCTL_COMPAT: unknown etcdctl line \"4\" (use 3.5, 3.6, 3.7)\n",
                variable.stderrText());
    }
}
