package io.github.jetcdctl.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

import javax.net.ssl.HttpsURLConnection;

/**
 * Reads a member's Prometheus text from {@code <endpoint>/metrics}, as etcdctl's check datascale does. An
 * endpoint without a scheme is reached over https when the connection settings use TLS (etcdctl always uses
 * http then, which a TLS member refuses), and https uses the same files as the gRPC connection.
 */
public final class ServerMetrics {
    private ServerMetrics() {
    }

    /** The URL etcdctl would ask, with the scheme chosen as described above. */
    public static String url(String endpoint, ConnectionSettings settings) {
        String base = endpoint.trim();
        if (!base.startsWith("http://") && !base.startsWith("https://")) {
            base = (settings.usesTls() ? "https://" : "http://") + base;
        }
        return base + "/metrics";
    }

    /**
     * The body of the metrics page; an {@link IOException}'s message is the line etcdctl prints when there is
     * none ({@code fetch error: Get "URL": reason}, {@code client certificate error: reason}).
     */
    public static String fetch(String url, ConnectionSettings settings) throws IOException {
        HttpURLConnection connection;
        try {
            connection = (HttpURLConnection) new URI(url).toURL().openConnection();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("fetch error: parse " + quoted(url) + ": " + e.getMessage(), e);
        }
        if (connection instanceof HttpsURLConnection https) {
            try {
                https.setSSLSocketFactory(SslContexts.forHttps(settings).getSocketFactory());
            } catch (TlsConfigException e) {
                throw new IOException("client certificate error: " + e.getMessage(), e);
            }
        }
        connection.setConnectTimeout(timeoutMillis(settings.dialTimeout().toMillis()));
        connection.setReadTimeout(timeoutMillis(settings.commandTimeout().toMillis()));
        try {
            // like Go's http.Get, any status is fine: the body is searched for the metric either way
            InputStream body = connection.getResponseCode() >= 400 ? connection.getErrorStream()
                    : connection.getInputStream();
            if (body == null) {
                return "";
            }
            try (body) {
                return new String(body.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new IOException("fetch error: Get " + quoted(url) + ": " + reason(e, connection.getURL()), e);
        } finally {
            connection.disconnect();
        }
    }

    /**
     * The value of an unlabelled sample {@code name value} on a metrics page, if there is one that parses
     * ({@code etcd_server_quota_backend_bytes 2.147483648e+09}).
     */
    public static java.util.OptionalDouble sample(String page, String name) {
        for (String line : page.split("\n", -1)) {
            if (line.startsWith(name + " ")) {
                try {
                    return java.util.OptionalDouble.of(Double.parseDouble(line.substring(name.length()).strip()));
                } catch (NumberFormatException e) {
                    return java.util.OptionalDouble.empty();
                }
            }
        }
        return java.util.OptionalDouble.empty();
    }

    /** Go's words for a refused connection, the usual case; Java's message otherwise. */
    private static String reason(IOException e, java.net.URL url) {
        if (e instanceof java.net.ConnectException && "Connection refused".equals(e.getMessage())) {
            int port = url.getPort() >= 0 ? url.getPort() : url.getDefaultPort();
            return "dial tcp " + url.getHost() + ":" + port + ": connect: connection refused";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static int timeoutMillis(long millis) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, millis));
    }

    private static String quoted(String url) {
        return "\"" + url + "\"";
    }
}
