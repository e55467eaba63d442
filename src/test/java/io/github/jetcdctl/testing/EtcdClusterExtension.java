package io.github.jetcdctl.testing;

import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension that starts an {@link EtcdCluster} once per test class and closes it after
 * the class:
 *
 * <pre>{@code
 * class GetTest {
 *     @RegisterExtension
 *     static final EtcdClusterExtension ETCD = EtcdClusterExtension.single();
 *
 *     @Test
 *     void get() {
 *         ProcessResult r = ETCD.cluster().etcdctl().run("get", "k");
 *     }
 * }
 * }</pre>
 *
 * Registered on a static field it lives for the whole class (and its {@code @Nested} classes);
 * registered on an instance field it starts a cluster per test instead.
 */
public final class EtcdClusterExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private final Supplier<EtcdCluster> factory;
    private EtcdCluster cluster;
    private String ownerId;

    private EtcdClusterExtension(Supplier<EtcdCluster> factory) {
        this.factory = factory;
    }

    /** One plaintext member. */
    public static EtcdClusterExtension single() {
        return new EtcdClusterExtension(EtcdCluster::single);
    }

    /** One member with HTTPS client URLs and client certificate authentication. */
    public static EtcdClusterExtension mutualTls() {
        return new EtcdClusterExtension(EtcdCluster::mutualTls);
    }

    /** Three plaintext members. */
    public static EtcdClusterExtension threeMembers() {
        return new EtcdClusterExtension(EtcdCluster::threeMembers);
    }

    /** Three members, mutual TLS for clients. */
    public static EtcdClusterExtension threeMembersMutualTls() {
        return new EtcdClusterExtension(EtcdCluster::threeMembersMutualTls);
    }

    /** One plaintext member of {@code release}; the class is skipped where that release is not installed. */
    public static EtcdClusterExtension ofRelease(String release) {
        return new EtcdClusterExtension(() -> EtcdCluster.builder().binaries(EtcdBinaries.forTest(release)).start());
    }

    /** One member of {@code release} with mutual TLS for clients; skipped where that release is not installed. */
    public static EtcdClusterExtension mutualTlsOfRelease(String release) {
        return new EtcdClusterExtension(
                () -> EtcdCluster.builder().binaries(EtcdBinaries.forTest(release)).mutualTls(true).start());
    }

    /** A cluster from a configured builder, e.g. {@code of(EtcdCluster.builder().version("3.4.23"))}. */
    public static EtcdClusterExtension of(EtcdCluster.Builder builder) {
        return new EtcdClusterExtension(builder::start);
    }

    /** The running cluster; fails outside the tests of the class that registered it. */
    public EtcdCluster cluster() {
        if (cluster == null) {
            throw new IllegalStateException("the etcd cluster is not started (is the extension registered"
                    + " with @RegisterExtension, and is this called from a test?)");
        }
        return cluster;
    }

    /** Shortcut for {@code cluster().etcdctl()}. */
    public Etcdctl etcdctl() {
        return cluster().etcdctl();
    }

    /** Shortcut for {@code cluster().endpointsFlag()}. */
    public String endpointsFlag() {
        return cluster().endpointsFlag();
    }

    /** Shortcut for {@code cluster().connectionFlags()}. */
    public List<String> connectionFlags() {
        return cluster().connectionFlags();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        startFor(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stopFor(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        startFor(context); // no-op when a class-level cluster is running
    }

    @Override
    public void afterEach(ExtensionContext context) {
        stopFor(context); // only closes a cluster started for this very test
    }

    private synchronized void startFor(ExtensionContext context) {
        if (cluster == null) {
            cluster = factory.get();
            ownerId = context.getUniqueId();
        }
    }

    private synchronized void stopFor(ExtensionContext context) {
        if (cluster != null && context.getUniqueId().equals(ownerId)) {
            try {
                cluster.close();
            } finally {
                cluster = null;
                ownerId = null;
            }
        }
    }
}
