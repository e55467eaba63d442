package io.github.jetcdctl.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.directory.InitialDirContext;

import org.junit.jupiter.api.Assumptions;

/**
 * A real DNS server for tests: dnsmasq on a loopback address of its own (127.53.x.y, port 53), serving the
 * records a test gives. Programs reach it through {@link #wrap}: a script that runs them in a private mount
 * namespace whose /etc/resolv.conf names this server, so the real etcdctl (Go's resolver) and jetcdctl read
 * the same kind of file they read in production, and the machine's own /etc/resolv.conf is never touched.
 *
 * <p>Needs root (for the namespace and port 53), {@code unshare} and {@code dnsmasq} (Debian's dnsmasq-base,
 * which scripts/test.sh installs). Where those are missing the test is skipped with the reason, except in CI
 * (CI set), where that is a failure: CI must never pass by skipping it.
 */
public final class DnsServer implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    private static final Set<Process> LIVE = Collections.synchronizedSet(new HashSet<>());

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (LIVE) {
                LIVE.forEach(Process::destroyForcibly);
            }
        }, "dns-server-reaper"));
    }

    private final Path directory;
    private final String address;
    private final Process process;

    private DnsServer(Path directory, String address, Process process) {
        this.directory = directory;
        this.address = address;
        this.process = process;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The server's IPv4 address; it listens on port 53. */
    public String address() {
        return address;
    }

    /** A loopback address where no DNS server listens (port 53 there was free a moment ago). */
    public static String silentAddress() {
        for (int attempt = 0; attempt < 20; attempt++) {
            String address = randomAddress();
            try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(address, 53))) {
                return address;
            } catch (IOException e) {
                // taken: try another
            }
        }
        throw new IllegalStateException("no free loopback address for a silent DNS server");
    }

    private static String randomAddress() {
        return "127.53." + ThreadLocalRandom.current().nextInt(1, 255) + "."
                + ThreadLocalRandom.current().nextInt(2, 255);
    }

    /** A resolv.conf naming only this server. */
    public Path resolvConf() {
        return resolvConf("nameserver " + address + "\n");
    }

    /** A resolv.conf with the given text (e.g. with a dead server first, or a search list). */
    public Path resolvConf(String text) {
        try {
            Path file = Files.createTempFile(directory, "resolv-", ".conf");
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An executable script that runs {@code command} plus the script's own arguments with {@code resolvConf}
     * bind-mounted over /etc/resolv.conf in a private mount namespace.
     */
    public Path wrap(List<String> command, Path resolvConf) {
        StringBuilder script = new StringBuilder("#!/bin/sh\n")
                .append("exec unshare --mount --propagation private -- sh -c ")
                .append("'mount --bind \"$0\" /etc/resolv.conf && exec \"$@\"' ")
                .append(shellQuote(resolvConf.toString()));
        for (String word : command) {
            script.append(' ').append(shellQuote(word));
        }
        script.append(" \"$@\"\n");
        try {
            Path file = Files.createTempFile(directory, "wrapped-", ".sh");
            Files.writeString(file, script.toString(), StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What dnsmasq logged: every query and its answer. */
    public String log() {
        return Files2.tail(directory.resolve("dnsmasq.log"), 64 * 1024);
    }

    @Override
    public void close() {
        process.destroy();
        LIVE.remove(process);
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files2.deleteRecursively(directory);
    }

    private static String shellQuote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** The zone: SRV and A records, and domains answered with "no such name" rather than refused. */
    public static final class Builder {
        private final List<String> lines = new ArrayList<>();

        private Builder() {
        }

        /** An SRV record, e.g. {@code srv("_etcd-client._tcp.example.test", "m0.example.test", 2379, 0, 0)}. */
        public Builder srv(String name, String target, int port, int priority, int weight) {
            lines.add("srv-host=" + name + "," + target + "," + port + "," + priority + "," + weight);
            return this;
        }

        /** An A record. */
        public Builder host(String name, String ipv4) {
            lines.add("host-record=" + name + "," + ipv4);
            return this;
        }

        /** A TXT record: makes a name exist without SRV records. */
        public Builder txt(String name, String text) {
            lines.add("txt-record=" + name + ",\"" + text + "\"");
            return this;
        }

        /** This server answers for the domain: unknown names in it do not exist (NXDOMAIN). */
        public Builder localDomain(String domain) {
            lines.add("local=/" + domain + "/");
            return this;
        }

        /** Starts dnsmasq, or skips the calling test where this machine cannot run it (see the class comment). */
        public DnsServer start() {
            assumeUsable();
            RuntimeException last = null;
            for (int attempt = 0; attempt < 5; attempt++) {
                String address = randomAddress();
                try {
                    return startOn(address);
                } catch (IllegalStateException e) {
                    last = e; // most likely the address is taken: try another
                }
            }
            throw last;
        }

        private DnsServer startOn(String address) {
            Path directory;
            try {
                directory = Files.createTempDirectory("jetcdctl-dns-");
                List<String> conf = new ArrayList<>(List.of("port=53", "listen-address=" + address,
                        "bind-interfaces", "no-resolv", "no-hosts", "log-queries",
                        "log-facility=" + directory.resolve("dnsmasq.log"),
                        "pid-file=" + directory.resolve("dnsmasq.pid")));
                conf.addAll(lines);
                Files.write(directory.resolve("dnsmasq.conf"), conf, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ProcessBuilder pb = new ProcessBuilder(dnsmasq(), "--keep-in-foreground",
                    "--conf-file=" + directory.resolve("dnsmasq.conf"))
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("dnsmasq.out").toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            Process process;
            try {
                process = pb.start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start dnsmasq", e);
            }
            LIVE.add(process);
            DnsServer server = new DnsServer(directory, address, process);
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    String output = Files2.tail(directory.resolve("dnsmasq.out"), 4096);
                    server.close();
                    throw new IllegalStateException("dnsmasq on " + address + " ended: " + output);
                }
                if (answers(address)) {
                    return server;
                }
                sleep(50);
            }
            server.close();
            throw new IllegalStateException("dnsmasq on " + address + " did not answer in " + START_TIMEOUT);
        }

        /** Whether the server answers at all (a refused or nonexistent name is an answer too). */
        private static boolean answers(String address) {
            Hashtable<String, Object> env = new Hashtable<>();
            env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.dns.DnsContextFactory");
            env.put(Context.PROVIDER_URL, "dns://" + address + ":53");
            env.put("com.sun.jndi.dns.timeout.initial", "200");
            env.put("com.sun.jndi.dns.timeout.retries", "1");
            try {
                new InitialDirContext(env).getAttributes("probe.invalid.", new String[] {"A"});
                return true;
            } catch (javax.naming.CommunicationException e) {
                return false;
            } catch (NamingException e) {
                return true;
            }
        }
    }

    private static String dnsmasq() {
        for (String candidate : List.of("/usr/sbin/dnsmasq", "/usr/local/sbin/dnsmasq")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return "dnsmasq";
    }

    /**
     * Checks what the server and {@link #wrap} need, by doing it: a bind mount over /etc/resolv.conf in a private
     * mount namespace must show the new file. Skips (or, in CI, fails) with the reason otherwise.
     */
    private static void assumeUsable() {
        String reason = null;
        if (!"root".equals(System.getProperty("user.name"))) {
            reason = "needs root for a private mount namespace and port 53";
        } else if (!Files.isExecutable(Path.of(dnsmasq())) && !onPath("dnsmasq")) {
            reason = "dnsmasq is not installed (Debian package dnsmasq-base; scripts/test.sh installs it)";
        } else {
            reason = probeMountNamespace();
        }
        if (reason != null) {
            if (System.getenv("CI") != null) {
                fail("DNS tests cannot run in CI: " + reason);
            }
            Assumptions.abort("DNS discovery tests skipped: " + reason);
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static String probeMountNamespace() {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("jetcdctl-dns-probe-");
            Path file = dir.resolve("resolv.conf");
            Files.writeString(file, "# jetcdctl probe\n");
            ProcessResult r = ProcessRunner.run(List.of("unshare", "--mount", "--propagation", "private", "--",
                    "sh", "-c", "mount --bind \"$0\" /etc/resolv.conf && cat /etc/resolv.conf", file.toString()),
                    null, Map.of(), null, Duration.ofSeconds(10), false);
            if (r.exitCode() != 0 || !r.stdoutText().equals("# jetcdctl probe\n")) {
                return "cannot bind-mount a resolv.conf in a private mount namespace: " + r.stderrText().trim();
            }
            return null;
        } catch (IOException | UncheckedIOException e) {
            return "cannot run unshare: " + e.getMessage();
        } finally {
            Files2.deleteRecursively(dir);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
