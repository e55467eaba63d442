package io.github.jetcdctl.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** resolv.conf as Go's resolver reads it, which decides which servers and names etcdctl asks. */
class ResolvConfTest {
    @Test
    void aTypicalFileGivesItsServersWithPort53AndItsOptions() {
        ResolvConf conf = ResolvConf.parse("""
                # written by a DHCP client
                ; another comment
                nameserver 10.255.255.53
                nameserver fe80::1%eth0
                nameserver dns.example.com
                nameserver 2001:db8::53
                nameserver 192.0.2.9
                search corp.example.com. example.com
                options ndots:2 timeout:3 attempts:4 rotate edns0
                """, "vm");
        assertEquals(List.of("10.255.255.53:53", "[fe80::1%eth0]:53", "[2001:db8::53]:53"), conf.servers());
        assertEquals(List.of("corp.example.com.", "example.com."), conf.search());
        assertEquals(2, conf.ndots());
        assertEquals(Duration.ofSeconds(3), conf.timeout());
        assertEquals(4, conf.attempts());
        assertTrue(conf.rotate());
    }

    @Test
    void anEmptyFileMeansTheLocalServerAndTheHostnamesDomain() {
        ResolvConf conf = ResolvConf.parse("", "node1.dc.example.com");
        assertEquals(List.of("127.0.0.1:53", "[::1]:53"), conf.servers());
        assertEquals(List.of("dc.example.com."), conf.search());
        assertEquals(1, conf.ndots());
        assertEquals(Duration.ofSeconds(5), conf.timeout());
        assertEquals(2, conf.attempts());
        assertFalse(conf.rotate());
        assertEquals(List.of(), ResolvConf.parse("", "vm").search());
    }

    @Test
    void optionValuesAreClampedAsGoDoes() {
        ResolvConf conf = ResolvConf.parse("options ndots:99 timeout:0 attempts:x\ndomain only.example\n", "");
        assertEquals(15, conf.ndots());
        assertEquals(Duration.ofSeconds(1), conf.timeout());
        assertEquals(1, conf.attempts());
        assertEquals(List.of("only.example."), conf.search());
        assertEquals(0, ResolvConf.parse("options ndots:0", "").ndots());
        // an empty search list falls back to the host name's domain, as in Go
        assertEquals(List.of("b."), ResolvConf.parse("search .", "a.b").search());
    }

    @Test
    void namesWithEnoughDotsAreTriedAsTheyAreFirst() {
        ResolvConf conf = ResolvConf.parse("nameserver 10.0.0.1\nsearch a.example b.example\n", "");
        assertEquals(List.of("_etcd-client._tcp.cluster.", "_etcd-client._tcp.cluster.a.example.",
                "_etcd-client._tcp.cluster.b.example."), conf.nameList("_etcd-client._tcp.cluster"));
        assertEquals(List.of("_etcd-client._tcp.cluster."), conf.nameList("_etcd-client._tcp.cluster."));
        ResolvConf manyDots = ResolvConf.parse("search a.example\noptions ndots:5\n", "");
        assertEquals(List.of("_etcd-client._tcp.cluster.a.example.", "_etcd-client._tcp.cluster."),
                manyDots.nameList("_etcd-client._tcp.cluster"));
        assertEquals(List.of(), conf.nameList("_etcd-client._tcp.hidden.onion."));
    }

    @Test
    void nameserversMustBeIpAddressesAsGoParsesThem() {
        for (String ip : List.of("1.2.3.4", "::1", "::", "2001:db8::1", "::ffff:10.0.0.1", "1:2:3:4:5:6:7:8",
                "1:2:3:4:5:6:7::", "fe80::1%eth0")) {
            assertTrue(IpLiterals.isIp(ip), ip);
        }
        for (String notIp : List.of("", "1.2.3", "1.2.3.04", "256.1.1.1", "1.2.3.4.5", "a.b.c.d", ":::",
                "1::2::3", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7:8::", "12345::", "fe80::1%", "localhost")) {
            assertFalse(IpLiterals.isIp(notIp), notIp);
        }
    }
}
