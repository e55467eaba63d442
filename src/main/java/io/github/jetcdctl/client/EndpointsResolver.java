package io.github.jetcdctl.client;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
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
 * for all, which breaks TLS with several endpoints).
 */
final class EndpointsResolver extends NameResolverProvider {
    static final String SCHEME = "jetcdctl-endpoints";
    private static volatile boolean registered;

    static synchronized void register() {
        if (!registered) {
            NameResolverRegistry.getDefaultRegistry().register(new EndpointsResolver());
            registered = true;
        }
    }

    static String target(List<Endpoint> endpoints) {
        StringBuilder path = new StringBuilder();
        for (Endpoint e : endpoints) {
            path.append(path.length() == 0 ? "" : ",").append(e.authority());
        }
        return SCHEME + ":///" + path;
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
        return new FixedResolver(endpoints);
    }

    private static final class FixedResolver extends NameResolver {
        private final List<Endpoint> endpoints;

        FixedResolver(List<Endpoint> endpoints) {
            this.endpoints = endpoints;
        }

        @Override
        public String getServiceAuthority() {
            return endpoints.get(0).authority();
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
                        .set(EquivalentAddressGroup.ATTR_AUTHORITY_OVERRIDE, e.authority())
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
