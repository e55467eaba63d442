package io.github.jetcdctl.snapshot;

import java.io.IOException;

/**
 * A snapshot or bbolt file is malformed. The message is always a single line.
 *
 * <p>{@link #etcdutlMessage()} gives the text etcdutl 3.5 prints after {@code Error: } for the same damage, when etcdutl
 * reports it as an ordinary error (exit 1) rather than crashing; otherwise it is {@code null}.
 */
public class SnapshotFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String etcdutlMessage;

    public SnapshotFormatException(String message) {
        this(message, null);
    }

    public SnapshotFormatException(String message, String etcdutlMessage) {
        super(oneLine(message));
        this.etcdutlMessage = etcdutlMessage;
    }

    /** The message etcdutl would print for this error, or null when etcdutl would crash instead. */
    public String etcdutlMessage() {
        return etcdutlMessage;
    }

    static String oneLine(String s) {
        if (s == null) {
            return "malformed snapshot";
        }
        return s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }
}
