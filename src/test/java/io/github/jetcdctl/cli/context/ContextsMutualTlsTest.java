package io.github.jetcdctl.cli.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.github.jetcdctl.testing.EtcdBinaries;
import io.github.jetcdctl.testing.EtcdCluster;
import io.github.jetcdctl.testing.EtcdClusterExtension;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.ProcessResult;
import io.github.jetcdctl.testing.TestCertificates;

/** A context holding mutual-TLS settings, typed by hand or imported from a kubeadm-shaped node. */
class ContextsMutualTlsTest {
    @RegisterExtension
    static final EtcdClusterExtension ETCD = EtcdClusterExtension.mutualTls();

    static EtcdCluster cluster;
    static TestCertificates certs;

    @TempDir
    Path home;
    Jetcdctl jetcdctl;

    @BeforeAll
    static void loadData() {
        cluster = ETCD.cluster();
        certs = cluster.certificates();
        ETCD.etcdctl().run("put", "tls/a", "1");
    }

    @BeforeEach
    void isolatedConfigDir() {
        jetcdctl = Jetcdctl.create().withEnv("XDG_CONFIG_HOME", home.resolve("config").toString());
    }

    private ProcessResult ok(String... args) {
        ProcessResult result = jetcdctl.run(args);
        assertEquals(0, result.exitCode(), result.toString());
        return result;
    }

    @Test
    void aContextWithTheTlsFlagsReachesTheClusterWithNoFlags() {
        ok("context", "add", "tls", "--endpoints=" + cluster.endpointsFlag(), "--cacert=" + certs.caCert(),
                "--cert=" + certs.clientCert(), "--key=" + certs.clientKeyPkcs1());
        ok("context", "use", "tls");
        assertEquals("tls/a\n1\n", ok("get", "tls/a").stdoutText());
        assertEquals("OK\n", ok("put", "tls/b", "2").stdoutText());
    }

    @Test
    void anExplicitFlagStillOverridesTheContext() {
        ok("context", "add", "wrong-key", "--endpoints=" + cluster.endpointsFlag(), "--cacert=" + certs.caCert(),
                "--cert=" + certs.clientCert(), "--key=" + certs.otherClientKey());
        ProcessResult mismatched = jetcdctl.run("--context=wrong-key", "get", "tls/a");
        assertEquals("Error: tls: private key does not match public key\n", mismatched.stderrText());
        assertEquals("tls/a\n1\n", ok("--context=wrong-key", "--key=" + certs.clientKey(), "get", "tls/a")
                .stdoutText());

        ok("context", "add", "right", "--endpoints=" + cluster.endpointsFlag(), "--cacert=" + certs.caCert(),
                "--cert=" + certs.clientCert(), "--key=" + certs.clientKey());
        ProcessResult otherCa = jetcdctl.run("--context=right", "--cacert=" + certs.otherCaCert(), "get", "tls/a");
        assertEquals(1, otherCa.exitCode(), otherCa.toString());
    }

    /** The line context add records: the test cluster's, asked from it. */
    private static String clusterLine() {
        return EtcdBinaries.lineOf(cluster.version());
    }

    @Test
    void importsAKubeadmNodeWithTheHealthcheckClientCertificate(@TempDir Path node) throws IOException {
        Path manifest = kubeadmNode(node, true);
        ProcessResult add = ok("context", "add", "k8s", "--from-kubeadm", manifest.toString());
        assertTrue(add.stdoutText().startsWith("Context k8s saved to "), add.toString());
        Path pki = node.resolve("etc/kubernetes/pki");
        assertEquals("name: k8s\nendpoints: " + String.join(",", cluster.clientUrls()) + "\ncacert: "
                + pki.resolve("etcd/ca.crt") + "\ncert: " + pki.resolve("etcd/healthcheck-client.crt") + "\nkey: "
                + pki.resolve("etcd/healthcheck-client.key") + "\ncompat: " + clusterLine() + "\n",
                ok("context", "show", "k8s").stdoutText());
        assertEquals("tls/a\n1\n", ok("--context", "k8s", "get", "tls/a").stdoutText());
    }

