package io.github.jetcdctl.snapshot.raft;

/**
 * A restore flag error. The message is exactly what etcdutl 3.5 prints after {@code Error: }
 * (exit code 1).
 */
public class RestoreConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public RestoreConfigException(String message) {
        super(message);
    }
}
