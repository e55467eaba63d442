package io.github.jetcdctl.output;

import io.etcd.jetcd.api.Event;

/** Names of watch event types as Go's generated String() spells them. */
public final class WatchEvents {
    private WatchEvents() {
    }

    /** {@code PUT}, {@code DELETE}, or the number for a type etcd does not define. */
    public static String typeName(int type) {
        return switch (type) {
            case Event.EventType.PUT_VALUE -> "PUT";
            case Event.EventType.DELETE_VALUE -> "DELETE";
            default -> Integer.toString(type);
        };
    }
}
