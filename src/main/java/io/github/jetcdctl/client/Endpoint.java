package io.github.jetcdctl.client;

/** One --endpoints item: {@code host:port}, {@code http://host:port} or {@code https://host:port}. */
public record Endpoint(String host, int port) {

    public static Endpoint parse(String text) {
        String s = text.trim();
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            s = s.substring(scheme + 3);
        }
        int slash = s.indexOf('/');
        if (slash >= 0) {
            s = s.substring(0, slash);
        }
        String host;
        String port;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("bad endpoint " + text);
            }
            host = s.substring(1, close);
            port = s.length() > close + 2 && s.charAt(close + 1) == ':' ? s.substring(close + 2) : "";
        } else {
            int colon = s.lastIndexOf(':');
            host = colon >= 0 ? s.substring(0, colon) : s;
            port = colon >= 0 ? s.substring(colon + 1) : "";
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("bad endpoint " + text);
        }
        int portNumber;
        if (port.isEmpty()) {
            portNumber = text.trim().startsWith("https://") ? 443 : 80;
        } else {
            try {
                portNumber = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad endpoint " + text);
            }
        }
        return new Endpoint(host, portNumber);
    }

    /** The host as written, with its port: what is resolved and dialled. */
    public String address() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /**
     * The authority used for TLS server-name checks: the host without the trailing dot of a fully qualified name
     * (DNS-discovered targets have one; Go's TLS drops it too), with its port.
     */
    public String authority() {
        return host.endsWith(".") && host.length() > 1 ? host.substring(0, host.length() - 1) + ":" + port
                : address();
    }
}
