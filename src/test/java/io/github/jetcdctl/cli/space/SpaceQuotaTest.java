package io.github.jetcdctl.cli.space;

import static io.github.jetcdctl.cli.space.SpaceJson.number;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.github.jetcdctl.testing.EtcdBinaries;
import io.github.jetcdctl.testing.EtcdCluster;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.ProcessResult;

/**
 * Where the quota comes from on each etcd line: 3.5 reports it only on /metrics; 3.6 and 3.7 in their status
 * (StatusResponse field 12, which jetcd's 3.5 messages keep as an unknown field).
 */
class SpaceQuotaTest {
    private static final long QUOTA = 12_345_678;

    @ParameterizedTest
    @CsvSource({"3.5.16, metrics", "3.6.17, server", "3.7.4, server"})
    void theQuotaComesFromTheServerWhereItReportsIt(String version, String source) {
        EtcdBinaries binaries = EtcdBinaries.forTest(version);
        try (EtcdCluster cluster = EtcdCluster.builder().binaries(binaries)
                .extraArgs("--quota-backend-bytes=" + QUOTA).start()) {
            ProcessResult result = Jetcdctl.create().run("--endpoints=" + cluster.endpointsFlag(), "space", "-w",
                    "json");
            assertEquals(0, result.exitCode(), result.toString());
            Map<String, Object> summary = SpaceJson.ofType(SpaceJson.lines(result.stdoutText()), "summary").get(0);
            assertEquals(source, summary.get("quotaSource"), summary.toString());
            assertEquals(QUOTA, number(summary, "quota"));
        }
    }
}
