package io.github.jetcdctl.testing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The outcome of running an external command (the real {@code etcdctl}, {@code etcdutl}, or
 * jetcdctl itself): raw stdout and stderr bytes and the exit code.
 */
public record ProcessResult(byte[] stdout, byte[] stderr, int exitCode) {

    private static final int TO_STRING_LIMIT = 4096;

    public ProcessResult {
        stdout = stdout == null ? new byte[0] : stdout;
        stderr = stderr == null ? new byte[0] : stderr;
    }

    /** The same result with other stdout bytes (tests normalise values that differ run to run). */
    public ProcessResult withStdout(byte[] newStdout) {
        return new ProcessResult(newStdout, stderr, exitCode);
    }

    /** Stdout decoded as UTF-8. */
    public String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    /** Stderr decoded as UTF-8. */
    public String stderrText() {
        return new String(stderr, StandardCharsets.UTF_8);
    }

    /** True when the exit code is 0. */
    public boolean succeeded() {
        return exitCode == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProcessResult other
                && exitCode == other.exitCode
                && Arrays.equals(stdout, other.stdout)
                && Arrays.equals(stderr, other.stderr);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(stdout) + Arrays.hashCode(stderr)) + exitCode;
    }

    @Override
    public String toString() {
        return "ProcessResult[exitCode=" + exitCode + "]\n"
                + "--- stdout (" + stdout.length + " bytes) ---\n" + abbreviate(stdoutText())
                + "--- stderr (" + stderr.length + " bytes) ---\n" + abbreviate(stderrText())
                + "---";
    }

    private static String abbreviate(String s) {
        if (s.length() > TO_STRING_LIMIT) {
            s = s.substring(0, TO_STRING_LIMIT) + "\n... (" + (s.length() - TO_STRING_LIMIT) + " more chars)";
        }
        return s.isEmpty() || s.endsWith("\n") ? s : s + "\n";
    }
}
