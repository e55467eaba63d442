package io.github.jetcdctl.client;

import java.time.Duration;
import java.util.List;

/**
 * Everything the client factory needs to reach a cluster; built once from the global flags. {@code serverName},
 * when not empty, is the name every endpoint's TLS certificate is checked against (etcdctl 3.5's ServerName: the
 * --discovery-srv domain with --insecure-discovery=false); it turns TLS on.
 */
public record ConnectionSettings(
        List<String> endpoints,
        Duration dialTimeout,
        Duration commandTimeout,
        Duration keepaliveTime,
        Duration keepaliveTimeout,
        boolean insecureTransport,
        boolean insecureSkipTlsVerify,
        String cacert,
        String cert,
        String key,
        String user,
        String password,
        String serverName,
        MessageLimits messageLimits,
        String authToken) {

    public ConnectionSettings(List<String> endpoints, Duration dialTimeout, Duration commandTimeout,
            Duration keepaliveTime, Duration keepaliveTimeout, boolean insecureTransport,
            boolean insecureSkipTlsVerify, String cacert, String cert, String key, String user, String password) {
        this(endpoints, dialTimeout, commandTimeout, keepaliveTime, keepaliveTimeout, insecureTransport,
                insecureSkipTlsVerify, cacert, cert, key, user, password, "");
    }

    public ConnectionSettings(List<String> endpoints, Duration dialTimeout, Duration commandTimeout,
            Duration keepaliveTime, Duration keepaliveTimeout, boolean insecureTransport,
            boolean insecureSkipTlsVerify, String cacert, String cert, String key, String user, String password,
            String serverName) {
        this(endpoints, dialTimeout, commandTimeout, keepaliveTime, keepaliveTimeout, insecureTransport,
                insecureSkipTlsVerify, cacert, cert, key, user, password, serverName, MessageLimits.DEFAULTS, "");
    }

    /** TLS is on when any TLS file or a server name is given, an endpoint says https, or plaintext was refused. */
    public boolean usesTls() {
        return !cacert.isEmpty() || !cert.isEmpty() || !key.isEmpty() || !serverName.isEmpty() || !insecureTransport
                || endpoints.stream().anyMatch(e -> e.startsWith("https://") || e.startsWith("unixs://"));
    }

    /** As etcd's client: a user with an empty password connects anonymously. */
    public boolean hasCredentials() {
        return !user.isEmpty() && !password.isEmpty();
    }

    /** A JWT given by etcdctl 3.7's {@code --auth-jwt-token}, sent as the auth token instead of logging in. */
    public boolean hasAuthToken() {
        return !authToken.isEmpty();
    }

    /** etcdctl asks the member list for --cluster without credentials. */
    public ConnectionSettings withoutCredentials() {
        return new ConnectionSettings(endpoints, dialTimeout, commandTimeout, keepaliveTime, keepaliveTimeout,
                insecureTransport, insecureSkipTlsVerify, cacert, cert, key, "", "", serverName, messageLimits, "");
    }

    public ConnectionSettings withEndpoints(List<String> newEndpoints) {
        return new ConnectionSettings(newEndpoints, dialTimeout, commandTimeout, keepaliveTime, keepaliveTimeout,
                insecureTransport, insecureSkipTlsVerify, cacert, cert, key, user, password, serverName,
                messageLimits, authToken);
    }

    public ConnectionSettings withMessageLimits(MessageLimits limits) {
        return new ConnectionSettings(endpoints, dialTimeout, commandTimeout, keepaliveTime, keepaliveTimeout,
                insecureTransport, insecureSkipTlsVerify, cacert, cert, key, user, password, serverName, limits,
                authToken);
    }

    public ConnectionSettings withAuthToken(String token) {
        return new ConnectionSettings(endpoints, dialTimeout, commandTimeout, keepaliveTime, keepaliveTimeout,
                insecureTransport, insecureSkipTlsVerify, cacert, cert, key, user, password, serverName,
                messageLimits, token);
    }

    /** Never shows the password (settings may end up in debug output or exception messages). */
    @Override
    public String toString() {
        return "ConnectionSettings[endpoints=" + endpoints + ", user=" + user
                + ", password=" + (password.isEmpty() ? "" : "********")
                + ", authToken=" + (authToken.isEmpty() ? "" : "********") + "]";
    }
}
