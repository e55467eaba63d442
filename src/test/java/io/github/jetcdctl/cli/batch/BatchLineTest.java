package io.github.jetcdctl.cli.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class BatchLineTest {
    @Test
    void blanksSeparateWords() throws Exception {
        assertEquals(List.of("get", "foo", "--prefix"), words("  get\tfoo   --prefix \r"));
    }

    @Test
    void blankLinesAndCommentsHaveNoWords() throws Exception {
        assertEquals(List.of(), words(""));
        assertEquals(List.of(), words("   "));
        assertEquals(List.of(), words("  # get foo"));
    }

    @Test
    void aHashInsideALineIsPartOfAWord() throws Exception {
        assertEquals(List.of("get", "#key", "a#b"), words("get #key a#b"));
    }

    @Test
    void singleQuotesAreLiteral() throws Exception {
        assertEquals(List.of("put", "k", "two words \\n \"x\""), words("put k 'two words \\n \"x\"'"));
        assertEquals(List.of("get", ""), words("get ''"));
    }

    @Test
    void doubleQuotesTakeGoEscapes() throws Exception {
        assertEquals(List.of("put", "k", "a\tb\nc \"d\" \\ \u00e9 \u2713"),
                words("put k \"a\\tb\\nc \\\"d\\\" \\\\ \\u00e9 \\U00002713\""));
    }

    @Test
    void quotedAndUnquotedPartsOfAWordJoin() throws Exception {
        assertEquals(List.of("--endpoints=a b,c", "it's"), words("--endpoints=\"a b\",c it\\'s"));
    }

    @Test
    void hexEscapesMayWriteBytesThatAreNotText() throws Exception {
        List<byte[]> words = BatchLine.words(bytes("get \"k\\xff\\x00\""));
        assertArrayEquals(new byte[] {'k', (byte) 0xff, 0}, words.get(1));
    }

    @Test
    void malformedQuotingIsAnError() {
        assertEquals("unterminated quoted string",
                assertThrows(BatchLine.SyntaxException.class, () -> words("get 'foo")).getMessage());
        assertEquals("unterminated quoted string",
                assertThrows(BatchLine.SyntaxException.class, () -> words("get \"foo")).getMessage());
        assertEquals("invalid escape \\q in quoted string",
                assertThrows(BatchLine.SyntaxException.class, () -> words("get \"\\q\"")).getMessage());
        assertEquals("invalid escape in quoted string",
                assertThrows(BatchLine.SyntaxException.class, () -> words("get \"\\xZ1\"")).getMessage());
        assertEquals("a backslash ends the line",
                assertThrows(BatchLine.SyntaxException.class, () -> words("get foo\\")).getMessage());
    }

    private static List<String> words(String line) throws BatchLine.SyntaxException {
        return BatchLine.words(bytes(line)).stream().map(w -> new String(w, StandardCharsets.UTF_8)).toList();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
