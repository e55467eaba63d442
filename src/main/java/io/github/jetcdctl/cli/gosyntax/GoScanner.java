package io.github.jetcdctl.cli.gosyntax;

import java.io.ByteArrayOutputStream;

/**
 * The parts of Go's fmt scanning (Sscanf) that etcdctl's txn parsing relies on: %q and %s conversions and
 * the matching of literal text and spaces in the format. Reads runes from a byte string; every failure is
 * a {@link ScanException} carrying Go's error text.
 */
public final class GoScanner {
    private static final int EOF = -1;

    private final byte[] input;
    private int pos;
    private int lastWidth;

    public GoScanner(byte[] input) {
        this.input = input;
    }

    public static final class ScanException extends Exception {
        ScanException(String message) {
            super(message);
        }
    }

    /** A {@code %q} verb: a double-quoted or back-quoted Go string. */
    public byte[] quoted() throws ScanException {
        skipSpace();
        notEof();
        int quote = getRune();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        if (quote == '`') {
            for (int r = mustReadRune(); r != '`'; r = mustReadRune()) {
                GoRunes.appendRune(buf, r);
            }
            return buf.toByteArray();
        }
        if (quote != '"') {
            throw new ScanException("expected quoted string");
        }
        buf.write('"');
        while (true) {
            int r = mustReadRune();
            GoRunes.appendRune(buf, r);
            if (r == '\\') {
                GoRunes.appendRune(buf, mustReadRune());
            } else if (r == '"') {
                break;
            }
        }
        try {
            return GoUnquote.unquote(buf.toByteArray());
        } catch (GoUnquote.SyntaxException e) {
            throw new ScanException(e.getMessage());
        }
    }

    /** A {@code %s} verb: the next run of non-space runes. */
    public byte[] word() throws ScanException {
        skipSpace();
        notEof();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        for (int r = getRune(); r != EOF; r = getRune()) {
            if (GoRunes.isSpace(r)) {
                unreadRune();
                break;
            }
            GoRunes.appendRune(buf, r);
        }
        return buf.toByteArray();
    }

    /** A literal rune of the format, which the input must repeat. */
    public void literal(int expected) throws ScanException {
        int r = mustReadRune();
        if (r != expected) {
            unreadRune();
            throw new ScanException("input does not match format");
        }
    }

    /** A single space in the format: one or more spaces in the input, or its end. */
    public void space() throws ScanException {
        int r = getRune();
        if (r != EOF && !GoRunes.isSpace(r)) {
            throw new ScanException("expected space in input to match format");
        }
        if (r == '\n') {
            throw new ScanException("newline in input does not match format");
        }
        while (r != EOF && GoRunes.isSpace(r) && r != '\n') {
            r = getRune();
        }
        if (r != EOF) {
            unreadRune();
        }
    }

    /** What fmt does before every verb but %c. */
    void skipSpace() throws ScanException {
        while (true) {
            int r = getRune();
            if (r == EOF) {
                return;
            }
            if (r == '\r' && peek('\n')) {
                continue;
            }
            if (r == '\n') {
                throw new ScanException("unexpected newline");
            }
            if (!GoRunes.isSpace(r)) {
                unreadRune();
                return;
            }
        }
    }

    private boolean peek(int expected) {
        int r = getRune();
        if (r != EOF) {
            unreadRune();
        }
        return r == expected;
    }

    private void notEof() throws ScanException {
        if (getRune() == EOF) {
            throw new ScanException("EOF");
        }
        unreadRune();
    }

    private int mustReadRune() throws ScanException {
        int r = getRune();
        if (r == EOF) {
            throw new ScanException("unexpected EOF");
        }
        return r;
    }

    private int getRune() {
        if (pos >= input.length) {
            return EOF;
        }
        int decoded = GoRunes.decode(input, pos);
        lastWidth = GoRunes.width(decoded);
        pos += lastWidth;
        return GoRunes.codePoint(decoded);
    }

    private void unreadRune() {
        pos -= lastWidth;
    }
}
