package io.github.jetcdctl.cli.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.jetcdctl.testing.EtcdClusterExtension;
import io.github.jetcdctl.testing.Etcdctl;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.ProcessResult;

/**
 * check datascale on a member with HTTPS and client certificates. etcdctl asks http:// when the endpoint has no
 * scheme, and reads https:// without --cacert, failing on a private CA; jetcdctl uses the connection's TLS
 * (a deliberate difference, see README).
 */
class CheckDatascaleMutualTlsTest {
    @RegisterExtension
    static final EtcdClusterExtension ETCD = EtcdClusterExtension.mutualTls();

    @Test
    void readsTheMetricsWithTheConnectionsCertificates() {
        String endpoint = ETCD.cluster().clientEndpoints().get(0);
        ProcessResult theirs = ETCD.etcdctl().run("check", "datascale");
        assertEquals("fetch error: Get \"http://" + endpoint + "/metrics\": EOF\n"
                + "FAIL: Could not read process_resident_memory_bytes before the put operations.\n",
                theirs.stdoutText(), theirs.toString());
        theirs = Etcdctl.of(ETCD.cluster().binaries()).withGlobalArgs(ETCD.cluster().tlsFlags())
                .withGlobalArgs("--endpoints=https://" + endpoint).run("check", "datascale");
        assertEquals(1, theirs.exitCode(), theirs.toString());
        assertTrue(theirs.stdoutText().contains("certificate signed by unknown authority"), theirs.toString());

        ProcessResult ours = Jetcdctl.forCluster(ETCD.cluster()).run(List.of("check", "datascale"), null);
        assertEquals(0, ours.exitCode(), ours.toString());
        CheckOutput output = CheckOutput.parse(ours, ETCD.cluster().version());
        assertEquals("", output.stray(), ours.toString());
        output.assertDrawingsOfATotalOf(10000, ours.toString());
        assertEquals(List.of("PASS: Approximate system memory used : N MB."), CheckOutput.masked(output.linesAfter()));
        ProcessResult keys = ETCD.etcdctl().run("get", "/etcdctl-check-datascale/", "--prefix", "--keys-only");
        assertEquals("", keys.stdoutText(), keys.toString());
    }
}
