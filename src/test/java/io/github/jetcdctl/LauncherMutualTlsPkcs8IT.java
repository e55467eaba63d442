package io.github.jetcdctl;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.jetcdctl.testing.EtcdClusterExtension;

/** The launcher against one mutual-TLS member, with a PKCS#8 client key. */
class LauncherMutualTlsPkcs8IT extends LauncherGoldenTests {
    @RegisterExtension
    static final EtcdClusterExtension ETCD = EtcdClusterExtension.mutualTls();

    @Override
    EtcdClusterExtension etcd() {
        return ETCD;
    }
}
