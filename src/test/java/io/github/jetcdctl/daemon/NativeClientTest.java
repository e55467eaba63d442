package io.github.jetcdctl.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.jetcdctl.testing.ProcessResult;
import io.github.jetcdctl.testing.ProcessRunner;

/**
 * The native client (target/jetcdctl-client, built by `mvn compile` where there is a C compiler) against a daemon
 * played by the test, frame by frame: what the client does when its standard output is a pipe whose reader has
 * gone while the daemon has more to say.
 */
class NativeClientTest {
    private static final Path CLIENT = Path.of(System.getProperty("user.dir")).toAbsolutePath()
            .resolve("target/jetcdctl-client");

    @TempDir
    Path dir;
    Path socket;

    @BeforeEach
    void privateDirectory() throws IOException {
        assumeTrue(Files.isExecutable(CLIENT), "no native client was built (no C compiler)");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        socket = dir.resolve("d.sock");
    }

    /** What the daemon says after the request. */
    private interface Script {
        void play(Frames frames, SocketChannel channel) throws Exception;
    }

    /** A daemon for one connection, which completes with whether the client closed it after the script. */
    private CompletableFuture<Boolean> daemon(Script script) throws IOException {
        ServerSocketChannel listening = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        listening.bind(UnixDomainSocketAddress.of(socket));
        return CompletableFuture.supplyAsync(() -> {
            try (listening; SocketChannel channel = listening.accept()) {
                Frames frames = new Frames(channel);
                assertEquals(Frames.REQUEST, frames.read().type());
                script.play(frames, channel);
                try {
                    frames.read(); // the client sends nothing more: this ends when it closes the connection
                    return false;
                } catch (IOException closed) {
                    return true;
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Runs the client for `get` with its stdout piped to READER, and returns what bash saw it exit with. */
    private String clientExitStatus(String reader) {
        String script = "\"$@\" | " + reader + "; echo ${PIPESTATUS[0]}";
        ProcessResult run = ProcessRunner.run(List.of("bash", "-c", script, "bash", CLIENT.toString(),
                socket.toString(), "key", "1", "/bin/false", "get"), null, Map.of("MARK", dir.resolve("mark")
                .toString()), dir, Duration.ofSeconds(60), false);
        assertEquals("", run.stderrText(), run.toString());
        return run.stdoutText().trim();
    }

    @Test
    void aPipeWhoseReaderLeftEndsTheClientAtOnceWith141() throws Exception {
        CompletableFuture<Boolean> closed = daemon((frames, channel) -> {
            frames.write(Frames.STDOUT, "first line\nsecond line\n".getBytes(StandardCharsets.UTF_8));
            // ... and nothing more for now (the next page of a range on its way): no further frame, no exit status
        });
        assertEquals("141", clientExitStatus("head -n 1 >/dev/null"));
        assertTrue(closed.get(60, TimeUnit.SECONDS), "the client closed the connection");
    }

    @Test
    void anExitStatusRightBehindTheOutputIsTheStatus() throws Exception {
        CompletableFuture<Boolean> closed = daemon((frames, channel) -> {
            // the last output and the exit status in one write, as a command that printed everything sends them
            ByteBuffer both = ByteBuffer.allocate(5 + 2 + 5 + 4).put(Frames.STDOUT).putInt(2).put((byte) 'a')
                    .put((byte) '\n').put(Frames.EXIT).putInt(4).putInt(0).flip();
            while (both.hasRemaining()) {
                channel.write(both);
            }
        });
        assertEquals("0", clientExitStatus("head -c 1 >/dev/null"));
        assertTrue(closed.get(60, TimeUnit.SECONDS));
    }

    @Test
    void aReaderThatLeftBeforeAnyOutputChangesNothing() throws Exception {
        Path mark = dir.resolve("mark");
        CompletableFuture<Boolean> closed = daemon((frames, channel) -> {
            for (int i = 0; i < 6000 && !Files.exists(mark); i++) {
                Thread.sleep(10);
            }
            frames.writeInt(Frames.EXIT, 0); // a command that printed nothing (its work done, as a put's would be)
        });
        assertEquals("0", clientExitStatus("(exec 0<&-; touch \"$MARK\")"));
        assertTrue(closed.get(60, TimeUnit.SECONDS));
        assertTrue(Files.exists(mark), "the reader had left before the exit status was sent");
    }
}
