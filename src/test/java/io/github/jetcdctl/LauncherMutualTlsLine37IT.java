package io.github.jetcdctl;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.jetcdctl.testing.EtcdBinaries;
import io.github.jetcdctl.testing.EtcdClusterExtension;

/** The launcher's day-2 commands on the 3.7 line over mutual TLS: an etcd 3.7 member and its own etcdctl. */
class LauncherMutualTlsLine37IT extends LauncherGoldenTests {
    @RegisterExtension
    static final EtcdClusterExtension ETCD = EtcdClusterExtension.mutualTlsOfRelease(EtcdBinaries.V3_7);

    @Override
    EtcdClusterExtension etcd() {
        return ETCD;
    }
}
