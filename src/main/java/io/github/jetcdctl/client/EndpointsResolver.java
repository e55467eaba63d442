package io.github.jetcdctl.client;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.grpc.Attributes;
import io.grpc.EquivalentAddressGroup;
import io.grpc.NameResolver;
import io.grpc.NameResolverProvider;
import io.grpc.NameResolverRegistry;
import io.grpc.Status;

/**
 * Resolves a fixed endpoint list, giving each address its own authority so that TLS checks every member's
 * certificate against the host name that member was reached by (jetcd's own resolver uses one authority
 * for all, which breaks TLS with several endpoints), or against one server name given for all (etcdctl's
 * TLS ServerName), carried in the target's query.
 */
final class EndpointsResolver extends NameResolverProvider {
    static final String SCHEME = "jetcdctl-endpoints";
    private static final String SERVER_NAME = "server-name=";
    private static final char RESOLVED = '=';
    private static volatile boolean registered;

    static synchronized void register() {
        if (!registered) {
            NameResolverRegistry.getDefaultRegistry().register(new EndpointsResolver());
            registered = true;
        }
    }

    static String target(List<Endpoint> endpoints, String serverName) {
        List<String> items = new ArrayList<>();
        for (Endpoint e : endpoints) {
            items.add(e.address());
        }
        return uri(items, serverName);
    }

    /**
     * The same, with each host name resolved now, once, as the channel would when it starts ({@code host:port=IP},
     * or {@code host:port=} for a name that does not resolve, which the channel skips as it skips one it cannot
     * resolve itself): a channel kept by the resident jetcdctl is found again only by a request whose own lookup
     * gave the same addresses.
     */
    static String resolvedTarget(List<Endpoint> endpoints, String serverName) {
        List<String> items = new ArrayList<>();
        for (Endpoint e : endpoints) {
            String address;
            try {
                address = InetAddress.getByName(e.host()).getHostAddress();
            } catch (UnknownHostException | SecurityException unresolved) {
                address = "";
            }
            items.add(e.address() + RESOLVED + address);
        }
        return uri(items, serverName);
    }

    private static String uri(List<String> items, String serverName) {
        String path = "/" + String.join(",", items);
        try {
            return new URI(SCHEME, "", path, serverName.isEmpty() ? null : SERVER_NAME + serverName,
                    null).toString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("bad endpoint list " + path, e);
        }
    }

    @Override
    protected boolean isAvailable() {
        return true;
    }

    @Override
    protected int priority() {
        return 5;
    }

    @Override
    public String getDefaultScheme() {
        return SCHEME;
    }

    @Override
    public Collection<Class<? extends SocketAddress>> getProducedSocketAddressTypes() {
        return List.of(InetSocketAddress.class);
    }

    @Override
    public NameResolver newNameResolver(URI targetUri, NameResolver.Args args) {
        if (!SCHEME.equals(targetUri.getScheme())) {
            return null;
        }
        List<Endpoint> endpoints = new ArrayList<>();
        List<String> resolved = new ArrayList<>();
        for (String item : targetUri.getPath().substring(1).split(",")) {
            int mark = item.lastIndexOf(RESOLVED);
            endpoints.add(Endpoint.parse(mark < 0 ? item : item.substring(0, mark)));
            resolved.add(mark < 0 ? null : item.substring(mark + 1));
        }
        String query = targetUri.getQuery();
        String serverName = query != null && query.startsWith(SERVER_NAME) ? query.substring(SERVER_NAME.length())
                : "";
        return new FixedResolver(endpoints, resolved, serverName);
    }

    private static final class FixedResolver extends NameResolver {
        private final List<Endpoint> endpoints;
        /** Per endpoint: the address resolved when the target was made ("" for none), or null to resolve now. */
        private final List<String> resolved;
        private final String serverName;

        FixedResolver(List<Endpoint> endpoints, List<String> resolved, String serverName) {
            this.endpoints = endpoints;
            this.resolved = resolved;
            this.serverName = serverName;
        }

        @Override
        public String getServiceAuthority() {
            return authority(endpoints.get(0));
        }

        /** What TLS checks the endpoint's certificate against: the server name if given (no root dot), or its host. */
        private String authority(Endpoint e) {
            return serverName.isEmpty() ? e.authority() : new Endpoint(serverName, e.port()).authority();
        }

        @Override
        public void start(Listener2 listener) {
            List<EquivalentAddressGroup> groups = new ArrayList<>();
            for (int i = 0; i < endpoints.size(); i++) {
                Endpoint e = endpoints.get(i);
                InetSocketAddress address = address(e, resolved.get(i));
                if (address == null || address.isUnresolved()) {
                    continue;
                }
                Attributes attributes = Attributes.newBuilder()
                        .set(EquivalentAddressGroup.ATTR_AUTHORITY_OVERRIDE, authority(e))
                        .build();
                groups.add(new EquivalentAddressGroup(address, attributes));
            }
            if (groups.isEmpty()) {
                listener.onError(Status.UNAVAILABLE.withDescription("no endpoint could be resolved"));
                return;
            }
            listener.onResult(ResolutionResult.newBuilder().setAddresses(groups).build());
        }

        /** The endpoint's address: looked up now, or the one given (an IP literal: no lookup), null if none. */
        private static InetSocketAddress address(Endpoint e, String resolved) {
            if (resolved == null) {
                return new InetSocketAddress(e.host(), e.port());
            }
            if (resolved.isEmpty()) {
                return null;
            }
            try {
                InetAddress literal = InetAddress.getByName(resolved);
                // named as the endpoint's host, so that nothing ever looks the name up again from the address
                InetAddress named = literal instanceof Inet6Address v6
                        ? Inet6Address.getByAddress(e.host(), v6.getAddress(), v6.getScopeId())
                        : InetAddress.getByAddress(e.host(), literal.getAddress());
                return new InetSocketAddress(named, e.port());
            } catch (UnknownHostException ignored) {
                return null; // not an address: cannot come from resolvedTarget
            }
        }

        @Override
        public void shutdown() {
        }
    }
}
