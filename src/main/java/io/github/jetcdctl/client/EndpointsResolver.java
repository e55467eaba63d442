package io.github.jetcdctl.client;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
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
    private static volatile boolean registered;

    static synchronized void register() {
        if (!registered) {
            NameResolverRegistry.getDefaultRegistry().register(new EndpointsResolver());
            registered = true;
        }
    }

    static String target(List<Endpoint> endpoints, String serverName) {
        StringBuilder path = new StringBuilder("/");
        for (Endpoint e : endpoints) {
            path.append(path.length() == 1 ? "" : ",").append(e.address());
        }
        try {
            return new URI(SCHEME, "", path.toString(), serverName.isEmpty() ? null : SERVER_NAME + serverName,
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
        for (String item : targetUri.getPath().substring(1).split(",")) {
            endpoints.add(Endpoint.parse(item));
        }
        String query = targetUri.getQuery();
        String serverName = query != null && query.startsWith(SERVER_NAME) ? query.substring(SERVER_NAME.length())
                : "";
        return new FixedResolver(endpoints, serverName);
    }

    private static final class FixedResolver extends NameResolver {
        private final List<Endpoint> endpoints;
        private final String serverName;

        FixedResolver(List<Endpoint> endpoints, String serverName) {
            this.endpoints = endpoints;
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
            for (Endpoint e : endpoints) {
                InetSocketAddress address = new InetSocketAddress(e.host(), e.port());
                if (address.isUnresolved()) {
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

        @Override
        public void shutdown() {
        }
    }
}
