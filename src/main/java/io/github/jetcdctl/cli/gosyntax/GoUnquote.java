package io.github.jetcdctl.cli.gosyntax;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/** Go's strconv.Unquote for double-quoted literals, on bytes; failures are Go's {@code invalid syntax}. */
final class GoUnquote {
    static final String INVALID_SYNTAX = "invalid syntax";

    private GoUnquote() {
    }

    static final class SyntaxException extends Exception {
        SyntaxException() {
            super(INVALID_SYNTAX);
        }
    }

    /** {@code literal} includes its surrounding double quotes. */
    static byte[] unquote(byte[] literal) throws SyntaxException {
        int n = literal.length;
        if (n < 2 || literal[0] != '"' || literal[n - 1] != '"') {
            throw new SyntaxException();
        }
        byte[] s = Arrays.copyOfRange(literal, 1, n - 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length);
        int i = 0;
        while (i < s.length) {
            int c = s[i] & 0xff;
            if (c == '"' || c == '\n') {
                throw new SyntaxException();
            }
            if (c >= 0x80) {
                int r = GoRunes.decode(s, i);
                GoRunes.appendRune(out, GoRunes.codePoint(r));
                i += GoRunes.width(r);
                continue;
            }
            if (c != '\\') {
                out.write(c);
                i++;
                continue;
            }
            if (i + 1 >= s.length) {
                throw new SyntaxException();
            }
            int e = s[i + 1] & 0xff;
            i += 2;
            switch (e) {
                case 'a' -> out.write(7);
                case 'b' -> out.write('\b');
                case 'f' -> out.write('\f');
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 't' -> out.write('\t');
                case 'v' -> out.write(11);
                case '\\' -> out.write('\\');
                case '"' -> out.write('"');
                case 'x', 'u', 'U' -> {
                    int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    if (i + digits > s.length) {
                        throw new SyntaxException();
                    }
                    long v = 0;
                    for (int k = 0; k < digits; k++) {
                        int d = Character.digit(s[i + k], 16);
                        if (d < 0 || s[i + k] < 0) {
                            throw new SyntaxException();
                        }
                        v = (v << 4) | d;
                    }
                    i += digits;
                    if (e == 'x') {
                        out.write((int) v);
                    } else {
                        if (v > Character.MAX_CODE_POINT || (v >= 0xD800 && v <= 0xDFFF)) {
                            throw new SyntaxException();
                        }
                        GoRunes.appendRune(out, (int) v);
                    }
                }
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    if (i + 2 > s.length) {
                        throw new SyntaxException();
                    }
                    int v = e - '0';
                    for (int k = 0; k < 2; k++) {
                        int d = s[i + k] - '0';
                        if (d < 0 || d > 7) {
                            throw new SyntaxException();
                        }
                        v = (v << 3) | d;
                    }
                    i += 2;
                    if (v > 255) {
                        throw new SyntaxException();
                    }
                    out.write(v);
                }
                default -> throw new SyntaxException();
            }
        }
        return out.toByteArray();
    }
}
