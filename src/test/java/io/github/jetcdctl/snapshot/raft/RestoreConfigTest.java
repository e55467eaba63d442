package io.github.jetcdctl.snapshot.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Messages below were produced by etcdutl 3.5.16 with the same flags. */
class RestoreConfigTest {
    private static RestoreConfig cfg(String name, String cluster, String token, String peers) {
        return new RestoreConfig(name, cluster, token, peers);
    }

    private static String error(RestoreConfig c) {
        return assertThrows(RestoreConfigException.class, c::plan).getMessage();
    }

    private static String errorCluster(String cluster) {
        return error(RestoreConfig.defaults().withInitialCluster(cluster));
    }

    @Test
    void defaults() throws Exception {
        ClusterPlan p = RestoreConfig.defaults().plan();
        assertEquals("8e9e05c52164694d", p.local().hexId());
        assertEquals("cdf818194e3a8c32", p.clusterIdHex());
        assertEquals("default", p.local().name());
        assertEquals(List.of("http://localhost:2380"), p.local().peerUrls());
        assertEquals(1, p.snapshotIndex());
        assertEquals(1, p.term());
    }

    @Test
    void a1() throws Exception {
        ClusterPlan p = cfg("r1", "r1=http://127.0.0.1:23390", "tokA", "http://127.0.0.1:23390").plan();
        assertEquals("ecff9cfff5f24892", p.local().hexId());
        assertEquals("787863c388be3479", p.clusterIdHex());
    }

    @Test
    void b3RaftOrder() throws Exception {
        String ic = "m1=http://127.0.0.1:23391,m2=http://127.0.0.1:23393,m3=http://127.0.0.1:23395";
        ClusterPlan p = cfg("m2", ic, "tok3", "http://127.0.0.1:23393").plan();
        assertEquals("8763d3456d5ab006", p.local().hexId());
        assertEquals("be159338b7d7d2b0", p.clusterIdHex());
        assertEquals(List.of("m3", "m1", "m2"), p.members().stream().map(Member::name).toList());
        assertEquals(3, p.snapshotIndex());
    }

    @Test
    void repeatedNameUrlsSortedAndAdvertiseOrderFree() throws Exception {
        String ic = "x&y<z>=http://127.0.0.2:23390,x&y<z>=http://127.0.0.1:23390,\u00fcn\u00ef=http://127.0.0.1:23392,q=https://[::1]:23394";
        ClusterPlan p = cfg("x&y<z>", ic, "tok \"quoted\"", "http://127.0.0.2:23390,http://127.0.0.1:23390").plan();
        assertEquals("35409dec3435899c", p.local().hexId());
        assertEquals(List.of("http://127.0.0.1:23390", "http://127.0.0.2:23390"), p.local().peerUrls());
        assertEquals("41fd9fbcc139b0ae", p.clusterIdHex());
        assertEquals(List.of("9fe7095e92f074a", "2a51690cada10bea", "35409dec3435899c"),
                p.members().stream().map(Member::hexId).toList());
    }

    @Test
    void localNameMissing() {
        assertEquals("couldn't find local name \"foo\" in the initial cluster configuration",
                error(RestoreConfig.defaults().withName("foo")));
        assertEquals("couldn't find local name \"default\" in the initial cluster configuration", errorCluster(""));
        assertEquals("couldn't find local name \"default\" in the initial cluster configuration",
                errorCluster("=http://localhost:2380"));
    }

    @Test
    void advertiseMismatchAfterResolution() {
        List<String> log = new ArrayList<>();
        RestoreConfig c = cfg("r1", "r1=http://127.0.0.1:23390", "tokA", "http://localhost:2380");
        String msg = assertThrows(RestoreConfigException.class,
                () -> c.plan(UrlResolver.system(), (u, h, r) -> log.add(u + " " + h + " " + r))).getMessage();
        assertEquals("--initial-cluster has r1=http://127.0.0.1:23390 but missing from "
                + "--initial-advertise-peer-urls=http://localhost:2380 (resolved urls: \"http://localhost:2380\" != "
                + "\"http://127.0.0.1:23390\")", msg);
        assertEquals(List.of("http://127.0.0.1:23390 127.0.0.1:23390 127.0.0.1:23390"), log);
    }

