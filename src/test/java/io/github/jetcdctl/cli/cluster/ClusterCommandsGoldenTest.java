package io.github.jetcdctl.cli.cluster;

import static io.github.jetcdctl.testing.SideBySide.assertSameResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.jetcdctl.testing.EtcdClusterExtension;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.ProcessResult;

/**
 * member list and endpoint status/hashkv/health on a 3-member mutual-TLS cluster, side by side with
 * etcdctl 3.5, with the operator's exact flags ({@code --cacert --cert --key --write-out=table
 * --endpoints=a,b,c}).
 */
class ClusterCommandsGoldenTest {
    @RegisterExtension
    static final EtcdClusterExtension ETCD = EtcdClusterExtension.threeMembersMutualTls();

    static final List<String> FORMATS = List.of("simple", "json", "fields", "protobuf", "table");

    @Test
    void memberListAndEndpointStatusTablesMatchEtcdctlByteForByte() {
        Jetcdctl jetcdctl = Jetcdctl.forCluster(ETCD.cluster());
        for (String command : List.of("member list", "endpoint status", "endpoint status --cluster",
                "endpoint hashkv", "endpoint hashkv --cluster", "member list --hex")) {
            for (String format : command.startsWith("member") ? List.of("simple", "table") : FORMATS) {
                List<String> args = new ArrayList<>(List.of(command.split(" ")));
                args.add("--write-out=" + format);
                assertSameResult(ETCD.etcdctl().run(args), jetcdctl.run(args, null), String.join(" ", args));
            }
        }
    }

    /**
     * With several endpoints, which member answers a member list is chosen by the client's balancer (its
     * ID is in the response header), so the formats that print the header are compared on one endpoint.
     */
    @Test
    void memberListWithHeaderMatchesEtcdctlOnOneEndpoint() {
        List<String> oneEndpoint = new ArrayList<>(ETCD.cluster().tlsFlags());
        oneEndpoint.add("--endpoints=" + ETCD.cluster().clientEndpoints().get(0));
        Jetcdctl jetcdctl = Jetcdctl.create().withGlobalArgs(oneEndpoint);
        var etcdctl = io.github.jetcdctl.testing.Etcdctl.of(ETCD.cluster().binaries()).withGlobalArgs(oneEndpoint);
        for (String format : List.of("json", "fields", "protobuf")) {
            for (String hex : List.of("--hex=false", "--hex")) {
                List<String> args = List.of("member", "list", "-w", format, hex);
                assertSameResult(etcdctl.run(args), jetcdctl.run(args, null), String.join(" ", args));
            }
        }
    }

    @Test
    void endpointHealthMatchesEtcdctlApartFromTimings() {
        Jetcdctl jetcdctl = Jetcdctl.forCluster(ETCD.cluster());
        for (String format : List.of("simple", "json", "fields", "table")) {
            List<String> args = List.of("endpoint", "health", "--cluster", "-w", format);
            ProcessResult expected = ETCD.etcdctl().run(args);
            ProcessResult actual = jetcdctl.run(args, null);
            assertEquals(expected.exitCode(), actual.exitCode(), String.join(" ", args));
            assertEquals(sortedLines(withoutTimings(expected)), sortedLines(withoutTimings(actual)),
                    String.join(" ", args));
        }
    }

    @Test
    void aStoppedMemberIsReportedLikeEtcdctlWhileTheOthersStillAnswer() {
        ETCD.cluster().member(2).stop();
        try {
            Jetcdctl jetcdctl = Jetcdctl.forCluster(ETCD.cluster()).withGlobalArgs(List.of("--command-timeout=2s"));
            List<String> status = List.of("endpoint", "status", "-w", "table");
            ProcessResult expected = ETCD.etcdctl().withGlobalArgs("--command-timeout=2s").run(status);
            ProcessResult actual = jetcdctl.run(status, null);
            assertEquals(expected.exitCode(), actual.exitCode());
            assertEquals(1, actual.exitCode());
            assertEquals(sortedLines(withoutTimings(expected)), sortedLines(withoutTimings(actual)));
            ProcessResult health = jetcdctl.run("endpoint", "health");
            assertEquals(1, health.exitCode());
            assertTrue(health.stderrText().contains(ETCD.cluster().member(2).clientEndpoint()
                    + " is unhealthy: failed to commit proposal: context deadline exceeded"), health.toString());
            assertTrue(health.stderrText().endsWith("Error: unhealthy cluster\n"), health.toString());
            ProcessResult get = jetcdctl.run("get", "nothing");
            assertEquals(0, get.exitCode(), get.toString());
        } finally {
            ETCD.cluster().member(2).start();
            ETCD.cluster().awaitHealthy();
        }
    }

    /** Durations differ run to run; everything else must be equal. */
    private static String withoutTimings(ProcessResult result) {
        String text = result.stdoutText() + "\n--stderr--\n" + String.join("\n",
                io.github.jetcdctl.testing.SideBySide.errorLines(result));
        return text.replace("[{", "[\n{").replace("}]", "}\n]").replace("},{", "}\n{").replaceAll("\\d+(\\.\\d+)?(ns|\u00b5s|ms|s)\\b", "<took>")
                .replaceAll("\\+-+", "+-").replaceAll(" +\\|", " |").replaceAll("\\| +", "| ");
    }

    private static List<String> sortedLines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n")));
        lines.sort(null);
        return lines;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
