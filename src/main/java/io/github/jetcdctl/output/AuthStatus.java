package io.github.jetcdctl.output;

import com.google.protobuf.Message;

/** The AuthStatus reply: the whole message for json/protobuf, and the two values simple prints. */
public record AuthStatus(Message response, boolean enabled, long authRevision) {
}
