package io.github.jetcdctl.cli;

/**
 * Raised when a command run for a client process needs what only a process of its own has (a file named
 * relative to its working directory): the client runs the command line itself instead.
 */
final class ResidentDeclined extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ResidentDeclined(String reason) {
        super(reason, null, false, false);
    }
}
