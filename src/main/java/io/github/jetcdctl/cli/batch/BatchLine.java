package io.github.jetcdctl.cli.batch;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line of a batch into the words of a command line, with a shell's quoting: blanks separate words;
 * {@code '...'} is taken literally; {@code "..."} allows Go's escapes ({@code \n}, {@code \x00}, {@code \u00e9},
 * as {@code txn -i} and {@code watch -i} read them), so any key can be written; a backslash outside quotes takes
 * the next character literally; quoted and unquoted parts of one word join ({@code --endpoints="a b"}). Words are
 * bytes: keys and values need not be text.
 */
final class BatchLine {
    private final byte[] line;
    private int pos;

    private BatchLine(byte[] line) {
        this.line = line;
    }

    /** The words of the line; none for a blank line or a comment (a line whose first non-blank is {@code #}). */
    static List<byte[]> words(byte[] line) throws SyntaxException {
        return new BatchLine(line).split();
    }

    static final class SyntaxException extends Exception {
        SyntaxException(String message) {
            super(message);
        }
    }

    private List<byte[]> split() throws SyntaxException {
        List<byte[]> words = new ArrayList<>();
        skipBlanks();
        if (pos < line.length && line[pos] == '#') {
            return words;
        }
        while (pos < line.length) {
            words.add(word());
            skipBlanks();
        }
        return words;
    }

    private byte[] word() throws SyntaxException {
        ByteArrayOutputStream word = new ByteArrayOutputStream();
        while (pos < line.length && !isBlank(line[pos])) {
            byte b = line[pos++];
            switch (b) {
                case '\'' -> singleQuoted(word);
                case '"' -> doubleQuoted(word);
                case '\\' -> {
                    if (pos == line.length) {
                        throw new SyntaxException("a backslash ends the line");
                    }
                    word.write(line[pos++]);
                }
                default -> word.write(b);
            }
        }
        return word.toByteArray();
    }

    private void singleQuoted(ByteArrayOutputStream word) throws SyntaxException {
        int end = indexOf('\'', pos);
        if (end < 0) {
            throw new SyntaxException("unterminated quoted string");
        }
        word.write(line, pos, end - pos);
        pos = end + 1;
    }

    private void doubleQuoted(ByteArrayOutputStream word) throws SyntaxException {
        while (true) {
            if (pos == line.length) {
                throw new SyntaxException("unterminated quoted string");
            }
            byte b = line[pos++];
            if (b == '"') {
                return;
            }
            if (b != '\\') {
                word.write(b);
                continue;
            }
            if (pos == line.length) {
                throw new SyntaxException("unterminated quoted string");
            }
            byte escape = line[pos++];
            switch (escape) {
                case 'a' -> word.write(7);
                case 'b' -> word.write('\b');
                case 'f' -> word.write('\f');
                case 'n' -> word.write('\n');
                case 'r' -> word.write('\r');
                case 't' -> word.write('\t');
                case 'v' -> word.write(11);
                case '\\', '"', '\'' -> word.write(escape);
                case 'x' -> word.write(hex(2));
                case 'u' -> writeUtf8(word, hex(4));
                case 'U' -> writeUtf8(word, hex(8));
                default -> throw new SyntaxException("invalid escape \\" + (char) escape + " in quoted string");
            }
        }
    }

    private int hex(int digits) throws SyntaxException {
        if (pos + digits > line.length) {
            throw new SyntaxException("invalid escape in quoted string");
        }
        int value = 0;
        for (int i = 0; i < digits; i++) {
            int digit = Character.digit(line[pos++], 16);
            if (digit < 0) {
                throw new SyntaxException("invalid escape in quoted string");
            }
            value = value * 16 + digit;
        }
        return value;
    }

    private static void writeUtf8(ByteArrayOutputStream word, int codePoint) throws SyntaxException {
        if (!Character.isValidCodePoint(codePoint) || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
            throw new SyntaxException("invalid escape in quoted string");
        }
        word.writeBytes(new String(Character.toChars(codePoint)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private int indexOf(char c, int from) {
        for (int i = from; i < line.length; i++) {
            if (line[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private void skipBlanks() {
        while (pos < line.length && isBlank(line[pos])) {
            pos++;
        }
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\r';
    }
}
