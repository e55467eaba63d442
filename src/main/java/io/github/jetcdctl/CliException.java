package io.github.jetcdctl;

/**
 * A failure that ends the command with {@code Error: <message>} on stderr and the given exit code,
 * the way etcdctl's ExitWithError does.
 */
public class CliException extends RuntimeException {
    private final int exitCode;

    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    public static CliException badArgs(String message) {
        return new CliException(ExitCodes.BAD_ARGS, message);
    }

    public static CliException badFeature(String message) {
        return new CliException(ExitCodes.BAD_FEATURE, message);
    }
}
