package io.github.jetcdctl.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Compares jetcdctl's result with the real etcdctl's: stdout bytes, error lines and exit code. */
public final class SideBySide {
    private SideBySide() {
    }

    public static void assertSameResult(ProcessResult expected, ProcessResult actual, String what) {
        String context = what + "\n== etcdctl ==\n" + expected + "\n== jetcdctl ==\n" + actual;
        assertEquals(expected.exitCode(), actual.exitCode(), "exit code of " + context);
        assertArrayEquals(expected.stdout(), actual.stdout(), "stdout of " + context);
        assertEquals(errorLines(expected), errorLines(actual), "stderr of " + context);
    }

    /**
     * The result with each {@code took <duration>} (etcdctl 3.6's defrag lines) made {@code took <duration>}: how
     * long a member took is the one thing two runs cannot share.
     */
    public static ProcessResult withoutDurations(ProcessResult result) {
        return new ProcessResult(withoutDurations(result.stdoutText()).getBytes(StandardCharsets.UTF_8),
                withoutDurations(result.stderrText()).getBytes(StandardCharsets.UTF_8), result.exitCode());
    }

    private static String withoutDurations(String text) {
        return GO_DURATION_TAKEN.matcher(text).replaceAll("took <duration>");
    }

    private static final Pattern GO_DURATION_TAKEN =
            Pattern.compile("took (?:[0-9]+(?:\\.[0-9]+)?(?:ns|µs|us|ms|s|m|h))+");

    /**
     * The stderr lines a user reads. etcdctl's gRPC client also logs JSON retry warnings with timestamps
     * and random IDs; those are left out (jetcdctl prints none).
     */
    public static List<String> errorLines(ProcessResult result) {
        return Arrays.stream(result.stderrText().split("\n"))
                .filter(line -> !line.startsWith("{\"level\":\"warn\"") || line.contains("environment variable"))
                .filter(line -> !line.isEmpty())
                .collect(Collectors.toList());
    }
}
