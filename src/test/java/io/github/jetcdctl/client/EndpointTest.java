package io.github.jetcdctl.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

class EndpointTest {
    @Test
    void parsesHostAndPortWithOrWithoutScheme() {
        assertEquals(new Endpoint("127.0.0.1", 2379), Endpoint.parse("127.0.0.1:2379"));
        assertEquals(new Endpoint("etcd-0", 2379), Endpoint.parse("https://etcd-0:2379"));
        assertEquals(new Endpoint("localhost", 22379), Endpoint.parse("http://localhost:22379/"));
    }

    @Test
    void parsesBracketedIpv6() {
        Endpoint e = Endpoint.parse("[::1]:2379");
        assertEquals(new Endpoint("::1", 2379), e);
        assertEquals("[::1]:2379", e.authority());
    }

    /** A DNS-discovered target is fully qualified: it is dialled as such, and TLS checks it without the dot. */
    @Test
    void theRootDotOfADiscoveredTargetIsLeftOutOfTheTlsAuthority() {
        Endpoint e = Endpoint.parse("https://m0.example.test.:2379");
        assertEquals(new Endpoint("m0.example.test.", 2379), e);
        assertEquals("m0.example.test.:2379", e.address());
        assertEquals("m0.example.test:2379", e.authority());
    }

    @Test
    void theResolverTargetCarriesEveryAddressAndTheServerName() {
        List<Endpoint> endpoints = List.of(Endpoint.parse("m0.example.test.:2379"), Endpoint.parse("[::1]:2380"));
        URI plain = URI.create(EndpointsResolver.target(endpoints, ""));
        assertEquals("/m0.example.test.:2379,[::1]:2380", plain.getPath());
        assertNull(plain.getQuery());
        URI named = URI.create(EndpointsResolver.target(endpoints, "example.test"));
        assertEquals("/m0.example.test.:2379,[::1]:2380", named.getPath());
        assertEquals("server-name=example.test", named.getQuery());
    }

    @Test
    void rejectsANonNumericPort() {
        assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("host:abc"));
    }
}
