package io.github.jetcdctl.daemon;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * The wire format between the native client and the daemon: frames of one type byte, a 32-bit big-endian
 * length and that many bytes. Writes from several threads (stdout, stderr, stdin requests) are serialized
 * here; reads belong to one thread per connection.
 */
final class Frames {
    /** Client to daemon: key, stream flags, working directory, arguments and environment (see ClientRequest). */
    static final byte REQUEST = 'R';
    /** Client to daemon: bytes read from the client's standard input, empty at its end. */
    static final byte STDIN = 'I';
    /** Client to daemon: report on this daemon, or stop it. */
    static final byte STATUS = 'S';
    static final byte STOP = 'Q';
    /** Daemon to client: bytes for its standard output or standard error. */
    static final byte STDOUT = 'O';
    static final byte STDERR = 'E';
    /** Daemon to client: read up to this many bytes (32-bit) from your standard input and send them. */
    static final byte STDIN_WANTED = 'i';
    /** Daemon to client: switch the echo of the terminal on your standard input off (0) or back on (1). */
    static final byte ECHO = 'T';
    /** Daemon to client: the command's exit status (32-bit); the last frame. */
    static final byte EXIT = 'X';
    /** Daemon to client: run the command line yourself; nothing was read or written. The last frame. */
    static final byte RUN_YOURSELF = 'F';

    /** Larger frames are refused: a request is arguments and environment, never megabytes. */
    static final int MAX_LENGTH = 16 << 20;

    private final SocketChannel channel;
    private final ByteBuffer header = ByteBuffer.allocate(5);

    Frames(SocketChannel channel) {
        this.channel = channel;
    }

    /** One frame as read: its type and its bytes. */
    record Frame(byte type, byte[] payload) {
    }

    Frame read() throws IOException {
        header.clear();
        fill(header);
        header.flip();
        byte type = header.get();
        int length = header.getInt();
        if (length < 0 || length > MAX_LENGTH) {
            throw new IOException("frame of " + Integer.toUnsignedString(length) + " bytes refused");
        }
        ByteBuffer payload = ByteBuffer.allocate(length);
        fill(payload);
        return new Frame(type, payload.array());
    }

    private void fill(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new EOFException("the client closed the connection");
            }
        }
    }

    synchronized void write(byte type, byte[] bytes, int offset, int length) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(5).put(type).putInt(length).flip();
        ByteBuffer body = ByteBuffer.wrap(bytes, offset, length);
        while (head.hasRemaining() || body.hasRemaining()) {
            channel.write(new ByteBuffer[] {head, body});
        }
    }

    void write(byte type, byte[] bytes) throws IOException {
        write(type, bytes, 0, bytes.length);
    }

    void writeInt(byte type, int value) throws IOException {
        write(type, ByteBuffer.allocate(4).putInt(value).array());
    }
}
