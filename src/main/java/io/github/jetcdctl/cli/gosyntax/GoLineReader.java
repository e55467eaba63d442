package io.github.jetcdctl.cli.gosyntax;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Lines of standard input read the way Go's bufio.Reader.ReadString('\n') reads them, 4096-byte buffer
 * included: a txn put line without a value reads "the rest of stdin" past whatever that buffer has already
 * taken, so we take exactly as much.
 */
public final class GoLineReader {
    private static final int BUFFER_SIZE = 4096;
    private static final int MAX_EMPTY_READS = 100;

    private final InputStream in;
    private final byte[] buf = new byte[BUFFER_SIZE];
    private int r;
    private int w;
    private IOException error;
    private boolean eof;

    public GoLineReader(InputStream in) {
        this.in = in;
    }

    /** Thrown at the end of input before a newline, with Go's {@code EOF}, or for a read error. */
    public static final class EndOfInputException extends Exception {
        EndOfInputException(String message) {
            super(message);
        }
    }

    /** The next line including its {@code '\n'}. */
    public byte[] readLine() throws EndOfInputException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            for (int i = r; i < w; i++) {
                if (buf[i] == '\n') {
                    line.write(buf, r, i + 1 - r);
                    r = i + 1;
                    return line.toByteArray();
                }
            }
            if (error != null || eof) {
                r = w;
                throw new EndOfInputException(error != null ? error.getMessage() : "EOF");
            }
            if (w - r >= BUFFER_SIZE) {
                line.write(buf, r, w - r);
                r = w;
            }
            fill();
        }
    }

    private void fill() {
        if (r > 0) {
            System.arraycopy(buf, r, buf, 0, w - r);
            w -= r;
            r = 0;
        }
        for (int i = 0; i < MAX_EMPTY_READS; i++) {
            int n;
            try {
                n = in.read(buf, w, buf.length - w);
            } catch (IOException e) {
                error = e;
                return;
            }
            if (n < 0) {
                eof = true;
                return;
            }
            w += n;
            if (n > 0) {
                return;
            }
        }
        error = new IOException("multiple Read calls return no data or error");
    }
}
