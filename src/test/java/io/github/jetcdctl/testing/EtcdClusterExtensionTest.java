package io.github.jetcdctl.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EtcdClusterExtensionTest {

    @RegisterExtension
    static final EtcdClusterExtension ETCD = EtcdClusterExtension.single();

    private static String firstEndpoints;

    @Test
    void clusterIsRunning() {
        ProcessResult r = ETCD.etcdctl().run("endpoint", "health");
        assertEquals(0, r.exitCode(), r::toString);
        remember();
    }

    @Test
    void sameClusterForTheWholeClass() {
        assertEquals(0, ETCD.etcdctl().run("put", "shared", "yes").exitCode());
        remember();
    }

    @Nested
    class Inner {
        @Test
        void nestedClassSharesTheCluster() {
            remember();
        }
    }

    private static synchronized void remember() {
        if (firstEndpoints == null) {
            firstEndpoints = ETCD.endpointsFlag();
        }
        assertEquals(firstEndpoints, ETCD.endpointsFlag());
    }
}
