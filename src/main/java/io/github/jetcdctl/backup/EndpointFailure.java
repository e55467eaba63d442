package io.github.jetcdctl.backup;

/** Why one endpoint gave no backup; the run goes on with the next. */
public record EndpointFailure(String endpoint, Kind kind, String message) {
    public enum Kind {
        /** Unreachable, refused, or the stream broke off. */
        UNAVAILABLE,
        /** A complete stream that did not verify. */
        NOT_VERIFIED
    }

    @Override
    public String toString() {
        return endpoint + ": " + message;
    }
}
