package io.github.jetcdctl.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

    @Test
    void rejectsANonNumericPort() {
        assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("host:abc"));
    }
}
