package io.github.jetcdctl.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.github.jetcdctl.testing.EtcdClusterExtension;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.ProcessResult;

/**
 * The daemon against a real etcd, spoken to as the native client speaks: what it runs gives the bytes, stderr
 * and exit code the in-process entry point gives; what needs a process of its own is handed back untouched.
 */
class DaemonServerTest {
    @RegisterExtension
    static final EtcdClusterExtension ETCD = EtcdClusterExtension.single();
    private static final String KEY = "test-build";
    private static final int STDIN_TERMINAL = 1;

    @TempDir
    Path dir;
    Path socket;
    Thread serving;
    Jetcdctl jetcdctl;
    /** The daemon's committed heap as its HeapTrim sees it, and the collections it asked for. */
    final AtomicLong committedHeap = new AtomicLong(16 << 20);
    final AtomicInteger collections = new AtomicInteger();

    @BeforeEach
    void startDaemon() throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        socket = dir.resolve("d.sock");
        HeapTrim heapTrim = new HeapTrim(committedHeap::get, () -> {
            collections.incrementAndGet();
            committedHeap.set(16 << 20);
        });
        serving = start(new DaemonServer(socket, KEY, Duration.ofMinutes(1), heapTrim));
        jetcdctl = Jetcdctl.forCluster(ETCD.cluster()).withDefaultLine(); // the daemon is asked without a line
    }

    @AfterEach
    void stopDaemon() throws Exception {
        try (FrameClient client = new FrameClient(socket)) {
            client.send(Frames.STOP, new byte[0]);
            client.finish(InputStream.nullInputStream());
        }
        serving.join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(serving.isAlive(), "the daemon stops when told");
        assertFalse(Files.exists(socket), "and removes its socket");
    }

    private Thread start(DaemonServer server) throws InterruptedException {
        Thread thread = new Thread(() -> {
            try {
                server.serve();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        thread.start();
        for (int i = 0; i < 500 && !Files.exists(socket); i++) {
            Thread.sleep(10);
        }
        return thread;
    }

    private List<String> withCluster(String... args) {
        List<String> all = new ArrayList<>(ETCD.connectionFlags());
        all.addAll(List.of(args));
        return all;
    }

    private FrameClient.Answer run(int flags, Map<String, String> env, byte[] stdin, List<String> args)
            throws IOException {
        try (FrameClient client = new FrameClient(socket)) {
            client.send(Frames.REQUEST, FrameClient.request(KEY, flags, dir, args, env));
            return client.finish(new ByteArrayInputStream(stdin));
        }
    }

    private ProcessResult served(List<String> args) throws IOException {
        FrameClient.Answer answer = run(0, Map.of(), new byte[0], args);
        assertFalse(answer.runYourself(), "served: " + args);
        return answer.result();
    }

    @Test
    void shortCommandsGiveTheBytesTheEntryPointGives() throws IOException {
        jetcdctl.run("put", "daemon/a", "1");
        jetcdctl.run("put", "daemon/b", "two words");
        for (List<String> args : List.of(List.of("get", "daemon/", "--prefix"), List.of("get", "daemon/a", "-w",
                "json"), List.of("get", "daemon/", "--prefix", "-w", "table"), List.of("get", "daemon/a", "-w",
                "nonsense"), List.of("get"), List.of("no-such-command"), List.of("version"),
                List.of("member", "list", "-w", "fields"), List.of("get", "--help"))) {
            List<String> full = withCluster(args.toArray(String[]::new));
            assertEquals(Jetcdctl.create().withDefaultLine().run(full.toArray(String[]::new)), served(full),
                    String.join(" ", args));
        }
    }

    /**
     * picocli's trees are kept between requests, each lent to one request at a time: no option or argument of one
     * request reaches a later one, nor one running at the same time.
     */
    @Test
    void keptCommandTreesCarryNothingFromOneRequestToAnother() throws Exception {
        jetcdctl.run("put", "daemon/t/a", "1");
        jetcdctl.run("put", "daemon/t/b", "two");
        List<List<String>> lines = List.of(
                withCluster("get", "daemon/t/", "--prefix", "-w", "json", "--limit", "1"),
                withCluster("get", "daemon/t/a"),
                withCluster("get", "daemon/t/a", "daemon/t/z", "--keys-only"),
                withCluster("get", "daemon/t/b", "--print-value-only"),
                withCluster("get", "daemon/t/", "--prefix", "--sort-by", "KEY", "--order", "DESCEND"),
                withCluster("get", "daemon/t/b"),
                withCluster("member", "list", "-w", "fields"),
                withCluster("get", "daemon/t/a", "--bogus-flag"));
        Map<List<String>, ProcessResult> expected = new java.util.HashMap<>();
        for (List<String> line : lines) {
            expected.put(line, Jetcdctl.create().withDefaultLine().run(line.toArray(String[]::new)));
        }
        for (int round = 0; round < 2; round++) {
            for (List<String> line : lines) {
                assertEquals(expected.get(line), served(line), "one after another: " + line);
            }
        }
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> answers = new ArrayList<>();
            for (int i = 0; i < 4 * lines.size(); i++) {
                List<String> line = lines.get(i % lines.size());
                answers.add(clients.submit(() -> {
                    assertEquals(expected.get(line), served(line), "at the same time: " + line);
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> answer : answers) {
                answer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aRequestThatGrewTheHeapIsFollowedByACollectionOnceItHasEnded() throws Exception {
        jetcdctl.run("put", "daemon/big", "value");
        List<String> get = withCluster("get", "daemon/big", "-w", "json");
        assertEquals(Jetcdctl.create().withDefaultLine().run(get.toArray(String[]::new)), served(get));
        committedHeap.addAndGet(HeapTrim.GROWTH + (1 << 20)); // what a big range would have grown
        assertEquals(Jetcdctl.create().withDefaultLine().run(get.toArray(String[]::new)), served(get));
        // (the daemon looks at its heap after the client has its answer: wait for that look)
        for (int i = 0; i < 3000 && collections.get() == 0; i++) {
            Thread.sleep(10);
        }
        assertEquals(1, collections.get(), "one collection after the request that grew the heap");
        assertEquals(16 << 20, committedHeap.get());
    }

    @Test
    void standardInputIsReadFromTheClientOnDemand() throws IOException {
        FrameClient.Answer answer = run(0, Map.of(), "from stdin\n".getBytes(StandardCharsets.UTF_8),
                withCluster("put", "daemon/stdin"));
        assertEquals("OK\n", answer.result().stdoutText());
        assertEquals("from stdin\n", jetcdctl.run("get", "daemon/stdin", "--print-value-only").stdoutText()
                .replaceFirst("\n$", ""));
    }

    @Test
    void theEnvironmentIsTheClients() throws IOException {
        jetcdctl.run("put", "daemon/env", "from env");
        FrameClient.Answer answer = run(0, Map.of("ETCDCTL_ENDPOINTS", String.join(",",
                ETCD.cluster().clientEndpoints()), "ETCDCTL_WRITE_OUT", "json"), new byte[0],
                List.of("get", "daemon/env"));
        assertTrue(answer.result().stdoutText().startsWith("{\"header\""), answer.result().toString());
    }

    @Test
    void whatNeedsAProcessOfItsOwnIsHandedBack() throws IOException {
        Files.writeString(dir.resolve("ca.pem"), "not a certificate");
        for (List<String> args : List.of(List.of("snapshot", "save", "x.db"), List.of("get", "k", "--debug"),
                List.of("--cacert", "ca.pem", "get", "k"), List.of("watch", "k"), List.of("lock", "l"),
                List.of("batch", "-"), List.of("lease", "keep-alive", "1"), List.of("context", "list"))) {
            assertTrue(run(0, Map.of(), new byte[0], withCluster(args.toArray(String[]::new))).runYourself(),
                    String.join(" ", args));
        }
        assertTrue(run(0, Map.of("ETCDCTL_DEBUG", "true"), new byte[0], withCluster("get", "k")).runYourself());
        assertTrue(status().contains("handed back: 9 "), status());
        // without a terminal the password is read from the client's standard input, as by its own JVM
        FrameClient.Answer piped = run(0, Map.of(), "secret\n".getBytes(StandardCharsets.UTF_8),
                withCluster("--user", "root", "get", "k"));
        assertFalse(piped.runYourself());
        assertEquals("", piped.echo());
        assertEquals(Jetcdctl.create().withDefaultLine().runWithStdin("secret\n".getBytes(StandardCharsets.UTF_8),
                withCluster("--user", "root", "get", "k").toArray(String[]::new)), piped.result());
        // on the client's terminal too, the client switching its echo off for the line and back on after it
        FrameClient.Answer typed = run(STDIN_TERMINAL, Map.of(), "secret\n".getBytes(StandardCharsets.UTF_8),
                withCluster("--user", "root", "get", "k"));
        assertFalse(typed.runYourself());
        assertEquals("01", typed.echo());
        assertEquals(piped.result(), typed.result());
    }

    @Test
    void requestsWithTheSameSettingsShareOneKeptChannel() throws IOException {
        jetcdctl.run("put", "daemon/kept", "1");
        for (int i = 0; i < 3; i++) {
            assertEquals("daemon/kept\n1\n", served(withCluster("get", "daemon/kept")).stdoutText());
        }
        assertTrue(status().contains("kept: 1 channels, 0 TLS contexts"), status());
        served(withCluster("--dial-timeout=3s", "get", "daemon/kept"));
        assertTrue(status().contains("kept: 2 channels, 0 TLS contexts"), "other settings, another channel");
    }

    private String status() throws IOException {
        try (FrameClient client = new FrameClient(socket)) {
            client.send(Frames.STATUS, new byte[0]);
            return client.finish(InputStream.nullInputStream()).result().stdoutText();
        }
    }

    @Test
    void anotherBuildsRequestIsHandedBack() throws IOException {
        try (FrameClient client = new FrameClient(socket)) {
            client.send(Frames.REQUEST, FrameClient.request("other-build", 0, dir, List.of("version"), Map.of()));
            assertTrue(client.finish(InputStream.nullInputStream()).runYourself());
        }
        assertTrue(status().contains("handed back: 1 "), status());
    }

    @Test
    void aClientThatGoesAwayCancelsItsRequestAndNotAnother() throws Exception {
        PipedOutputStream typing = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(typing);
        FrameClient waiting = new FrameClient(socket);
        waiting.send(Frames.REQUEST, FrameClient.request(KEY, 0, dir, withCluster("put", "daemon/cancelled"),
                Map.of()));
        CompletableFuture<Void> answered = CompletableFuture.runAsync(() -> {
            try {
                waiting.finish(stdin);
            } catch (IOException e) {
                // the connection closed under it: what a killed client sees
            }
        });
        // meanwhile another request runs to its end
        assertEquals(jetcdctl.run("version"), served(List.of("version")));
        waiting.close(); // Ctrl-C: the client is gone before it sent any input
        typing.close();
        answered.get(30, TimeUnit.SECONDS);
        String status = "";
        for (int i = 0; i < 300 && !status.contains("(0 others running)"); i++) {
            Thread.sleep(20);
            try (FrameClient client = new FrameClient(socket)) {
                client.send(Frames.STATUS, new byte[0]);
                status = client.finish(InputStream.nullInputStream()).result().stdoutText();
            }
        }
        assertTrue(status.contains("(0 others running)"), status);
        assertEquals("", jetcdctl.run("get", "daemon/cancelled").stdoutText(), "nothing was put");
    }

    @Test
    void theSocketIsTheUsersAloneAndASecondDaemonStandsDown() throws Exception {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
        assertFalse(new DaemonServer(socket, KEY, Duration.ofMinutes(1)).serve(), "the first holds the lock");
        Path open = Files.createDirectory(dir.resolve("open"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        assertFalse(new DaemonServer(open.resolve("d.sock"), KEY, Duration.ofMinutes(1)).serve(),
                "a directory others may enter is refused");
    }

    @Test
    void anIdleDaemonEndsByItself() throws Exception {
        Path idleSocket = dir.resolve("idle.sock");
        Thread idle = new Thread(() -> {
            try {
                new DaemonServer(idleSocket, KEY, Duration.ofMillis(300)).serve();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        idle.start();
        idle.join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(idle.isAlive());
        assertFalse(Files.exists(idleSocket));
    }

    /**
     * The jar a daemon was started from, replaced by a file of the same size and time (renamed over it): the
     * request is handed back and the daemon ends, whatever key the request brings.
     */
    @Test
    void aDaemonWhoseJarWasReplacedHandsBackAndEnds() throws Exception {
        Path jar = Files.writeString(dir.resolve("build.jar"), "first build");
        Path jarSocket = dir.resolve("jar.sock");
        Thread daemon = new Thread(() -> {
            try {
                new DaemonServer(jarSocket, KEY, Duration.ofMinutes(1), jar).serve();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        daemon.start();
        for (int i = 0; i < 500 && !Files.exists(jarSocket); i++) {
            Thread.sleep(10);
        }
        try (FrameClient client = new FrameClient(jarSocket)) {
            client.send(Frames.REQUEST, FrameClient.request(KEY, 0, dir, List.of("version"), Map.of()));
            assertFalse(client.finish(InputStream.nullInputStream()).runYourself(), "served while the jar is its own");
        }
        Path other = Files.writeString(dir.resolve("build.jar.new"), "other build");
        Files.setLastModifiedTime(other, Files.getLastModifiedTime(jar));
        Files.move(other, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        try (FrameClient client = new FrameClient(jarSocket)) {
            client.send(Frames.REQUEST, FrameClient.request(KEY, 0, dir, List.of("version"), Map.of()));
            assertTrue(client.finish(InputStream.nullInputStream()).runYourself(), "handed back: another jar");
        }
        daemon.join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(daemon.isAlive(), "and ended");
        assertFalse(Files.exists(jarSocket));
    }

    /** A context's password file named relative to the working directory is the client's: handed back. */
    @Test
    void aContextsRelativePasswordFileIsHandedBack() throws IOException {
        Path config = Files.createDirectories(dir.resolve("config/jetcdctl")).resolve("config.yaml");
        Files.writeString(config, "current-context: a\ncontexts:\n  a:\n    user: root\n"
                + "    password-file: secret.txt\n");
        Map<String, String> env = Map.of("XDG_CONFIG_HOME", dir.resolve("config").toString());
        assertTrue(run(0, env, new byte[0], withCluster("get", "k")).runYourself());
        Files.writeString(config, "current-context: a\ncontexts:\n  a:\n    user: root\n"
                + "    password-file: " + dir.resolve("secret.txt") + "\n");
        assertFalse(run(0, env, new byte[0], withCluster("get", "k")).runYourself(), "an absolute one is read");
    }
}
