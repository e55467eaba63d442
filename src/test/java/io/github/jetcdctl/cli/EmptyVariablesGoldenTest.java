package io.github.jetcdctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.jetcdctl.testing.EtcdBinaries;
import io.github.jetcdctl.testing.Etcdctl;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.LineClusters;
import io.github.jetcdctl.testing.ProcessResult;

/**
 * An ETCDCTL_* variable set to the empty string is not used by etcdctl: it draws the "unrecognized environment
 * variable" warning like an unknown one, and with its flag on the command line it is still the fatal conflict.
 */
class EmptyVariablesGoldenTest {
    static List<String> releases() {
        return EtcdBinaries.LINE_RELEASES;
    }

    @ParameterizedTest
    @MethodSource("releases")
    void anEmptyVariableIsUnrecognizedAndStillConflictsWithItsFlag(String release) {
        Etcdctl etcdctl = LineClusters.etcdctl(release, release).withEnv("ETCDCTL_HEX", "")
                .withEnv("ETCDCTL_KEY", "");
        Jetcdctl jetcdctl = LineClusters.jetcdctl(release, release).withEnv("ETCDCTL_HEX", "")
                .withEnv("ETCDCTL_KEY", "");
        for (List<String> args : List.of(List.of("get", "empty-variables/none"),
                List.of("get", "empty-variables/none", "--hex"))) {
            ProcessResult expected = etcdctl.run(args);
            ProcessResult actual = jetcdctl.run(args, null);
            assertEquals(expected.exitCode(), actual.exitCode(), release + " " + args + "\n" + actual);
            assertEquals(expected.stdoutText(), actual.stdoutText(), release + " " + args);
            assertEquals(MessageSizeFlagsPerLineGoldenTest.zapLines(expected),
                    MessageSizeFlagsPerLineGoldenTest.zapLines(actual), release + " " + args + "\n" + actual);
        }
    }
}