    @Test
    void advertiseExtraUrl() {
        assertEquals("--initial-advertise-peer-urls has http://localhost:2381 but missing from "
                + "--initial-cluster=default=http://localhost:2380,default=http://localhost:2381",
                error(RestoreConfig.defaults().withInitialAdvertisePeerUrls("http://localhost:2380,http://localhost:2381")));
        assertEquals("--initial-advertise-peer-urls has http://127.0.0.1:2381 but missing from "
                + "--initial-cluster=default=http://127.0.0.1:2381,default=http://localhost:2380",
                error(RestoreConfig.defaults().withInitialAdvertisePeerUrls("http://localhost:2380,http://127.0.0.1:2381")));
    }

    @Test
    void advertiseLengthMismatch() {
        assertEquals("--initial-cluster has default=http://127.0.0.1:2381,default=http://localhost:2380 but missing "
                + "from --initial-advertise-peer-urls=http://localhost:2381 (len([\"http://localhost:2381\"]) != "
                + "len([\"http://127.0.0.1:2381\" \"http://localhost:2380\"]))",
                error(cfg("default", "default=http://localhost:2380,default=http://127.0.0.1:2381", "etcd-cluster",
                        "http://localhost:2381")));
    }

    @Test
    void ipv6ResolvesToSameAddress() throws Exception {
        List<String> log = new ArrayList<>();
        ClusterPlan p = cfg("default", "default=http://[0:0::1]:2380", "etcd-cluster", "http://[::1]:2380")
                .plan(UrlResolver.system(), (u, h, r) -> log.add(u + " " + h + " " + r));
        assertEquals(List.of("http://[0:0::1]:2380"), p.local().peerUrls());
        assertEquals(List.of("http://[::1]:2380 [::1]:2380 [::1]:2380",
                "http://[0:0::1]:2380 [0:0::1]:2380 [::1]:2380"), log);
    }

    @Test
    void urlErrors() {
        assertEquals("URL scheme must be http, https, unix, or unixs: ftp://localhost:2380",
                errorCluster("default=ftp://localhost:2380"));
        assertEquals("URL address does not have the form \"host:port\": http://localhost",
                errorCluster("default=http://localhost"));
        assertEquals("URL must not contain a path: http://localhost:2380/x", errorCluster("default=http://localhost:2380/x"));
        assertEquals("URL must not contain a path: http://localhost:2380/", errorCluster("default=http://localhost:2380/"));
        assertEquals("URL scheme must be http, https, unix, or unixs: ", errorCluster("default=http://localhost:2380,b"));
        assertEquals("parse \"http://localhost:abc\": invalid port \":abc\" after host",
                errorCluster("default=http://localhost:abc"));
        assertEquals("parse \"127.0.0.1:2380\": first path segment in URL cannot contain colon",
                errorCluster("default=127.0.0.1:2380"));
        assertEquals("URL scheme must be http, https, unix, or unixs: localhost:2380", errorCluster("default=localhost:2380"));
        assertEquals("parse \"://x\": missing protocol scheme", errorCluster("default=://x"));
        assertEquals("parse \"http://[::1:2380\": missing ']' in host", errorCluster("default=http://[::1:2380"));
        assertEquals("parse \"http://a b:2380\": invalid character \" \" in host name", errorCluster("default=http://a b:2380"));
        assertEquals("parse \"http://localhost:2380%zz\": invalid port \":2380%zz\" after host",
                errorCluster("default=http://localhost:2380%zz"));
        assertEquals("URL scheme must be http, https, unix, or unixs: ftp://x:1",
                error(RestoreConfig.defaults().withInitialAdvertisePeerUrls("ftp://x:1")));
        assertEquals("URL scheme must be http, https, unix, or unixs: ",
                error(RestoreConfig.defaults().withInitialAdvertisePeerUrls("")));
        assertEquals("URL scheme must be http, https, unix, or unixs: ",
                error(RestoreConfig.defaults().withInitialAdvertisePeerUrls(",")));
    }

