package io.github.jetcdctl.output;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import com.google.protobuf.ByteString;

/**
 * Standard output, buffered, as raw bytes (keys and values are printed byte for byte). A write to a closed
 * pipe ({@code | head}) raises {@link ClosedOutputException} so the command stops at once.
 */
public final class Output implements AutoCloseable {
    private final OutputStream stream;
    private final OutputStream target;
    private final Boolean terminal;

    public Output(OutputStream target) {
        this(target, null);
    }

    /** Standard output of another process, which knows whether it is a terminal ({@code null}: ask this one's). */
    public Output(OutputStream target, Boolean terminal) {
        this.stream = new BufferedOutputStream(target, 1 << 16);
        this.target = target;
        this.terminal = terminal;
    }

    /** Whether this is the process's standard output and that is a terminal (not a pipe, a file, or a test's buffer). */
    public boolean isTerminal() {
        if (terminal != null) {
            return terminal;
        }
        try {
            return target instanceof FileOutputStream file && file.getFD() == FileDescriptor.out
                    && Terminal.isTerminal(1);
        } catch (IOException e) {
            return false;
        }
    }

    public Output write(byte[] bytes) {
        try {
            stream.write(bytes);
        } catch (IOException e) {
            throw new ClosedOutputException(e);
        }
        return this;
    }

    /** Writes the bytes without copying them out of the ByteString first (values can be large). */
    public Output write(ByteString bytes) {
        try {
            bytes.writeTo(stream);
        } catch (IOException e) {
            throw new ClosedOutputException(e);
        }
        return this;
    }

    public Output print(String text) {
        return write(text.getBytes(StandardCharsets.UTF_8));
    }

    public Output println(String text) {
        return print(text).newline();
    }

    public Output newline() {
        try {
            stream.write('\n');
        } catch (IOException e) {
            throw new ClosedOutputException(e);
        }
        return this;
    }

    public void flush() {
        try {
            stream.flush();
        } catch (IOException e) {
            throw new ClosedOutputException(e);
        }
    }

    @Override
    public void close() {
        flush();
    }

    /** The reader of our standard output went away. */
    public static final class ClosedOutputException extends RuntimeException {
        ClosedOutputException(IOException cause) {
            super("standard output closed", cause);
        }
    }
}
