package io.github.jetcdctl;

/** Process exit codes, the same numbers etcdctl uses (its pkg/cobrautl). */
public final class ExitCodes {
    public static final int SUCCESS = 0;
    /** Server errors, timeouts, command-line parse errors. */
    public static final int ERROR = 1;
    /** The client could not be built: no endpoints, failed authentication. */
    public static final int BAD_CONNECTION = 2;
    /**
     * The same number: Go's runtime exits with it on a panic. Where etcdutl panics on bad input (a db it cannot open),
     * we print one Error line and keep its code.
     */
    public static final int GO_PANIC = 2;
    public static final int INVALID_INPUT = 3;
    /** Unsupported output format and similar unsupported features. */
    public static final int BAD_FEATURE = 4;
    public static final int INTERRUPTED = 5;
    public static final int IO = 6;
    public static final int BAD_ARGS = 128;
    /** lock's child ended by a signal: Go's exit code for it is -1, which the process reports as 255. */
    public static final int SIGNALED_CHILD = 255;
    /** A shell reports a process killed by SIGPIPE as 128 + 13; we exit the same way when stdout closes. */
    public static final int BROKEN_PIPE = 141;

    private ExitCodes() {
    }
}
