package io.github.jetcdctl.testing;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Real etcd processes on free loopback ports with temporary data directories, for tests.
 *
 * <pre>{@code
 * try (EtcdCluster cluster = EtcdCluster.single()) {
 *     cluster.etcdctl().run("put", "k", "v");
 * }
 * }</pre>
 *
 * Every member logs to its own file ({@link Member#logFile()}), not to the test output. All
 * started clusters are killed by a JVM shutdown hook should a test forget {@link #close()}.
 */
public final class EtcdCluster implements AutoCloseable {

    private static final Set<Process> LIVE = Collections.synchronizedSet(new HashSet<>());

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (LIVE) {
                LIVE.forEach(Process::destroyForcibly);
            }
        }, "etcd-cluster-reaper"));
    }

    private final Builder config;
    private final Path baseDir;
    private final TestCertificates certificates;
    private final List<Member> members = new ArrayList<>();
    private final HttpClient http;
    private final String initialCluster;
    private final String token = "jetcdctl-" + UUID.randomUUID();
    private volatile boolean closed;

    private EtcdCluster(Builder config, Path baseDir, TestCertificates certificates) {
        this.config = config;
        this.baseDir = baseDir;
        this.certificates = certificates;
        for (int i = 0; i < config.members; i++) {
            members.add(new Member(i, freePort(), freePort()));
        }
        this.initialCluster = members.stream().map(m -> m.name + "=" + m.peerUrl())
                .collect(Collectors.joining(","));
        this.http = httpClient(certificates);
    }

    // ------------------------------------------------------------------------------ factories

    /** A started single-member plaintext cluster of {@link EtcdBinaries#DEFAULT_VERSION}. */
    public static EtcdCluster single() {
        return builder().start();
    }

    /**
     * A started single-member cluster whose client URL is {@code https://127.0.0.1:PORT} with
     * client certificate authentication ({@link #certificates()}).
     */
    public static EtcdCluster mutualTls() {
        return builder().mutualTls(true).start();
    }

    /** A started three-member plaintext cluster. */
    public static EtcdCluster threeMembers() {
        return builder().members(3).start();
    }

    /** A started three-member cluster with mutual TLS for clients (peers stay plaintext). */
    public static EtcdCluster threeMembersMutualTls() {
        return builder().members(3).mutualTls(true).start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Cluster configuration; {@link #start()} starts it and waits until every member is healthy. */
    public static final class Builder {
        private int members = 1;
        private boolean mutualTls;
        private final List<String> serverDnsNames = new ArrayList<>();
        private String version = EtcdBinaries.DEFAULT_VERSION;
        private EtcdBinaries binaries;
        private final List<String> extraArgs = new ArrayList<>();
        private Duration startTimeout = Duration.ofSeconds(60);
        private int heartbeatMillis = 50;
        private int electionMillis = 500;

        private Builder() {
        }

        public Builder members(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("members must be >= 1");
            }
            this.members = count;
            return this;
        }

        /** Client URLs use HTTPS and require a client certificate signed by the test CA. */
        public Builder mutualTls(boolean enabled) {
            this.mutualTls = enabled;
            return this;
        }

        /** More DNS names in etcd's TLS certificate, for clients that reach it by those names. */
        public Builder serverDnsNames(String... names) {
            serverDnsNames.addAll(Arrays.asList(names));
            return this;
        }

        /** The etcd version, found through {@link EtcdBinaries#find(String)}. */
        public Builder version(String version) {
            this.version = version;
            this.binaries = null;
            return this;
        }

        public Builder binaries(EtcdBinaries binaries) {
            this.binaries = binaries;
            return this;
        }

        /** Extra etcd flags for every member, e.g. {@code --auth-token=simple}. */
        public Builder extraArgs(String... args) {
            extraArgs.addAll(Arrays.asList(args));
            return this;
        }

        /** How long a start or restart may take before it fails (default 60 s). */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        /** Raft heartbeat and election timeout in milliseconds (default 50 / 500). */
        public Builder raftTiming(int heartbeatMillis, int electionMillis) {
            this.heartbeatMillis = heartbeatMillis;
            this.electionMillis = electionMillis;
            return this;
        }

        /** Starts the cluster; retries with new ports if a port was taken meanwhile. */
        public EtcdCluster start() {
            if (binaries == null) {
                binaries = EtcdBinaries.find(version);
            }
            RuntimeException last = null;
            for (int attempt = 1; attempt <= 3; attempt++) {
                EtcdCluster cluster = null;
                try {
                    Path base = Files.createTempDirectory("jetcdctl-etcd-");
                    TestCertificates certs = mutualTls
                            ? TestCertificates.generate(base.resolve("certs"), serverDnsNames) : null;
                    cluster = new EtcdCluster(this, base, certs);
                    cluster.startAll();
                    return cluster;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (RuntimeException e) {
                    last = e;
                    boolean portClash = cluster != null && cluster.members.stream()
                            .anyMatch(m -> Files2.tail(m.logFile(), 64 * 1024).contains("address already in use"));
                    if (cluster != null) {
                        cluster.close();
                    }
                    if (!portClash) {
                        throw e;
                    }
                }
            }
            throw last;
        }
    }

    // ------------------------------------------------------------------------------ accessors

    /** Client endpoints as {@code 127.0.0.1:PORT}, one per member. */
    public List<String> clientEndpoints() {
        return members.stream().map(Member::clientEndpoint).collect(Collectors.toUnmodifiableList());
    }

    /** Client URLs ({@code http://} or {@code https://127.0.0.1:PORT}), one per member. */
    public List<String> clientUrls() {
        return members.stream().map(Member::clientUrl).collect(Collectors.toUnmodifiableList());
    }

    /** The client endpoints joined by commas, for {@code --endpoints=}. */
    public String endpointsFlag() {
        return String.join(",", clientEndpoints());
    }

    /**
     * The etcdctl flags that reach this cluster: {@code --endpoints=...} and, with mutual TLS,
     * {@code --cacert=... --cert=... --key=...}. jetcdctl accepts the same flags.
     */
    public List<String> connectionFlags() {
        List<String> flags = new ArrayList<>();
        flags.add("--endpoints=" + endpointsFlag());
        flags.addAll(tlsFlags());
        return flags;
    }

    /** With mutual TLS, {@code --cacert=... --cert=... --key=...} of the test CA and client; else empty. */
    public List<String> tlsFlags() {
        if (certificates == null) {
            return List.of();
        }
        return List.of("--cacert=" + certificates.caCert(), "--cert=" + certificates.clientCert(),
                "--key=" + certificates.clientKey());
    }

    /** The oracle etcdctl (this cluster's version) preconfigured with {@link #connectionFlags()}. */
    public Etcdctl etcdctl() {
        return Etcdctl.of(config.binaries).withGlobalArgs(connectionFlags());
    }

    public boolean isMutualTls() {
        return certificates != null;
    }

    /** The certificates of a mutual-TLS cluster; fails for a plaintext one. */
    public TestCertificates certificates() {
        if (certificates == null) {
            throw new IllegalStateException("this cluster does not use TLS; build it with mutualTls(true)");
        }
        return certificates;
    }

    public EtcdBinaries binaries() {
        return config.binaries;
    }

    public String version() {
        return config.binaries.version();
    }

    public int size() {
        return members.size();
    }

    /** Member {@code index}, 0-based. */
    public Member member(int index) {
        return members.get(index);
    }

    public List<Member> members() {
        return Collections.unmodifiableList(members);
    }

    /** The temporary directory holding data dirs, logs and certificates. */
    public Path baseDirectory() {
        return baseDir;
    }

    /** Waits until every running member answers {@code /health} with {@code "health":"true"}. */
    public void awaitHealthy() {
        awaitHealthy(members.stream().filter(Member::isRunning).collect(Collectors.toList()));
    }

    /** Kills all members and deletes the temporary directory. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Member m : members) {
            m.kill();
        }
        Files2.deleteRecursively(baseDir);
    }

    @Override
    public String toString() {
        return "EtcdCluster[etcd " + version() + ", " + members.size() + " member(s), "
                + (isMutualTls() ? "mutual TLS" : "plaintext") + ", " + endpointsFlag() + "]";
    }

    // ------------------------------------------------------------------------------ members

    /** One etcd process. Its ports, data dir and log file stay the same across restarts. */
    public final class Member {
        private final int index;
        private final String name;
        private final int clientPort;
        private final int peerPort;
        private Process process;
        private EtcdBinaries binaries = config.binaries;

        private Member(int index, int clientPort, int peerPort) {
            this.index = index;
            this.name = "m" + index;
            this.clientPort = clientPort;
            this.peerPort = peerPort;
        }

        public int index() {
            return index;
        }

        public String name() {
            return name;
        }

        /** {@code 127.0.0.1:PORT}. */
        public String clientEndpoint() {
            return "127.0.0.1:" + clientPort;
        }

        public String clientUrl() {
            return (certificates != null ? "https" : "http") + "://" + clientEndpoint();
        }

        public int clientPort() {
            return clientPort;
        }

        public String peerUrl() {
            return "http://127.0.0.1:" + peerPort;
        }

        public Path dataDir() {
            return baseDir.resolve(name + ".data");
        }

        public Path logFile() {
            return baseDir.resolve(name + ".log");
        }

        /** The oracle etcdctl pointed at this member only (with the cluster's TLS flags). */
        public Etcdctl etcdctl() {
            return Etcdctl.of(config.binaries).withGlobalArgs("--endpoints=" + clientEndpoint())
                    .withGlobalArgs(tlsFlags());
        }

        public synchronized boolean isRunning() {
            return process != null && process.isAlive();
        }

        /** The process id, or -1 when not running. */
        public synchronized long pid() {
            return isRunning() ? process.pid() : -1;
        }

        /** Starts this (stopped) member and waits until it is healthy. */
        public void start() {
            launch();
            awaitHealthy(List.of(this));
        }

        /** Stops this member gracefully (SIGTERM; SIGKILL after 10 s). No-op when stopped. */
        public synchronized void stop() {
            if (process == null) {
                return;
            }
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            LIVE.remove(process);
            process = null;
        }

        /** Kills this member at once (SIGKILL), as a crash would. No-op when stopped. */
        public synchronized void kill() {
            if (process == null) {
                return;
            }
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LIVE.remove(process);
            process = null;
        }

        /**
         * Waits until an etcd 3.6 or later member has written its storage version, which it does a moment after it
         * starts: a snapshot or a copy of its data taken before then has none, and reads as 3.5. No-op before 3.6.
         */
        public void awaitStorageVersion() {
            if (!binaries().isAtLeast36()) {
                return;
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (true) {
                ProcessResult status = etcdctl().run("endpoint", "status", "-w", "json");
                if (status.stdoutText().contains("\"storageVersion\":\"")) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(name + " wrote no storage version within 30 s: " + status);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        }

        /** {@link #stop()} then {@link #start()}. */
        public void restart() {
            stop();
            start();
        }

        /**
         * Stops this member and starts it again on its own data dir with other etcd binaries, as a rolling
         * upgrade (or downgrade) does, and waits until it is healthy.
         */
        public void restartWith(EtcdBinaries other) {
            stop();
            synchronized (this) {
                binaries = other;
            }
            start();
        }

        /** The binaries this member runs (the cluster's, unless {@link #restartWith} changed them). */
        public synchronized EtcdBinaries binaries() {
            return binaries;
        }

        private synchronized void launch() {
            if (closed) {
                throw new IllegalStateException("cluster is closed");
            }
            if (isRunning()) {
                throw new IllegalStateException(name + " is already running");
            }
            List<String> cmd = new ArrayList<>(List.of(
                    binaries.etcd().toString(),
                    "--name=" + name,
                    "--data-dir=" + dataDir(),
                    "--listen-client-urls=" + clientUrl(),
                    "--advertise-client-urls=" + clientUrl(),
                    "--listen-peer-urls=" + peerUrl(),
                    "--initial-advertise-peer-urls=" + peerUrl(),
                    "--initial-cluster=" + initialCluster,
                    "--initial-cluster-token=" + token,
                    "--initial-cluster-state=new",
                    "--heartbeat-interval=" + config.heartbeatMillis,
                    "--election-timeout=" + config.electionMillis,
                    "--logger=zap",
                    "--log-level=error"));
            if (binaries.isAtLeast35()) {
                cmd.add("--unsafe-no-fsync");
            }
            if (certificates != null) {
                cmd.add("--client-cert-auth");
                cmd.add("--trusted-ca-file=" + certificates.caCert());
                cmd.add("--cert-file=" + certificates.serverCert());
                cmd.add("--key-file=" + certificates.serverKey());
            }
            cmd.addAll(config.extraArgs);
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(baseDir.toFile());
            ProcessRunner.cleanEnvironment(pb.environment(), java.util.Map.of());
            File log = logFile().toFile();
            pb.redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            try {
                Files.writeString(logFile(), "### " + String.join(" ", cmd) + "\n", StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                process = pb.start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start " + cmd.get(0), e);
            }
            LIVE.add(process);
        }

        private boolean healthy() {
            HttpRequest req = HttpRequest.newBuilder(URI.create(clientUrl() + "/health"))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            try {
                HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                return r.statusCode() == 200 && r.body().replace(" ", "").contains("\"health\":\"true\"");
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }

        @Override
        public String toString() {
            return name + "(" + clientUrl() + (isRunning() ? ", running" : ", stopped") + ")";
        }
    }

    // ------------------------------------------------------------------------------ internals

    private void startAll() {
        for (Member m : members) {
            m.launch();
        }
        awaitHealthy(members);
    }

    private void awaitHealthy(List<Member> which) {
        long deadline = System.nanoTime() + config.startTimeout.toNanos();
        List<Member> pending = new ArrayList<>(which);
        while (true) {
            for (Member m : new ArrayList<>(pending)) {
                if (!m.isRunning()) {
                    throw new IllegalStateException("etcd member " + m.name + " exited while starting"
                            + describeFailure(List.of(m)));
                }
                if (m.healthy()) {
                    pending.remove(m);
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("etcd members " + pending + " not healthy within "
                        + config.startTimeout + describeFailure(pending));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for etcd", e);
            }
        }
    }

    private String describeFailure(List<Member> which) {
        StringBuilder sb = new StringBuilder(" (etcd " + version() + ", base dir " + baseDir + ")");
        for (Member m : which) {
            sb.append("\n--- log of ").append(m.name).append(" (").append(m.logFile()).append(") ---\n")
                    .append(Files2.tail(m.logFile(), 8 * 1024));
        }
        return sb.toString();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    private static HttpClient httpClient(TestCertificates certs) {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
                .version(HttpClient.Version.HTTP_1_1);
        if (certs != null) {
            b.sslContext(sslContext(certs.caCert(), certs.clientCert(), certs.clientKey()));
        }
        return b.build();
    }

    /** An SSLContext trusting {@code ca} and presenting {@code cert}/{@code key} (PEM files). */
    static SSLContext sslContext(Path ca, Path cert, Path key) {
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            try (var in = Files.newInputStream(ca)) {
                int i = 0;
                for (Certificate c : cf.generateCertificates(in)) {
                    trust.setCertificateEntry("ca" + i++, c);
                }
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);

            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            Certificate[] chain;
            try (var in = Files.newInputStream(cert)) {
                chain = cf.generateCertificates(in).toArray(new X509Certificate[0]);
            }
            char[] pw = "changeit".toCharArray();
            keys.setKeyEntry("client", readPrivateKey(key), pw, chain);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, pw);

            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), new SecureRandom());
            return ctx;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build SSLContext", e);
        }
    }

    private static PrivateKey readPrivateKey(Path pem) throws IOException {
        try (Reader r = Files.newBufferedReader(pem, StandardCharsets.US_ASCII); PEMParser p = new PEMParser(r)) {
            Object o = p.readObject();
            JcaPEMKeyConverter conv = new JcaPEMKeyConverter();
            if (o instanceof PrivateKeyInfo info) {
                return conv.getPrivateKey(info);
            }
            if (o instanceof PEMKeyPair pair) {
                return conv.getKeyPair(pair).getPrivate();
            }
            throw new IOException("no private key in " + pem + " (found " + o + ")");
        }
    }
}