    @Test
    void fallsBackToTheApiServerClientCertificate(@TempDir Path node) throws IOException {
        Path manifest = kubeadmNode(node, false);
        ok("context", "add", "k8s", "--from-kubeadm=" + manifest, "--dial-timeout=3s");
        String shown = ok("context", "show", "k8s").stdoutText();
        assertTrue(shown.contains("cert: " + node.resolve("etc/kubernetes/pki/apiserver-etcd-client.crt") + "\n"),
                shown);
        assertTrue(shown.endsWith("dial-timeout: 3s\ncompat: " + clusterLine() + "\n"), shown);
        assertEquals("tls/a\n1\n", ok("--context=k8s", "get", "tls/a").stdoutText());
    }

    @Test
    void aMissingPieceIsAOneLineError(@TempDir Path node) throws IOException {
        Path manifest = kubeadmNode(node, true);
        Path key = node.resolve("etc/kubernetes/pki/etcd/healthcheck-client.key");
        Files.delete(key);
        assertOneLineError("Error: kubeadm manifest " + manifest + ": client key " + key + ": no such file\n",
                "context", "add", "k8s", "--from-kubeadm", manifest.toString());

        Path missing = node.resolve("nowhere/etcd.yaml");
        assertOneLineError("Error: kubeadm manifest " + missing + ": no such file\n",
                "context", "add", "k8s", "--from-kubeadm", missing.toString());

        Files.writeString(manifest, "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: kube-apiserver\n"
                + "    command: [kube-apiserver]\n");
        assertOneLineError("Error: kubeadm manifest " + manifest + ": no etcd container in spec.containers\n",
                "context", "add", "k8s", "--from-kubeadm", manifest.toString());
        assertEquals("", ok("context", "list").stdoutText(), "nothing saved");
    }

    private void assertOneLineError(String expected, String... args) {
        ProcessResult result = jetcdctl.run(args);
        assertEquals(1, result.exitCode(), result.toString());
        assertEquals(expected, result.stderrText());
    }

    /**
     * A control-plane node's files under {@code root}: kubeadm's etcd manifest (as kubeadm 1.29 writes it, but
     * with this cluster's URLs and paths under root) and its PKI tree with the test CA and a PKCS#1 client key.
     */
    private static Path kubeadmNode(Path root, boolean healthcheckClient) throws IOException {
        Path pki = root.resolve("etc/kubernetes/pki");
        Path etcdPki = Files.createDirectories(pki.resolve("etcd"));
        Files.copy(certs.caCert(), etcdPki.resolve("ca.crt"));
        Files.copy(certs.caKey(), etcdPki.resolve("ca.key"));
        Files.copy(certs.serverCert(), etcdPki.resolve("server.crt"));
        Files.copy(certs.serverKey(), etcdPki.resolve("server.key"));
        Path clientDir = healthcheckClient ? etcdPki : pki;
        String clientName = healthcheckClient ? "healthcheck-client" : "apiserver-etcd-client";
        Files.copy(certs.clientCert(), clientDir.resolve(clientName + ".crt"));
        Files.copy(certs.clientKeyPkcs1(), clientDir.resolve(clientName + ".key"));
        String url = cluster.clientUrls().get(0);
        String manifest = """
                apiVersion: v1
                kind: Pod
                metadata:
                  annotations:
                    kubeadm.kubernetes.io/etcd.advertise-client-urls: %1$s
                  labels:
                    component: etcd
                    tier: control-plane
                  name: etcd
                  namespace: kube-system
                spec:
                  containers:
                  - command:
                    - etcd
                    - --advertise-client-urls=%1$s
                    - --cert-file=%2$s/etcd/server.crt
                    - --client-cert-auth=true
                    - --data-dir=/var/lib/etcd
                    - --key-file=%2$s/etcd/server.key
                    - --listen-client-urls=https://127.0.0.1:2379,%1$s
                    - --name=cp-1
                    - --peer-trusted-ca-file=%2$s/etcd/ca.crt
                    - --trusted-ca-file=%2$s/etcd/ca.crt
                    image: registry.k8s.io/etcd:3.5.16-0
                    imagePullPolicy: IfNotPresent
                    name: etcd
                    volumeMounts:
                    - mountPath: /etc/kubernetes/pki/etcd
                      name: etcd-certs
                  hostNetwork: true
                  priorityClassName: system-node-critical
                  volumes:
                  - hostPath:
                      path: /etc/kubernetes/pki/etcd
                      type: DirectoryOrCreate
                    name: etcd-certs
                status: {}
                """.formatted(url, pki);
        Path file = Files.createDirectories(root.resolve("etc/kubernetes/manifests")).resolve("etcd.yaml");
        Files.writeString(file, manifest);
        return file;
    }
}
