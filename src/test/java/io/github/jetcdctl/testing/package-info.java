/**
 * Test harness that runs real etcd: {@link io.github.jetcdctl.testing.EtcdCluster} (processes on
 * free loopback ports), {@link io.github.jetcdctl.testing.EtcdClusterExtension} (one cluster per
 * test class), {@link io.github.jetcdctl.testing.Etcdctl} / {@link io.github.jetcdctl.testing.Etcdutl}
 * (the real tools as oracles), {@link io.github.jetcdctl.testing.TestCertificates} (a throw-away
 * PKI) and {@link io.github.jetcdctl.testing.EtcdBinaries} (finds the binaries).
 *
 * <p>Binaries come from {@code ETCD_BIN}, the cache filled by {@code scripts/install-etcd.sh
 * [3.5.16|3.4.23|all]}, or {@code PATH}. etcd logs go to one file per member in the cluster's
 * temporary directory; a member that fails to start has the tail of its log in the exception.
 */
package io.github.jetcdctl.testing;
