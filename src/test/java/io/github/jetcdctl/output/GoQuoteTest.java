package io.github.jetcdctl.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.etcd.jetcd.api.KeyValue;
import io.etcd.jetcd.api.RangeResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoQuoteTest {

    /** Keys and values of {@code get q/ --prefix}: etcdctl 3.5.16 {@code -w fields} vs the raw bytes. */
    @Test
    void quotesLikeEtcdctlFieldsPrinter() throws IOException {
        RangeResponse range = RangeResponse.parseFrom(GoldenFiles.bytes("fields-quote.pb"));
        List<String> expected = new ArrayList<>();
        for (String line : GoldenFiles.text("fields-quote.txt").split("\n")) {
            if (line.startsWith("\"Key\" : ") || line.startsWith("\"Value\" : ")) {
                expected.add(line);
            }
        }
        List<String> actual = new ArrayList<>();
        for (KeyValue kv : range.getKvsList()) {
            actual.add("\"Key\" : " + GoQuote.quote(kv.getKey().toByteArray()));
            actual.add("\"Value\" : " + GoQuote.quote(kv.getValue().toByteArray()));
        }
        assertEquals(16, expected.size());
        assertEquals(expected, actual);
    }

    @Test
    void referenceExamples() {
        assertEquals("\"k\\x01\\xff\"", GoQuote.quote(new byte[] {'k', 1, (byte) 0xff}));
        assertEquals("\"v\\n\"", GoQuote.quote("v\n"));
        assertEquals("\"\\x7f\"", GoQuote.quote("\u007f"));
        assertEquals("\"\\u00a0\"", GoQuote.quote("\u00a0"));
        assertEquals("\"😀\"", GoQuote.quote("😀"));
        assertEquals("\"é✓\"", GoQuote.quote("é✓"));
        assertEquals("\"foo\"", GoQuote.quote("foo"));
        assertEquals("\"\"", GoQuote.quote(new byte[0]));
    }

    @Test
    void escapesQuoteAndBackslashButNotSingleQuote() {
        assertEquals("\"\\\"\\\\'\"", GoQuote.quote("\"\\'"));
    }

    @Test
    void sevenShortControlEscapesAndHexForOtherControls() {
        assertEquals("\"\\a\\b\\f\\n\\r\\t\\v\\x00\\x1f\"", GoQuote.quote("\u0007\b\f\n\r\t\u000b\u0000\u001f"));
    }

    @Test
    void nonPrintableAboveAsciiUseUnicodeEscapes() {
        assertEquals("\"\\u0085\\u200b\\u3000\\ue000\"", GoQuote.quote("\u0085\u200b\u3000\ue000"));
        assertEquals("\"\\U0010ffff\\U000e0001\"", GoQuote.quote("\udbff\udfff\udb40\udc01"));
    }

    @Test
    void invalidUtf8IsEscapedBytewise() {
        byte[] overlongThenSurrogateThenTooLarge = {
            (byte) 0xc0, (byte) 0x80, (byte) 0xed, (byte) 0xa0, (byte) 0x80, (byte) 0xf4, (byte) 0x90, 'x'
        };
        assertEquals(
                "\"\\xc0\\x80\\xed\\xa0\\x80\\xf4\\x90x\"", GoQuote.quote(overlongThenSurrogateThenTooLarge));
        assertEquals("\"\\xe2\\x82\"", GoQuote.quote(new byte[] {(byte) 0xe2, (byte) 0x82}));
    }

    @Test
    void validReplacementCharacterIsPrinted() {
        assertEquals("\"\ufffd\"", GoQuote.quote(new byte[] {(byte) 0xef, (byte) 0xbf, (byte) 0xbd}));
    }

    @Test
    void unicode14AdditionsArePrintableLikeGo124() {
        assertEquals("\"\u061d\"", GoQuote.quote("\u061d")); // ARABIC END OF TEXT MARK, Po since 14.0
        assertEquals("\"\\u0378\"", GoQuote.quote("\u0378"));
    }
}
