package io.github.jetcdctl.cli.auth;

import static io.github.jetcdctl.testing.SideBySide.assertSameResult;

import java.util.Arrays;
import java.util.stream.Collectors;

import io.github.jetcdctl.testing.ProcessResult;

/**
 * Side-by-side comparison for commands that ask for a password. Without a terminal etcdctl's password
 * reader runs {@code stty -echo} on the pipe, which complains on stderr ("stty: 'standard input':
 * Inappropriate ioctl for device"); jetcdctl deliberately does not, so those lines are left out.
 */
final class PasswordPromptSide {
    private PasswordPromptSide() {
    }

    static void assertSameIgnoringStty(ProcessResult expected, ProcessResult actual, String what) {
        assertSameResult(withoutStty(expected), actual, what);
    }

    static ProcessResult withoutStty(ProcessResult result) {
        String stderr = Arrays.stream(result.stderrText().split("\n", -1))
                .filter(line -> !line.startsWith("stty: "))
                .collect(Collectors.joining("\n"));
        return new ProcessResult(result.stdout(), stderr.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                result.exitCode());
    }
}
