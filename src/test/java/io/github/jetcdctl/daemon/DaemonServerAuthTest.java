package io.github.jetcdctl.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.github.jetcdctl.testing.EtcdClusterExtension;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.ProcessResult;

/**
 * Requests with different credentials sent to one daemon at the same time, as parallel scripts of one user
 * would, against a real etcd with auth on (its own cluster): they share the daemon's kept channel, and each
 * answers as a JVM of its own would for its own user.
 */
class DaemonServerAuthTest {
    @RegisterExtension
    static final EtcdClusterExtension ETCD = EtcdClusterExtension.single();
    private static final String KEY = "test-build";

    @TempDir
    Path dir;

    @Test
    void concurrentRequestsWithOtherCredentialsEachActAsTheirOwnUser() throws Exception {
        Jetcdctl jetcdctl = Jetcdctl.forCluster(ETCD.cluster()).withDefaultLine();
        for (String line : List.of("put /alice/x a", "put /bob/x b", "user add root:rootpw", "user add alice:alicepw",
                "user add bob:bobpw", "role add alice", "role add bob",
                "role grant-permission alice read /alice/x", "role grant-permission bob read /bob/x",
                "user grant-role alice alice", "user grant-role bob bob", "auth enable")) {
            assertEquals(0, jetcdctl.run(line.split(" ")).exitCode(), line);
        }
        List<List<String>> commands = new ArrayList<>();
        for (String user : List.of("--user=alice:alicepw", "--user=bob:bobpw", "--user=alice:wrong")) {
            for (String key : List.of("/alice/x", "/bob/x")) {
                List<String> args = new ArrayList<>(ETCD.connectionFlags());
                args.addAll(List.of(user, "get", key));
                commands.add(args);
            }
        }
        List<ProcessResult> expected = new ArrayList<>();
        for (List<String> args : commands) {
            expected.add(jetcdctl.run(args.toArray(String[]::new)));
        }
        assertEquals("/alice/x\na\n", expected.get(0).stdoutText());
        assertTrue(expected.get(1).stderrText().contains("permission denied"), expected.get(1).toString());

        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        Path socket = dir.resolve("d.sock");
        Thread serving = new Thread(() -> {
            try {
                new DaemonServer(socket, KEY, Duration.ofMinutes(1)).serve();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        serving.start();
        for (int i = 0; i < 500 && !Files.exists(socket); i++) {
            Thread.sleep(10);
        }
        try {
            int rounds = 5;
            CyclicBarrier together = new CyclicBarrier(commands.size());
            List<CompletableFuture<List<ProcessResult>>> answers = new ArrayList<>();
            for (List<String> args : commands) {
                answers.add(CompletableFuture.supplyAsync(() -> {
                    List<ProcessResult> results = new ArrayList<>();
                    try {
                        for (int i = 0; i < rounds; i++) {
                            together.await(60, TimeUnit.SECONDS);
                            results.add(served(socket, args));
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return results;
                }, runnable -> new Thread(runnable).start()));
            }
            for (int i = 0; i < commands.size(); i++) {
                for (ProcessResult result : answers.get(i).get(5, TimeUnit.MINUTES)) {
                    assertEquals(expected.get(i), result, String.join(" ", commands.get(i)));
                }
            }
            assertTrue(status(socket).contains("kept: 1 channels"), status(socket));
        } finally {
            try (FrameClient client = new FrameClient(socket)) {
                client.send(Frames.STOP, new byte[0]);
                client.finish(InputStream.nullInputStream());
            }
            serving.join(TimeUnit.SECONDS.toMillis(30));
        }
        assertFalse(serving.isAlive());
    }

    private ProcessResult served(Path socket, List<String> args) throws IOException {
        try (FrameClient client = new FrameClient(socket)) {
            client.send(Frames.REQUEST, FrameClient.request(KEY, 0, dir, args, Map.of()));
            FrameClient.Answer answer = client.finish(InputStream.nullInputStream());
            assertFalse(answer.runYourself(), String.join(" ", args));
            return answer.result();
        }
    }

    private static String status(Path socket) throws IOException {
        try (FrameClient client = new FrameClient(socket)) {
            client.send(Frames.STATUS, new byte[0]);
            return client.finish(InputStream.nullInputStream()).result().stdoutText();
        }
    }
}
