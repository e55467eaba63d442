package io.github.jetcdctl.backup;

import java.io.IOException;

import io.github.jetcdctl.snapshot.SnapshotSink;

/** Where a backup's snapshot comes from: one endpoint at a time. */
public interface SnapshotSource {
    /**
     * Streams the snapshot of the member at {@code endpoint} into {@code sink}.
     *
     * @return the cluster ID the member reports
     * @throws EndpointException the member could not be reached, or its stream broke off
     * @throws IOException       writing to the sink failed (a local problem: no other endpoint will help)
     */
    long stream(String endpoint, SnapshotSink sink) throws EndpointException, IOException;

    /** The endpoint did not deliver a snapshot. */
    final class EndpointException extends Exception {
        private static final long serialVersionUID = 1L;

        public EndpointException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
