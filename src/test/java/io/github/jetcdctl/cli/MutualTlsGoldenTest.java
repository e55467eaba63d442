package io.github.jetcdctl.cli;

import static io.github.jetcdctl.testing.SideBySide.assertSameResult;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.jetcdctl.testing.EtcdCluster;
import io.github.jetcdctl.testing.EtcdClusterExtension;
import io.github.jetcdctl.testing.Etcdctl;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.TestCertificates;

/**
 * get/put/del over mutual TLS with the operator's flags ({@code --cacert --cert --key --endpoints}), every key
 * format kubeadm and openssl write, and the TLS mistakes, side by side with etcdctl 3.5.
 */
class MutualTlsGoldenTest {
    @RegisterExtension
    static final EtcdClusterExtension ETCD = EtcdClusterExtension.mutualTls();

    static EtcdCluster cluster;
    static TestCertificates certs;

    @BeforeAll
    static void loadData() {
        cluster = ETCD.cluster();
        certs = cluster.certificates();
        ETCD.etcdctl().run("put", "tls/a", "1");
        ETCD.etcdctl().run("put", "tls/b", "\u00e9<&>");
    }

    private static List<String> flags(String cacert, String cert, String key) {
        List<String> flags = new ArrayList<>();
        flags.add("--cacert=" + cacert);
        flags.add("--cert=" + cert);
        flags.add("--key=" + key);
        flags.add("--endpoints=" + cluster.endpointsFlag());
        return flags;
    }

    private static void compare(List<String> globalFlags, String... args) {
        Etcdctl etcdctl = Etcdctl.of(cluster.binaries()).withGlobalArgs(globalFlags);
        Jetcdctl jetcdctl = Jetcdctl.create().withGlobalArgs(globalFlags);
        assertSameResult(etcdctl.run(args), jetcdctl.run(args), globalFlags + " " + String.join(" ", args));
    }

    @Test
    void readsAndWritesInEveryFormatWithPkcs8Pkcs1AndEcKeys() {
        List<List<String>> keyPairs = List.of(
                List.of(certs.clientCert().toString(), certs.clientKey().toString()),
                List.of(certs.clientCert().toString(), certs.clientKeyPkcs1().toString()),
                List.of(certs.clientEcCert().toString(), certs.clientEcKey().toString()));
        for (List<String> pair : keyPairs) {
            List<String> flags = flags(certs.caCert().toString(), pair.get(0), pair.get(1));
            for (String format : List.of("simple", "json", "fields", "protobuf", "table")) {
                compare(flags, "get", "tls/", "--prefix", "-w", format);
                compare(flags, "get", "tls/", "--prefix", "-w", format, "--hex");
            }
            compare(flags, "del", "tls/none");
        }
    }

    @Test
    void tlsMistakesGiveEtcdctlsMessageAndExitCode() {
        String ca = certs.caCert().toString();
        String cert = certs.clientCert().toString();
        String key = certs.clientKey().toString();
        String endpoints = "--endpoints=" + cluster.endpointsFlag();
        compare(flags("/nonexistent/ca.pem", cert, key), "get", "tls/a");
        compare(flags(ca, "/nonexistent/client.pem", key), "get", "tls/a");
        compare(flags(ca, cert, "/nonexistent/client-key.pem"), "get", "tls/a");
        compare(List.of("--cacert=" + ca, "--cert=" + cert, endpoints), "get", "tls/a");
        compare(List.of("--cacert=", endpoints), "get", "tls/a");
        compare(flags(ca, cert, certs.otherClientKey().toString()), "get", "tls/a");
        compare(flags(certs.otherCaCert().toString(), cert, key), "get", "tls/a");
        compare(List.of(endpoints), "get", "tls/a");
        // which mistake wins when -w is bad too: etcdctl's endpoint health checks -w first, the others the TLS flags
        for (List<String> command : List.of(List.of("get", "tls/a"), List.of("member", "list"),
                List.of("endpoint", "status"), List.of("endpoint", "hashkv"), List.of("endpoint", "health"))) {
            List<String> args = new java.util.ArrayList<>(command);
            args.add("-w=bogus");
            compare(List.of("--key=", endpoints), args.toArray(new String[0]));
        }
    }
}