    @Test
    void queryAndFragmentKeptInUrl() {
        assertEquals("--initial-cluster has default=http://localhost:2380?a=b but missing from "
                + "--initial-advertise-peer-urls=http://localhost:2380 (resolved urls: \"http://localhost:2380\" != "
                + "\"http://localhost:2380?a=b\")", errorCluster("default=http://localhost:2380?a=b"));
        assertEquals("--initial-cluster has default=http://localhost:2380#frag but missing from "
                + "--initial-advertise-peer-urls=http://localhost:2380 (resolved urls: \"http://localhost:2380\" != "
                + "\"http://localhost:2380#frag\")", errorCluster("default=http://localhost:2380#frag"));
    }

    @Test
    void userinfoEscapedInString() {
        assertEquals("--initial-cluster has default=http://a%21b@localhost:2380 but missing from "
                + "--initial-advertise-peer-urls=http://localhost:2380 (resolved urls: \"http://localhost:2380\" != "
                + "\"http://a%21b@localhost:2380\")", errorCluster("default=http://a!b@localhost:2380"));
        assertEquals("--initial-cluster has default=unix:rel but missing from "
                + "--initial-advertise-peer-urls=http://localhost:2380 (resolved urls: \"http://localhost:2380\" != "
                + "\"unix:rel\")", errorCluster("default=unix:rel"));
        assertEquals("parse \"http://h:1#a%zz\": invalid URL escape \"%zz\"", errorCluster("default=http://h:1#a%zz"));
    }

    @Test
    void duplicateUrl() {
        assertEquals("initial cluster b=http://localhost:2380,default=http://localhost:2380 has duplicate url",
                errorCluster("default=http://localhost:2380,b=http://localhost:2380"));
        assertEquals("initial cluster b=http://localhost:2380,c=http://127.0.0.1:1,default=http://localhost:2380 has duplicate url",
                errorCluster("default=http://localhost:2380,b=http://localhost:2380,c=http://127.0.0.1:1"));
    }

    @Test
    void accepted() throws Exception {
        RestoreConfig d = RestoreConfig.defaults();
        assertEquals(2, d.withInitialCluster("default=http://localhost:2380,,b=http://localhost:2381").plan().members().size());
        assertEquals("8e9e05c52164694d", d.withInitialCluster("default= http://localhost:2380 ").plan().local().hexId());
        // scheme is lower-cased by url.Parse, so the ID is the default one
        assertEquals("8e9e05c52164694d", d.withInitialCluster("default=HTTP://localhost:2380").plan().local().hexId());
        assertEquals(List.of("http://LOCALHOST:2380"), d.withInitialCluster("default=http://LOCALHOST:2380")
                .withInitialAdvertisePeerUrls("http://LOCALHOST:2380").plan().local().peerUrls());
        assertEquals(List.of("unix:///tmp/x"), d.withInitialCluster("default=unix:///tmp/x")
                .withInitialAdvertisePeerUrls("unix:///tmp/x").plan().local().peerUrls());
        assertEquals(List.of("http://user@localhost:2380"), d.withInitialCluster("default=http://user@localhost:2380")
                .withInitialAdvertisePeerUrls("http://user@localhost:2380").plan().local().peerUrls());
        assertEquals(List.of("unix://localhost:2380"), d.withInitialCluster("default=unix://localhost:2380")
                .withInitialAdvertisePeerUrls("unix://localhost:2380").plan().local().peerUrls());
    }

    @Test
    void goUrlStringRoundTrip() throws Exception {
        for (String s : new String[] {"http://127.0.0.1:23390", "https://[::1]:23394", "unix:///tmp/x",
                "http://a:b@h:1", "http://h:1?x=1", "http://h:1#f", "http://h:1?", "unix:rel"}) {
            assertEquals(s, GoUrl.parse(s).toString(), s);
        }
        assertEquals("http://h%C3%BC:1", GoUrl.parse("http://h\u00fc:1").toString());
        assertEquals("http://a%21b@h:1", GoUrl.parse("http://a!b@h:1").toString());
    }

    @Test
    void goIpv6Format() {
        assertEquals("::1", UrlResolver.goIpv6String(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}));
        assertEquals("2001:db8::1:0:0:1", UrlResolver.goIpv6String(
                new byte[] {0x20, 1, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1}));
        assertEquals("2001:db8:0:1:1:1:1:1", UrlResolver.goIpv6String(
                new byte[] {0x20, 1, 0x0d, (byte) 0xb8, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1}));
    }
}
