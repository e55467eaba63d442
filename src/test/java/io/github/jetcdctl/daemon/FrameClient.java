package io.github.jetcdctl.daemon;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.jetcdctl.testing.ProcessResult;

/** The native client's side of the protocol, in Java, for tests: one request, its frames answered in turn. */
final class FrameClient implements AutoCloseable {
    /**
     * What a request ended with: a result, or the daemon's "run it yourself"; and how it switched the echo of
     * the client's terminal, in turn ({@code "01"}: off, then on).
     */
    record Answer(ProcessResult result, boolean runYourself, String echo) {
    }

    private final SocketChannel channel;
    private final Frames frames;

    FrameClient(Path socket) throws IOException {
        channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        frames = new Frames(channel);
    }

    static byte[] request(String key, int flags, Path cwd, List<String> args, Map<String, String> env) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        string(out, key);
        integer(out, flags);
        string(out, cwd.toString());
        integer(out, args.size());
        args.forEach(a -> string(out, a));
        integer(out, env.size());
        env.forEach((k, v) -> string(out, k + "=" + v));
        return out.toByteArray();
    }

    void send(byte type, byte[] payload) throws IOException {
        frames.write(type, payload);
    }

    /** Answers requests for input from {@code stdin} until the exit status or "run it yourself". */
    Answer finish(InputStream stdin) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        StringBuilder echo = new StringBuilder();
        while (true) {
            Frames.Frame frame = frames.read();
            switch (frame.type()) {
                case Frames.STDOUT -> out.write(frame.payload());
                case Frames.STDERR -> err.write(frame.payload());
                case Frames.STDIN_WANTED -> {
                    byte[] chunk = new byte[ByteBuffer.wrap(frame.payload()).getInt()];
                    int n = stdin.read(chunk);
                    frames.write(Frames.STDIN, chunk, 0, Math.max(n, 0));
                }
                case Frames.ECHO -> echo.append(frame.payload()[0]);
                case Frames.EXIT -> {
                    return new Answer(new ProcessResult(out.toByteArray(), err.toByteArray(),
                            ByteBuffer.wrap(frame.payload()).getInt()), false, echo.toString());
                }
                case Frames.RUN_YOURSELF -> {
                    return new Answer(null, true, echo.toString());
                }
                default -> throw new IOException("unexpected frame " + frame.type());
            }
        }
    }

    private static void string(ByteArrayOutputStream out, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        integer(out, bytes.length);
        out.writeBytes(bytes);
    }

    private static void integer(ByteArrayOutputStream out, int value) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(value).array());
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
