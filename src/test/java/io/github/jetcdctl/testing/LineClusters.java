package io.github.jetcdctl.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One single-member plaintext cluster per etcd release, started on first use and shared by the per-line golden
 * tests of this JVM (each test keeps to keys of its own), so that covering three lines costs three etcd starts,
 * not three per test class. The clusters end with the JVM ({@link EtcdCluster}'s reaper).
 */
public final class LineClusters {
    private static final Map<String, EtcdCluster> STARTED = new ConcurrentHashMap<>();

    private LineClusters() {
    }

    /** The shared cluster of {@code release}; the calling test is skipped where that release is not installed. */
    public static EtcdCluster of(String release) {
        EtcdBinaries binaries = EtcdBinaries.forTest(release);
        return STARTED.computeIfAbsent(release, r -> EtcdCluster.builder().binaries(binaries).start());
    }

    /** The oracle etcdctl of {@code clientRelease} pointed at the shared cluster of {@code serverRelease}. */
    public static Etcdctl etcdctl(String clientRelease, String serverRelease) {
        return Etcdctl.of(EtcdBinaries.forTest(clientRelease)).withGlobalArgs(of(serverRelease).connectionFlags());
    }

    /** jetcdctl reproducing the line of {@code clientRelease}, pointed at the shared cluster of {@code serverRelease}. */
    public static Jetcdctl jetcdctl(String clientRelease, String serverRelease) {
        return Jetcdctl.create().forLine(EtcdBinaries.lineOf(clientRelease))
                .withGlobalArgs(of(serverRelease).connectionFlags());
    }
}
