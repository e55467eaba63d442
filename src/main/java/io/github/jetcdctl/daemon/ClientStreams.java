package io.github.jetcdctl.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A request's standard streams, carried by frames over its connection. Standard input is read on demand: the
 * daemon asks for bytes only when the command reads, so a command that reads nothing leaves the client's
 * input untouched (for the next command in a script, or for the client's own run of a declined command).
 */
final class ClientStreams {
    private static final byte[] GONE = new byte[0];
    private final Frames frames;
    private final BlockingQueue<byte[]> stdinChunks = new LinkedBlockingQueue<>();
    private volatile boolean used;

    ClientStreams(Frames frames) {
        this.frames = frames;
    }

    /** Whether the command has written anything or asked for input (it can no longer be declined). */
    boolean used() {
        return used;
    }

    /** Hands on what the client sent from its standard input. */
    void received(byte[] chunk) {
        stdinChunks.add(chunk);
    }

    /** The client has gone: a read waiting for input fails at once (never a false end of input). */
    void clientGone() {
        stdinChunks.add(GONE);
    }

    /** Asks the client to switch its terminal's echo (a password is read from its standard input). */
    void echo(boolean on) throws IOException {
        used = true;
        frames.write(Frames.ECHO, new byte[] {(byte) (on ? 1 : 0)});
    }

    OutputStream stdout() {
        return new FrameStream(Frames.STDOUT);
    }

    PrintStream stderr() {
        return new PrintStream(new FrameStream(Frames.STDERR), true, StandardCharsets.UTF_8);
    }

    InputStream stdin() {
        return new Stdin();
    }

    private final class FrameStream extends OutputStream {
        private final byte type;

        FrameStream(byte type) {
            this.type = type;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > 0) {
                used = true;
                frames.write(type, b, off, len);
            }
        }
    }

    private final class Stdin extends InputStream {
        private byte[] chunk = new byte[0];
        private int position;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (position == chunk.length) {
                used = true;
                frames.writeInt(Frames.STDIN_WANTED, Math.max(len, 8192));
                try {
                    chunk = stdinChunks.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("the client has gone");
                }
                if (chunk == GONE) {
                    stdinChunks.add(GONE);
                    throw new InterruptedIOException("the client has gone");
                }
                position = 0;
                if (chunk.length == 0) {
                    return -1; // (not for good: a terminal gives more after its end of input, as to a process)
                }
            }
            int n = Math.min(len, chunk.length - position);
            System.arraycopy(chunk, position, b, off, n);
            position += n;
            return n;
        }

        @Override
        public int available() {
            return chunk.length - position;
        }
    }
}
