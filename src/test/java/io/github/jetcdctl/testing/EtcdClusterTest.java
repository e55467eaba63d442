package io.github.jetcdctl.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Self-tests of the real-etcd harness: every cluster kind, checked through the real etcdctl. */
class EtcdClusterTest {

    /** Fail fast instead of etcdctl's 5 s default when a connection cannot work. */
    private static final String[] FAST_FAIL = {"--dial-timeout=500ms", "--command-timeout=1s"};

    private static long memberLines(ProcessResult r) {
        return r.stdoutText().lines().filter(l -> !l.isBlank()).count();
    }

    @Test
    void singleMemberIsHealthyAndStoresKeys() {
        try (EtcdCluster cluster = EtcdCluster.single()) {
            assertEquals(1, cluster.size());
            assertFalse(cluster.isMutualTls());
            assertTrue(cluster.endpointsFlag().matches("127\\.0\\.0\\.1:\\d+"), cluster.endpointsFlag());

            Etcdctl etcdctl = cluster.etcdctl();
            ProcessResult health = etcdctl.run("endpoint", "health");
            assertEquals(0, health.exitCode(), health::toString);
            assertTrue(health.stdoutText().contains("is healthy"), health::toString);

            ProcessResult members = etcdctl.run("member", "list");
            assertEquals(0, members.exitCode(), members::toString);
            assertEquals(1, memberLines(members), members::toString);

            assertEquals(0, etcdctl.run("put", "greeting", "hello").exitCode());
            ProcessResult get = etcdctl.run("get", "greeting", "--print-value-only");
            assertEquals("hello\n", get.stdoutText(), get::toString);

            ProcessResult fromStdin = etcdctl.runWithStdin("from-stdin".getBytes(StandardCharsets.UTF_8),
                    "put", "piped");
            assertEquals(0, fromStdin.exitCode(), fromStdin::toString);
            assertEquals("from-stdin\n", etcdctl.run("get", "piped", "--print-value-only").stdoutText());

            // extra env reaches etcdctl (and inherited ETCDCTL_* would not)
            ProcessResult viaEnv = Etcdctl.of(cluster.binaries())
                    .run(List.of("get", "greeting", "--print-value-only"), null,
                            Map.of("ETCDCTL_ENDPOINTS", cluster.endpointsFlag()));
            assertEquals("hello\n", viaEnv.stdoutText(), viaEnv::toString);

            cluster.member(0).restart();
            assertEquals("hello\n", etcdctl.run("get", "greeting", "--print-value-only").stdoutText());
        }
    }

    @Test
    void closeStopsProcessesAndDeletesDirectories() {
        EtcdCluster cluster = EtcdCluster.single();
        Path base = cluster.baseDirectory();
        EtcdCluster.Member m = cluster.member(0);
        assertTrue(m.isRunning());
        cluster.close();
        assertFalse(m.isRunning());
        assertFalse(Files.exists(base));
        cluster.close(); // idempotent
    }

    @Test
    void mutualTlsAcceptsOnlyClientsWithCertificateFromTheCa() {
        try (EtcdCluster cluster = EtcdCluster.mutualTls()) {
            assertTrue(cluster.clientUrls().get(0).startsWith("https://127.0.0.1:"));
            TestCertificates certs = cluster.certificates();
            String endpoints = "--endpoints=" + cluster.endpointsFlag();
            Etcdctl bare = Etcdctl.of(cluster.binaries()).withGlobalArgs(FAST_FAIL);

            ProcessResult ok = cluster.etcdctl().run("endpoint", "health");
            assertEquals(0, ok.exitCode(), ok::toString);
            ProcessResult members = cluster.etcdctl().run("member", "list");
            assertEquals(1, memberLines(members), members::toString);

            ProcessResult noCert = bare.run(endpoints, "--cacert=" + certs.caCert(), "endpoint", "health");
            assertNotEquals(0, noCert.exitCode(), noCert::toString);

            ProcessResult plaintext = bare.run(endpoints, "endpoint", "health");
            assertNotEquals(0, plaintext.exitCode(), plaintext::toString);

            ProcessResult wrongClientCa = bare.run(endpoints, "--cacert=" + certs.caCert(),
                    "--cert=" + certs.otherClientCert(), "--key=" + certs.otherClientKey(), "endpoint", "health");
            assertNotEquals(0, wrongClientCa.exitCode(), wrongClientCa::toString);

            ProcessResult wrongServerCa = bare.run(endpoints, "--cacert=" + certs.otherCaCert(),
                    "--cert=" + certs.clientCert(), "--key=" + certs.clientKey(), "endpoint", "health");
            assertNotEquals(0, wrongServerCa.exitCode(), wrongServerCa::toString);

            ProcessResult pkcs1 = bare.run(endpoints, "--cacert=" + certs.caCert(),
                    "--cert=" + certs.clientCert(), "--key=" + certs.clientKeyPkcs1(), "endpoint", "health");
            assertEquals(0, pkcs1.exitCode(), pkcs1::toString);

            ProcessResult ec = bare.run(endpoints, "--cacert=" + certs.caCert(),
                    "--cert=" + certs.clientEcCert(), "--key=" + certs.clientEcKey(), "endpoint", "health");
            assertEquals(0, ec.exitCode(), ec::toString);
        }
    }

