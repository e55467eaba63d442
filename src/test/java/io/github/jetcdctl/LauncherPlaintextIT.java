package io.github.jetcdctl;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.jetcdctl.testing.EtcdClusterExtension;

/** The launcher against one plaintext member. */
class LauncherPlaintextIT extends LauncherGoldenTests {
    @RegisterExtension
    static final EtcdClusterExtension ETCD = EtcdClusterExtension.single();

    @Override
    EtcdClusterExtension etcd() {
        return ETCD;
    }
}
