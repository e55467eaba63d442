package io.github.jetcdctl.cli.maintenance;

import static io.github.jetcdctl.testing.SideBySide.assertSameResult;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.jetcdctl.testing.EtcdBinaries;
import io.github.jetcdctl.testing.Etcdctl;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.LineClusters;
import io.github.jetcdctl.testing.ProcessResult;

/** {@code downgrade validate|enable|cancel}, added in etcdctl 3.6, against 3.6 and 3.7 servers; absent in 3.5. */
class DowngradeGoldenTest {
    @Test
    void everyActionAndItsErrorsAsEtcdctlOfTheServersLine() throws InterruptedException {
        for (String release : List.of(EtcdBinaries.V3_6, EtcdBinaries.V3_7)) {
            String previousMinor = release.equals(EtcdBinaries.V3_6) ? "3.5" : "3.6";
            Etcdctl etcdctl = LineClusters.etcdctl(release, release);
            Jetcdctl jetcdctl = LineClusters.jetcdctl(release, release);
            awaitClusterVersion(etcdctl, previousMinor);
            for (List<String> args : List.of(
                    List.of("downgrade", "validate", previousMinor),
                    List.of("downgrade", "validate", previousMinor, "-w", "json"),
                    List.of("downgrade", "validate", previousMinor, "-w", "protobuf"),
                    List.of("downgrade", "validate", previousMinor, "-w", "fields"),
                    List.of("downgrade", "validate", "3.4"),
                    List.of("downgrade", "validate"),
                    List.of("downgrade", "validate", "3.5", "extra"),
                    List.of("downgrade", "enable"),
                    List.of("downgrade", "cancel"))) {
                assertSameResult(etcdctl.run(args), jetcdctl.run(args, null), release + " " + args);
            }
            // each tool starts a downgrade and cancels it in turn, so both see the same state
            ProcessResult enabledByEtcdctl = etcdctl.run("downgrade", "enable", previousMinor);
            ProcessResult cancelledByEtcdctl = etcdctl.run("downgrade", "cancel");
            // enabling a downgrade lowers the cluster version at once; after a cancel it comes back a moment later
            awaitClusterVersion(etcdctl, previousMinor);
            ProcessResult enabledByJetcdctl = jetcdctl.run("downgrade", "enable", previousMinor);
            ProcessResult cancelledByJetcdctl = jetcdctl.run("downgrade", "cancel");
            assertEquals(0, enabledByEtcdctl.exitCode(), enabledByEtcdctl.toString());
            assertSameResult(enabledByEtcdctl, enabledByJetcdctl, release + " downgrade enable");
            assertSameResult(cancelledByEtcdctl, cancelledByJetcdctl, release + " downgrade cancel");
            awaitClusterVersion(etcdctl, previousMinor);
        }
    }

    /** A new cluster settles its cluster version shortly after it starts; until then a downgrade is refused. */
    private static void awaitClusterVersion(Etcdctl etcdctl, String target) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (etcdctl.run("downgrade", "validate", target).exitCode() == 0) {
                return;
            }
            Thread.sleep(100);
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
