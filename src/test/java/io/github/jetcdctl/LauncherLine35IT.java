package io.github.jetcdctl;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.jetcdctl.testing.EtcdBinaries;
import io.github.jetcdctl.testing.EtcdClusterExtension;

/**
 * The launcher's day-2 commands on the 3.5 line: an etcd 3.5 member and its own etcdctl as the oracle (the other
 * launcher tests run the default line, 3.6).
 */
class LauncherLine35IT extends LauncherGoldenTests {
    @RegisterExtension
    static final EtcdClusterExtension ETCD = EtcdClusterExtension.ofRelease(EtcdBinaries.V3_5);

    @Override
    EtcdClusterExtension etcd() {
        return ETCD;
    }
}
