package io.github.jetcdctl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code daemon status} counts: the requests the daemon has taken (the status question counts itself) and
 * those it handed back to their clients.
 */
record DaemonCounts(long requests, long handedBack) {
    private static final Pattern REQUESTS = Pattern.compile("requests: (\\d+)");
    private static final Pattern HANDED_BACK = Pattern.compile("handed back: (\\d+)");

    static DaemonCounts parse(String status) {
        return new DaemonCounts(number(REQUESTS, status), number(HANDED_BACK, status));
    }

    /** The counts after this one and one more command, both served by the daemon itself. */
    DaemonCounts plusOneServed() {
        return new DaemonCounts(requests + 2, handedBack);
    }

    private static long number(Pattern pattern, String status) {
        Matcher m = pattern.matcher(status);
        assertTrue(m.find(), status);
        return Long.parseLong(m.group(1));
    }
}
