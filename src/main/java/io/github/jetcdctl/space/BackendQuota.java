package io.github.jetcdctl.space;

import java.io.IOException;
import java.util.OptionalDouble;


import io.github.jetcdctl.client.api.StatusResponse;
import io.github.jetcdctl.client.ConnectionSettings;
import io.github.jetcdctl.client.ServerMetrics;

/**
 * A member's backend quota ({@code --quota-backend-bytes}) and where it came from: the server's own status
 * (etcd 3.6+), its {@code /metrics} page (every line), or the user's flag as the last resort.
 */
public record BackendQuota(long bytes, Source source) {
    /** Where the quota was learnt. */
    public enum Source {
        SERVER("server status"), METRICS("/metrics etcd_server_quota_backend_bytes"), FLAG("--quota-backend-bytes"),
        UNKNOWN("unknown");

        private final String description;

        Source(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    static final String QUOTA_METRIC = "etcd_server_quota_backend_bytes";

    public static final BackendQuota UNKNOWN = new BackendQuota(0, Source.UNKNOWN);

    public boolean known() {
        return source != Source.UNKNOWN;
    }

    /** The quota etcd 3.6 and later report in their status; 0 from a 3.5 server. */
    public static long serverReported(StatusResponse status) {
        return status.getDbSizeQuota();
    }

    /** The first source that answers, in the order above; {@code flagBytes} 0 when no flag was given. */
    public static BackendQuota of(StatusResponse status, String endpoint, ConnectionSettings settings,
            long flagBytes) {
        long reported = serverReported(status);
        if (reported > 0) {
            return new BackendQuota(reported, Source.SERVER);
        }
        try {
            String page = ServerMetrics.fetch(ServerMetrics.url(endpoint, settings), settings);
            OptionalDouble metric = ServerMetrics.sample(page, QUOTA_METRIC);
            if (metric.isPresent() && metric.getAsDouble() > 0) {
                return new BackendQuota((long) metric.getAsDouble(), Source.METRICS);
            }
        } catch (IOException e) {
            // no metrics page reachable (a proxy, a firewall): fall back to the flag
        }
        return fromFlag(flagBytes);
    }

    public static BackendQuota fromFlag(long flagBytes) {
        return flagBytes > 0 ? new BackendQuota(flagBytes, Source.FLAG) : UNKNOWN;
    }
}
