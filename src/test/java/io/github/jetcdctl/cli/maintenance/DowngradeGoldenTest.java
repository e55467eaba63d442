package io.github.jetcdctl.cli.maintenance;

import static io.github.jetcdctl.testing.SideBySide.assertSameResult;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.jetcdctl.testing.EtcdBinaries;
import io.github.jetcdctl.testing.LineClusters;
import io.github.jetcdctl.testing.ProcessResult;

/** {@code downgrade validate|enable|cancel}, added in etcdctl 3.6, against 3.6 and 3.7 servers; absent in 3.5. */
class DowngradeGoldenTest {
    @Test
    void everyActionAndItsErrorsAsEtcdctlOfTheServersLine() {
        for (String release : List.of(EtcdBinaries.V3_6, EtcdBinaries.V3_7)) {
            String previousMinor = release.equals(EtcdBinaries.V3_6) ? "3.5" : "3.6";
            for (List<String> args : List.of(
                    List.of("downgrade", "validate", previousMinor),
                    List.of("downgrade", "validate", previousMinor, "-w", "json"),
                    List.of("downgrade", "validate", previousMinor, "-w", "protobuf"),
                    List.of("downgrade", "validate", previousMinor, "-w", "fields"),
                    List.of("downgrade", "validate", "3.4"),
                    List.of("downgrade", "validate"),
                    List.of("downgrade", "validate", "3.5", "extra"),
                    List.of("downgrade", "enable"),
                    List.of("downgrade", "cancel"),
                    List.of("downgrade", "enable", previousMinor),
                    List.of("downgrade", "cancel"))) {
                ProcessResult expected = LineClusters.etcdctl(release, release).run(args);
                if (args.size() > 2 && args.get(1).equals("enable") && expected.exitCode() == 0) {
                    LineClusters.etcdctl(release, release).run("downgrade", "cancel");
                }
                ProcessResult actual = LineClusters.jetcdctl(release, release).run(args, null);
                assertSameResult(expected, actual, release + " " + args);
            }
        }
    }

    @Test
    void etcdctl35HasNoDowngradeCommand() {
        ProcessResult actual = LineClusters.jetcdctl(EtcdBinaries.V3_5, EtcdBinaries.V3_5)
                .run("downgrade", "validate", "3.4");
        ProcessResult expected = LineClusters.etcdctl(EtcdBinaries.V3_5, EtcdBinaries.V3_5)
                .run("downgrade", "validate", "3.4");
        assertEquals(expected.exitCode(), actual.exitCode(), actual.toString());
        // etcdctl 3.5 repeats the error line; jetcdctl prints it once (a deliberate difference)
        List<String> firstTwo = expected.stderrText().replace("etcdctl", "jetcdctl").lines().limit(2).toList();
        assertEquals(String.join("\n", firstTwo) + "\n", actual.stderrText());
    }
}