    @Test
    void threeMembersSurviveRestartsAndAMissingMember() {
        try (EtcdCluster cluster = EtcdCluster.threeMembers()) {
            assertEquals(3, cluster.clientEndpoints().size());
            Etcdctl etcdctl = cluster.etcdctl();

            ProcessResult members = etcdctl.run("member", "list");
            assertEquals(0, members.exitCode(), members::toString);
            assertEquals(3, memberLines(members), members::toString);

            ProcessResult health = etcdctl.run("endpoint", "health", "--cluster");
            assertEquals(0, health.exitCode(), health::toString);

            assertEquals(0, etcdctl.run("put", "k", "v1").exitCode());
            cluster.member(1).restart();
            health = etcdctl.run("endpoint", "health");
            assertEquals(0, health.exitCode(), health::toString);
            ProcessResult get = cluster.member(1).etcdctl().run("get", "k", "--print-value-only");
            assertEquals("v1\n", get.stdoutText(), get::toString);

            cluster.member(2).stop();
            assertFalse(cluster.member(2).isRunning());
            ProcessResult put = cluster.member(0).etcdctl().run("put", "k", "v2");
            assertEquals(0, put.exitCode(), put::toString);
            ProcessResult partial = etcdctl.withGlobalArgs(FAST_FAIL).run("endpoint", "health");
            assertNotEquals(0, partial.exitCode(), partial::toString);

            cluster.member(2).start();
            cluster.awaitHealthy();
            health = etcdctl.run("endpoint", "health");
            assertEquals(0, health.exitCode(), health::toString);
            get = cluster.member(2).etcdctl().run("get", "k", "--print-value-only");
            assertEquals("v2\n", get.stdoutText(), get::toString);
        }
    }

    @Test
    void threeMembersWithMutualTls() {
        try (EtcdCluster cluster = EtcdCluster.threeMembersMutualTls()) {
            ProcessResult health = cluster.etcdctl().run("endpoint", "health", "--cluster");
            assertEquals(0, health.exitCode(), health::toString);
            ProcessResult members = cluster.etcdctl().run("member", "list");
            assertEquals(3, memberLines(members), members::toString);
            ProcessResult noCert = Etcdctl.of(cluster.binaries()).withGlobalArgs(FAST_FAIL)
                    .run("--endpoints=" + cluster.endpointsFlag(), "--cacert=" + cluster.certificates().caCert(),
                            "get", "x");
            assertNotEquals(0, noCert.exitCode(), noCert::toString);
        }
    }

    @Test
    void snapshotSavedByEtcdctlIsReadableByEtcdutl(@TempDir Path tmp) {
        try (EtcdCluster cluster = EtcdCluster.single()) {
            cluster.etcdctl().run("put", "a", "1");
            Path snapshot = tmp.resolve("snap.db");
            ProcessResult save = cluster.etcdctl().run("snapshot", "save", snapshot.toString());
            assertEquals(0, save.exitCode(), save::toString);

            ProcessResult status = Etcdutl.of(cluster.binaries()).run("snapshot", "status", snapshot.toString(),
                    "-w", "json");
            assertEquals(0, status.exitCode(), status::toString);
            assertTrue(status.stdoutText().contains("\"totalKey\""), status::toString);
        }
    }

    @Test
    void etcd34ClusterWhenInstalled() {
        assumeTrue(EtcdBinaries.tryFind("3.4.23").isPresent(),
                "etcd 3.4.23 not installed (scripts/install-etcd.sh 3.4.23)");
        try (EtcdCluster cluster = EtcdCluster.builder().version("3.4.23").start()) {
            assertEquals("3.4.23", cluster.version());
            ProcessResult health = cluster.etcdctl().run("endpoint", "health");
            assertEquals(0, health.exitCode(), health::toString);
            // the 3.5 oracle also talks to a 3.4 server
            ProcessResult put = Etcdctl.find().withGlobalArgs(cluster.connectionFlags()).run("put", "k", "v");
            assertEquals(0, put.exitCode(), put::toString);
        }
    }

    @Test
    void runForStopsCommandsThatDoNotEnd() {
        try (EtcdCluster cluster = EtcdCluster.single()) {
            ProcessResult watch = cluster.etcdctl().runFor(Duration.ofMillis(700), "watch", "nothing");
            assertNotEquals(0, watch.exitCode(), watch::toString);
        }
    }

    @Test
    void missingVersionNamesTheInstaller() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> EtcdBinaries.find("0.0.1"));
        assertTrue(e.getMessage().contains("scripts/install-etcd.sh"), e.getMessage());
    }

    @Test
    void defaultBinariesAreTheOracleVersion() {
        EtcdBinaries b = EtcdBinaries.find();
        assertEquals(EtcdBinaries.DEFAULT_VERSION, b.version());
        ProcessResult v = Etcdctl.of(b).run("version");
        assertTrue(v.stdoutText().contains("etcdctl version: " + EtcdBinaries.DEFAULT_VERSION), v::toString);
        ProcessResult u = Etcdutl.find().run("version");
        assertEquals(0, u.exitCode(), u::toString);
    }
}
