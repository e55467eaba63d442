package io.github.jetcdctl.defrag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.jetcdctl.testing.EtcdCluster;
import io.github.jetcdctl.testing.EtcdClusterExtension;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.ProcessResult;

/** alarm recover on a real three-member cluster with a 4 MB quota, filled until NOSPACE. */
class AlarmRecoverTest {
    private static final long QUOTA = 4L << 20;

    @RegisterExtension
    static final EtcdClusterExtension ETCD = EtcdClusterExtension.of(EtcdCluster.builder().members(3)
            .extraArgs("--quota-backend-bytes=" + QUOTA));

    static final Jetcdctl JETCDCTL = Jetcdctl.create();

    private static ProcessResult jetcdctl(byte[] stdin, String... args) {
        List<String> all = new ArrayList<>(List.of("--endpoints=" + ETCD.endpointsFlag(), "--dial-timeout=10s"));
        all.addAll(List.of(args));
        return JETCDCTL.run(all, stdin);
    }

    /** Puts 50 KB values under distinct keys until etcd refuses one: batch stops at the first failure. */
    private static void fillUntilNospace(String prefix) {
        StringBuilder lines = new StringBuilder();
        String value = "x".repeat(50_000);
        for (int i = 0; i < 400; i++) {
            lines.append("put ").append(prefix).append(i).append(' ').append(value).append('\n');
        }
        ProcessResult result = jetcdctl(lines.toString().getBytes(StandardCharsets.UTF_8), "batch");
        assertTrue(result.stderrText().contains("database space exceeded"), result.toString());
    }

    @Test
    void oneCommandMakesANospaceClusterWritableAgainAndRefusesWhenTheLiveDataDoesNotFit() {
        ETCD.cluster().awaitHealthy();
        ProcessResult nothing = jetcdctl(null, "alarm", "recover");
        assertEquals(0, nothing.exitCode(), nothing.toString());
        assertEquals("no NOSPACE alarm: nothing to recover\n", nothing.stdoutText());

        fillUntilNospace("/big/");
        assertTrue(ETCD.etcdctl().run("alarm", "list").stdoutText().contains("alarm:NOSPACE"));

        // the live data alone (most of the quota) is over half of it: refused before anything is touched, alarms
        // left armed, the largest groups named
        ProcessResult refused = jetcdctl(null, "alarm", "recover", "--threshold", "0.5");
        assertEquals(DefragExitCodes.CANNOT_RECOVER, refused.exitCode(), refused.toString());
        assertTrue(refused.stderrText().contains("\nError: the live data alone ("), refused.toString());
        assertTrue(!refused.stdoutText().contains("defragment: "), refused.stdoutText()); // no plan ran
        assertTrue(refused.stdoutText().contains("largest groups"), refused.stdoutText());
        assertTrue(refused.stdoutText().contains("  /big/ "), refused.stdoutText());
        assertTrue(ETCD.etcdctl().run("alarm", "list").stdoutText().contains("alarm:NOSPACE"));
        assertTrue(ETCD.etcdctl().run("put", "/after", "v").stderrText().contains("database space exceeded"));
        ProcessResult refusedTable = jetcdctl(null, "alarm", "recover", "--threshold", "0.5", "-w", "table");
        assertEquals(DefragExitCodes.CANNOT_RECOVER, refusedTable.exitCode(), refusedTable.toString());
        // etcdctl 3.5's tables wrap long cells at 30 columns
        assertTrue(refusedTable.stdoutText().matches("(?s)\\+-.*\n\\| +alarms +\\| +NOSPACE on member +\\|\n.*"
                + "\n\\| +disarmed +\\| +none +\\|\n.*\\| +LARGEST GROUPS +\\| +KEYS +\\| +SIZE +\\|\n.*"
                + "\n\\| +/big/ +\\| +[1-9][0-9]* +\\| +[0-9.]+ MB +\\|\n.*"), refusedTable.stdoutText());

        // deleting is allowed under NOSPACE; the space comes back only after compaction and defragmentation
        ProcessResult deleted = ETCD.etcdctl().run("del", "/big/", "--prefix");
        assertEquals(0, deleted.exitCode(), deleted.toString());
        assertTrue(ETCD.etcdctl().run("put", "/after", "v").stderrText().contains("database space exceeded"));

        ProcessResult recovered = jetcdctl(null, "alarm", "recover", "-w", "json");
        assertEquals(0, recovered.exitCode(), recovered.toString());
        assertTrue(recovered.stdoutText().contains("\"defragmented\":3"), recovered.stdoutText());
        assertTrue(recovered.stdoutText().matches("(?s).*\"disarmed\":\\[\"NOSPACE on member [0-9a-f]+\".*"),
                recovered.stdoutText());
        assertEquals("", ETCD.etcdctl().run("alarm", "list").stdoutText());
        ProcessResult put = ETCD.etcdctl().run("put", "/after", "v");
        assertEquals(0, put.exitCode(), put.toString());
        assertEquals("OK\n", put.stdoutText());
    }
}
