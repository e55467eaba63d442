package io.github.jetcdctl;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.jetcdctl.testing.EtcdClusterExtension;

/** The launcher against three members with mutual TLS. */
class LauncherThreeMembersIT extends LauncherGoldenTests {
    @RegisterExtension
    static final EtcdClusterExtension ETCD = EtcdClusterExtension.threeMembersMutualTls();

    @Override
    EtcdClusterExtension etcd() {
        return ETCD;
    }
}
