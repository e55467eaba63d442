package io.github.jetcdctl.defrag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.jetcdctl.testing.EtcdBinaries;
import io.github.jetcdctl.testing.EtcdCluster;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.ProcessResult;

/**
 * alarm recover on the etcd 3.6 and 3.7 lines (3.5 has its own tests): a 3-member cluster with a 4 MB quota filled
 * to NOSPACE by rewriting a few keys; one command brings writes back, defragmenting the leader last, as the
 * members' own log lines show, and the quota comes from the server's status.
 */
class LineReleasesRecoverTest {
    private static final Pattern MEMBER = Pattern.compile("\\{\"id\":\"[0-9a-f]+\",\"name\":\"([^\"]*)\","
            + "\"endpoint\":\"[^\"]*\",\"role\":\"([a-z]+)\"");

    @ParameterizedTest
    @ValueSource(strings = {EtcdBinaries.V3_6, EtcdBinaries.V3_7})
    void oneCommandBringsWritesBackWithTheLeaderDefragmentedLast(String version) {
        EtcdBinaries binaries = EtcdBinaries.forTest(version);
        try (EtcdCluster cluster = EtcdCluster.builder().binaries(binaries).members(3)
                .extraArgs("--quota-backend-bytes=" + (4L << 20), "--log-level=info").start()) {
            cluster.awaitHealthy();
            // a loaded CI machine can take longer than the default 2 s to answer a fresh cluster's first dial
            Jetcdctl jetcdctl = Jetcdctl.create().withGlobalArgs(List.of("--endpoints=" + cluster.endpointsFlag(),
                    "--dial-timeout=10s"));
            StringBuilder lines = new StringBuilder();
            String value = "r".repeat(50_000);
            for (int i = 0; i < 400; i++) {
                lines.append("put /rewritten/").append(i % 10).append(' ').append(value).append('\n');
            }
            ProcessResult fill = jetcdctl.run(List.of("batch"), lines.toString().getBytes(StandardCharsets.UTF_8));
            assertTrue(fill.stderrText().contains("database space exceeded"), fill.toString());

            ProcessResult recovered = jetcdctl.run("alarm", "recover", "-w", "json");
            assertEquals(0, recovered.exitCode(), recovered.toString());
            String json = recovered.stdoutText();
            assertTrue(json.contains("\"defragmented\":3"), json);
            assertTrue(json.contains("\"quota\":" + (4L << 20)), json);
            assertEquals("OK\n", jetcdctl.run("put", "/after", "v").stdoutText());
            assertEquals("", cluster.etcdctl().run("alarm", "list").stdoutText());
            // -w table is drawn in the selected line's table style: box-drawing on 3.7, ASCII before
            ProcessResult table = jetcdctl.run("--compat", version, "alarm", "recover", "-w", "table");
            assertEquals(0, table.exitCode(), table.toString());
            String row = version.equals(EtcdBinaries.V3_7) ? "│ alarms │ none: nothing to recover │"
                    : "| alarms | none: nothing to recover |";
            assertTrue(table.stdoutText().contains("\n" + row + "\n"), table.stdoutText());

            List<String[]> plan = new ArrayList<>();
            Matcher m = MEMBER.matcher(json);
            while (m.find()) {
                plan.add(new String[] {m.group(1), m.group(2)});
            }
            assertEquals(3, plan.size(), json);
            assertEquals("leader", plan.get(2)[1]);
            Instant previousFinish = Instant.MIN;
            for (String[] planned : plan) {
                EtcdCluster.Member member = cluster.members().stream().filter(x -> x.name().equals(planned[0]))
                        .findFirst().orElseThrow();
                assertTrue(!ServerLogs.last(member, ServerLogs.STARTED).isBefore(previousFinish), planned[0]);
                previousFinish = ServerLogs.last(member, ServerLogs.FINISHED);
            }
        }
    }
}
