package io.github.jetcdctl.recovery;

/** A request the offline data cannot answer, in the words etcd uses for the same case. Its message is one line. */
public class RecoveryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RecoveryException(String message) {
        super(message);
    }
}
