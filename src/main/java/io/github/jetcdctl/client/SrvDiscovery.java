package io.github.jetcdctl.client;

import java.util.ArrayList;
import java.util.List;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;

/**
 * etcd's DNS discovery of client endpoints ({@code --discovery-srv DOMAIN}): the SRV records of
 * {@code _etcd-client-ssl._tcp.DOMAIN} give {@code https://target:port} endpoints, then those of
 * {@code _etcd-client._tcp.DOMAIN} give {@code http://} ones; a service name X makes them
 * {@code _etcd-client-ssl-X} and {@code _etcd-client-X}. Targets keep their trailing dot, as etcdctl shows them.
 * One lookup may fail when the other succeeds; both failing is an error naming both.
 */
public final class SrvDiscovery {
    private static final String SERVICE = "etcd-client";

    private SrvDiscovery() {
    }

    /** Looks the endpoints up through the DNS servers of /etc/resolv.conf. */
    public static List<String> clientEndpoints(String domain, String serviceName) {
        return clientEndpoints(new SrvLookup(ResolvConf.read()), domain, serviceName);
    }

    static List<String> clientEndpoints(SrvLookup lookup, String domain, String serviceName) {
        List<String> endpoints = new ArrayList<>();
        String httpsError = lookUp(lookup, service("https", serviceName), domain, "https", endpoints);
        String httpError = lookUp(lookup, service("http", serviceName), domain, "http", endpoints);
        if (httpsError != null && httpError != null) {
            throw new CliException(ExitCodes.ERROR, "dns lookup errors: " + httpsError + " and " + httpError);
        }
        return endpoints;
    }

    /** Adds the endpoints of one service; returns the lookup's error, or null. */
    private static String lookUp(SrvLookup lookup, String service, String domain, String scheme,
            List<String> endpoints) {
        try {
            for (SrvRecord record : lookup.lookup(service, "tcp", domain)) {
                endpoints.add(scheme + "://" + record.target() + ":" + record.port());
            }
            return null;
        } catch (SrvLookup.SrvLookupException e) {
            return e.getMessage();
        }
    }

    private static String service(String scheme, String serviceName) {
        String service = scheme.equals("https") ? SERVICE + "-ssl" : SERVICE;
        return serviceName.isEmpty() ? service : service + "-" + serviceName;
    }
}
